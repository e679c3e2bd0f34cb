/** The outcome store: the same suite in memory, on the embedded database and on PostgreSQL. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOutcomeStore } from '../../src/core/storage/memory-outcomes.js';
import type { NewOutcome, OutcomeStore } from '../../src/core/storage/outcomes.js';
import { sweepOutcomes } from '../../src/core/outcomes/retention.js';
import { storageOn } from '../../src/storage/open.js';
import { BACKENDS } from '../helpers/databases.js';

const question = (over: Partial<NewOutcome> = {}): NewOutcome => ({
  conversation: 'c1',
  userId: 'U1',
  platform: 'slack',
  chat: 'personal',
  lang: 'ja',
  startedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  text: 'サインインできない',
  decision: 'fix',
  topic: 'clock-skew',
  confidence: 0.8,
  suggestions: [],
  pins: [],
  ...over,
});

const stores: { name: string; open: () => Promise<{ store: OutcomeStore; dispose: () => Promise<void> }> }[] =
  [
    { name: 'memory', open: async () => ({ store: new MemoryOutcomeStore(), dispose: async () => {} }) },
    ...BACKENDS.map((b) => ({
      name: b.name,
      open: async () => {
        const opened = await b.open();
        const storage = await storageOn(opened.db);
        return { store: storage.outcomes, dispose: opened.dispose };
      },
    })),
  ];

describe.each(stores)('outcomes in $name', ({ open }) => {
  const cleanups: (() => Promise<void>)[] = [];
  // The first embedded database is created from scratch (seconds on a busy machine).
  beforeAll(async () => void (await (await open()).dispose()), 120_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  async function fresh() {
    const { store, dispose } = await open();
    cleanups.push(dispose);
    return store;
  }

  it('keeps a question and what became of it, field for field', async () => {
    const store = await fresh();
    const started = await store.start(question({ suggestions: ['a', 'b'], pins: ['clock-skew'] }));
    expect(started).toMatchObject({ picked: null, tried: [], end: null, fixed: null, escalation: null });
    await store.update(started.id, {
      tried: [
        { topic: 'clock-skew', stage: 's1', fixed: false },
        { topic: 'clock-skew', stage: 's2', fixed: true },
      ],
      end: 'fixed',
      endedAt: '2026-11-20T10:05:00.000Z',
      updatedAt: '2026-11-20T10:05:00.000Z',
      fixed: { topic: 'clock-skew', stage: 's2', index: 2 },
    });
    expect(await store.latest('c1')).toEqual({
      ...question({ suggestions: ['a', 'b'], pins: ['clock-skew'] }),
      id: started.id,
      picked: null,
      tried: [
        { topic: 'clock-skew', stage: 's1', fixed: false },
        { topic: 'clock-skew', stage: 's2', fixed: true },
      ],
      end: 'fixed',
      endedAt: '2026-11-20T10:05:00.000Z',
      updatedAt: '2026-11-20T10:05:00.000Z',
      fixed: { topic: 'clock-skew', stage: 's2', index: 2 },
      escalation: null,
    });
  });

  it('ends the open question when the next one starts: abandoned, or unanswered when a suggestion was never picked', async () => {
    const store = await fresh();
    const first = await store.start(question());
    await store.start(
      question({ startedAt: '2026-11-20T11:00:00.000Z', decision: 'did-you-mean', suggestions: ['x'] }),
    );
    await store.start(question({ startedAt: '2026-11-20T12:00:00.000Z' }));
    const [a, b, c] = await store.list();
    expect(a).toMatchObject({ id: first.id, end: 'abandoned', endedAt: '2026-11-20T11:00:00.000Z' });
    expect(b).toMatchObject({ end: 'unanswered', endedAt: '2026-11-20T12:00:00.000Z' });
    expect(c).toMatchObject({ end: null });
    // Another conversation's open question is not touched.
    await store.start(question({ conversation: 'c2', startedAt: '2026-11-20T13:00:00.000Z' }));
    expect((await store.list()).map((o) => o.end)).toEqual(['abandoned', 'unanswered', null, null]);
  });

  it('lists a period, oldest first', async () => {
    const store = await fresh();
    for (const day of ['18', '19', '20'])
      await store.start(question({ conversation: day, startedAt: `2026-11-${day}T00:00:00.000Z` }));
    const listed = await store.list({ since: '2026-11-19T00:00:00.000Z', until: '2026-11-20T00:00:00.000Z' });
    expect(listed.map((o) => o.conversation)).toEqual(['19']);
  });

  it('deletes outcomes past the retention period and keeps the rest', async () => {
    const store = await fresh();
    await store.start(question({ conversation: 'old', startedAt: '2026-08-01T00:00:00.000Z' }));
    await store.start(question({ conversation: 'kept', startedAt: '2026-09-01T00:00:00.000Z' }));
    const removed = await sweepOutcomes(store, 90, new Date('2026-11-25T00:00:00.000Z'));
    expect(removed).toBe(1);
    expect((await store.list()).map((o) => o.conversation)).toEqual(['kept']);
  });

  it("forgets one user's outcomes only", async () => {
    const store = await fresh();
    await store.start(question({ conversation: 'a', userId: 'U1' }));
    await store.start(question({ conversation: 'b', userId: 'U2' }));
    expect(await store.forget('U1')).toBe(1);
    expect((await store.list()).map((o) => o.userId)).toEqual(['U2']);
  });
});
