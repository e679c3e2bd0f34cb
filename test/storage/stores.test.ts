/** The same storage suite against the embedded database and against PostgreSQL. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/storage/migrations.js';
import type { SqlDatabase } from '../../src/storage/sql.js';
import { storageOn } from '../../src/storage/open.js';
import { SqlOutbox } from '../../src/storage/stores.js';
import { BACKENDS } from '../helpers/databases.js';

describe.each(BACKENDS)('storage on $name', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  // The first embedded database is created from scratch: seconds, or tens on a busy machine.
  beforeAll(async () => void (await (await backend.open()).dispose()), 120_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  async function fresh() {
    const opened = await backend.open();
    cleanups.push(opened.dispose);
    return { storage: await storageOn(opened.db), connectAgain: opened.connectAgain };
  }

  it('migrates once: a second run applies nothing', async () => {
    const { storage } = await fresh();
    expect(await migrate(storage.db)).toEqual([]);
    const rows = await storage.db.query<{ version: number }>(
      'select version from schema_migrations order by version',
    );
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  }, 90_000); // the first embedded database is created here (15 s, more on a busy machine)

  it('keeps conversation state with compare-and-set', async () => {
    const { storage } = await fresh();
    const s = storage.states;
    expect(await s.get('c')).toBeUndefined();
    expect(await s.put('c', { lang: 'ja' } as never, 0)).toBe(1);
    expect(await s.put('c', { lang: 'en' } as never, 0)).toBeUndefined();
    expect(await s.put('c', { lang: 'en' } as never, 1)).toBe(2);
    expect(await s.put('c', { lang: 'zh-TW' } as never, 1)).toBeUndefined();
    expect(await s.get('c')).toEqual({ value: { lang: 'en' }, version: 2 });
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const { storage } = await fresh();
    await storage.states.put('c', { n: 0 } as never, 0);
    const results = await Promise.all([
      storage.states.put('c', { n: 1 } as never, 1),
      storage.states.put('c', { n: 2 } as never, 1),
    ]);
    expect(results.filter((r) => r === 2)).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
  });

  it('holds a delivery being handled for its lease only, then remembers it as done', async () => {
    const { storage } = await fresh();
    const d = storage.dedupe;
    const claims = await Promise.all([d.begin('event:2', 200), d.begin('event:2', 200)]);
    expect(claims.sort()).toEqual(['busy', 'claimed']);
    // The process handling it died: after the lease a retry takes it.
    await new Promise((r) => setTimeout(r, 250));
    expect(await d.begin('event:2', 60_000)).toBe('claimed');
    await d.finish('event:2', 60_000);
    expect(await d.begin('event:2', 60_000)).toBe('done');
  });

  it('answers deliveries claimed together (one statement) each as it would alone', async () => {
    const { storage } = await fresh();
    const d = storage.dedupe;
    await d.begin('event:done', 60_000);
    await d.finish('event:done', 60_000);
    await d.begin('event:held', 60_000);
    const claims = await Promise.all([
      d.begin('event:warm-up', 60_000), // runs alone; the others wait for it, then go together
      d.begin('event:a', 60_000),
      d.begin('event:done', 60_000),
      d.begin('event:held', 60_000),
      d.begin('event:a', 60_000),
      d.claim('event:b', 60_000),
      d.claim('event:b', 60_000),
    ]);
    expect(claims).toEqual(['claimed', 'claimed', 'done', 'busy', 'busy', true, false]);
    await Promise.all([d.finish('event:a', 60_000), d.finish('event:held', 60_000)]);
    expect(await Promise.all([d.begin('event:a', 1), d.begin('event:held', 1)])).toEqual(['done', 'done']);
  });

  // Two processes on one database: PostgreSQL only (PGlite is one process's database).
  it.skipIf(backend.name !== 'PostgreSQL')(
    'gives each delivery to one of two processes claiming at once',
    async () => {
      const { storage, connectAgain } = await fresh();
      const other = await storageOn(await connectAgain());
      const ids = Array.from({ length: 20 }, (_, i) => `event:both-${i}`);
      const [mine, theirs] = await Promise.all(
        [storage, other].map((s) => Promise.all(ids.map((id) => s.dedupe.begin(id, 60_000)))),
      );
      ids.forEach((_, i) => expect([mine![i], theirs![i]].sort()).toEqual(['busy', 'claimed']));
    },
  );

  it('records feedback', async () => {
    const { storage } = await fresh();
    const at = '2026-11-22T03:00:00.000Z';
    await storage.feedback.record({
      conversation: 'c',
      topic: 'clock-skew',
      stage: 'sync-time',
      fixed: true,
      lang: 'ja',
      at,
    });
    expect(await storage.feedback.list()).toEqual([
      { conversation: 'c', topic: 'clock-skew', stage: 'sync-time', fixed: true, lang: 'ja', at },
    ]);
  });

  it('claims a delivery once until it expires, and gives it back on release', async () => {
    const { storage } = await fresh();
    const d = storage.dedupe;
    const claims = await Promise.all([
      d.claim('event:1', 60_000),
      d.claim('event:1', 60_000),
      d.claim('event:1', 60_000),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await d.release('event:1');
    expect(await d.claim('event:1', 60_000)).toBe(true);
    expect(await d.claim('event:short', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await d.claim('event:short', 60_000)).toBe(true);
  });

  it('queues outbox messages with the change that calls for them, and only then', async () => {
    const { storage } = await fresh();
    await storage.db.transaction(async (tx) => {
      await tx.query(
        'insert into feedback (conversation, topic, stage, fixed, lang, at) values ($1, $2, $3, $4, $5, now())',
        ['c', 't', 's', true, 'en'],
      );
      await SqlOutbox.enqueue(tx, 'card', { n: 1 }, 'ticket-1:card');
    });
    await expect(
      storage.db.transaction(async (tx) => {
        await SqlOutbox.enqueue(tx, 'card', { n: 2 }, 'ticket-2:card');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await storage.db.transaction((tx) => SqlOutbox.enqueue(tx, 'card', { n: 1 }, 'ticket-1:card'));
    expect(await storage.outbox.pending()).toBe(1);
  });

  it('hands an outbox item to one worker at a time, retries failures later, and forgets what was sent', async () => {
    const { storage } = await fresh();
    await storage.db.transaction(async (tx) => {
      await SqlOutbox.enqueue(tx, 'card', { n: 1 });
      await SqlOutbox.enqueue(tx, 'card', { n: 2 });
    });
    const [a, b] = await Promise.all([storage.outbox.claim(1, 60_000), storage.outbox.claim(5, 60_000)]);
    expect([...a!, ...b!].map((i) => i.payload.n).sort()).toEqual([1, 2]);
    expect(await storage.outbox.claim(5, 60_000)).toEqual([]);
    const [first] = [...a!, ...b!].sort((x, y) => x.id - y.id);
    await storage.outbox.complete(first!.id, { messageId: 'm1' });
    const second = [...a!, ...b!].find((i) => i.id !== first!.id)!;
    await storage.outbox.fail(second.id, 'HTTP 502', 0);
    const retried = await storage.outbox.claim(5, 60_000);
    expect(retried.map((i) => [i.id, i.attempts])).toEqual([[second.id, 2]]);
    await storage.outbox.complete(second.id);
    expect(await storage.outbox.pending()).toBe(0);
  });

  it('keeps who a sent card belongs to, through an update in place and a restart', async () => {
    const { storage, connectAgain } = await fresh();
    await storage.sentCards.remember('teams:c1:m1', { kind: 'topic' } as never, 'teams:c1:owner');
    await storage.sentCards.remember('teams:c1:m2', { kind: 'welcome' } as never); // shared by all
    // Asked again in place: the new card, the same owner.
    await storage.sentCards.remember('teams:c1:m1', { kind: 'form' } as never);
    const again = await storageOn(await connectAgain());
    expect(await again.sentCards.recall('teams:c1:m1')).toEqual({ kind: 'form' });
    expect(await again.sentCards.owner('teams:c1:m1')).toBe('teams:c1:owner');
    expect(await again.sentCards.owner('teams:c1:m2')).toBeUndefined();
    expect(await again.sentCards.owner('teams:c1:never-sent')).toBeUndefined();
    cleanups.push(async () => {
      if (backend.name.startsWith('embedded')) await again.close();
    });
  });

  it('remembers cards sent together (one statement) as one after the other would', async () => {
    const { storage } = await fresh();
    const cards = storage.sentCards;
    await Promise.all([
      cards.remember('slack:D1:1', { n: 0 } as never, 'alone'), // runs alone; the others go together
      cards.remember('slack:D1:2', { n: 1 } as never, 'ann'),
      cards.remember('slack:D1:2', { n: 2 } as never),
      cards.remember('slack:D1:3', { n: 3 } as never),
    ]);
    expect(await cards.recall('slack:D1:2')).toEqual({ n: 2 });
    expect(await cards.owner('slack:D1:2')).toBe('ann');
    expect(await cards.recall('slack:D1:3')).toEqual({ n: 3 });
    expect(await cards.owner('slack:D1:3')).toBeUndefined();
  });

  it('keeps everything across a restart', async () => {
    const { storage, connectAgain } = await fresh();
    await storage.states.put('c', { lang: 'zh-CN' } as never, 0);
    const again = await storageOn(await connectAgain());
    expect(await again.states.get('c')).toEqual({ value: { lang: 'zh-CN' }, version: 1 });
    cleanups.push(async () => {
      if (backend.name.startsWith('embedded')) await again.close();
    });
  });
});

describe('PostgreSQL, several processes starting at once', () => {
  it('all open the same new schema (creating it races in PostgreSQL itself)', async () => {
    const { openPostgres } = await import('../../src/storage/postgres.js');
    const { POSTGRES_URL } = await import('../helpers/databases.js');
    const schema = `race_${process.pid}_${Date.now()}`;
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => openPostgres({ connectionString: POSTGRES_URL, schema, max: 1 })),
    );
    const stores = await Promise.all(opened.map((db) => storageOn(db)));
    expect(await stores[0]!.states.put('c', { n: 1 } as never, 0)).toBe(1);
    expect(await stores[5]!.states.get('c')).toMatchObject({ version: 1 });
    await opened[0]!.query(`drop schema ${schema} cascade`);
    await Promise.all(opened.map((db) => db.close()));
  });
});

describe('PostgreSQL connection errors', () => {
  it('name the server that could not be reached', async () => {
    const { openPostgres } = await import('../../src/storage/postgres.js');
    const db: SqlDatabase = await openPostgres({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    await expect(db.query('select 1')).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:1\/test is not reachable/);
    await db.close();
  });
});
