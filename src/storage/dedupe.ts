/**
 * Processed deliveries in SQL (see DedupeStore): a claim is a row that has not expired;
 * expired rows are reclaimed. Claims, and the marks of deliveries done, that arrive together
 * go in one statement each (see Batcher).
 */
import type { DedupeStore } from '../core/storage/types.js';
import { Batcher } from './batch.js';
import type { SqlDatabase } from './sql.js';

type Claim = 'claimed' | 'busy' | 'done';

interface Take {
  id: string;
  ms: number;
  /** Taken as done at once (`claim`), or held while handled (`begin`). */
  done: boolean;
}

export class SqlDedupeStore implements DedupeStore {
  private claims = 0;
  private readonly takes = new Batcher<Take, Claim>((items) => this.takeAll(items));
  private readonly finishes = new Batcher<{ id: string; ms: number }, void>((items) => this.finishAll(items));

  constructor(private readonly db: SqlDatabase) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    return (await this.takes.run({ id, ms: ttlMs, done: true })) === 'claimed';
  }

  begin(id: string, leaseMs: number): Promise<Claim> {
    return this.takes.run({ id, ms: leaseMs, done: false });
  }

  finish(id: string, ttlMs: number): Promise<void> {
    return this.finishes.run({ id, ms: ttlMs });
  }

  async release(id: string): Promise<void> {
    await this.db.query('delete from processed_events where id = $1', [id]);
  }

  private async takeAll(items: Take[]): Promise<Claim[]> {
    this.claims += items.length;
    if (this.claims >= 500) {
      this.claims = 0;
      await this.db.query('delete from processed_events where expires_at < now()');
    }
    // One row per id in a statement (an upsert cannot touch a row twice): a second delivery
    // of an id in the same batch finds it held by the first.
    const first = new Map<string, Take>();
    for (const t of items) if (!first.has(t.id)) first.set(t.id, t);
    const unique = [...first.values()];
    const taken = await this.db.query<{ id: string }>(
      `insert into processed_events (id, expires_at, done)
       select id, now() + ms * interval '1 millisecond', done
       from unnest($1::text[], $2::float8[], $3::boolean[]) as t(id, ms, done)
       on conflict (id) do update set expires_at = excluded.expires_at, done = excluded.done
       where processed_events.expires_at <= now()
       returning id`,
      [unique.map((t) => t.id), unique.map((t) => t.ms), unique.map((t) => t.done)],
    );
    const claimed = new Set(taken.map((r) => r.id));
    const others = unique.filter((t) => !claimed.has(t.id)).map((t) => t.id);
    const held = new Map<string, boolean>();
    if (others.length)
      for (const r of await this.db.query<{ id: string; done: boolean }>(
        'select id, done from processed_events where id = any($1::text[])',
        [others],
      ))
        held.set(r.id, r.done);
    return items.map((t) => {
      if (first.get(t.id) !== t) return claimed.has(t.id) ? 'busy' : held.get(t.id) ? 'done' : 'busy';
      if (claimed.has(t.id)) return 'claimed';
      // Gone between the two statements (released after a failure): the next retry takes it.
      return held.get(t.id) ? 'done' : 'busy';
    });
  }

  private async finishAll(items: { id: string; ms: number }[]): Promise<void[]> {
    await this.db.query(
      `update processed_events p set done = true, expires_at = now() + t.ms * interval '1 millisecond'
       from unnest($1::text[], $2::float8[]) as t(id, ms) where p.id = t.id`,
      [items.map((t) => t.id), items.map((t) => t.ms)],
    );
    return items.map(() => undefined);
  }
}
