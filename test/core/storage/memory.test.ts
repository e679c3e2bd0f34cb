import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../src/core/storage/keyed-queue.js';
import {
  MemoryDedupeStore,
  MemorySentCardStore,
  MemoryStateStore,
} from '../../../src/core/storage/memory.js';

describe('MemoryStateStore', () => {
  it('writes only over the version it read (compare-and-set)', async () => {
    const store = new MemoryStateStore<{ n: number }>();
    expect(await store.get('k')).toBeUndefined();
    expect(await store.put('k', { n: 1 }, 0)).toBe(1);
    expect(await store.put('k', { n: 2 }, 0)).toBeUndefined();
    expect(await store.put('k', { n: 2 }, 1)).toBe(2);
    expect(await store.get('k')).toEqual({ value: { n: 2 }, version: 2 });
  });

  it('hands out copies, so a caller cannot change what is stored', async () => {
    const store = new MemoryStateStore<{ list: number[] }>();
    const value = { list: [1] };
    await store.put('k', value, 0);
    value.list.push(2);
    const read = await store.get('k');
    read!.value.list.push(3);
    expect((await store.get('k'))!.value.list).toEqual([1]);
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key one after the other, in order, and other keys alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          log.push(name);
          resolve(name);
        }, ms),
      );
    const results = await Promise.all([
      queue.run('a', task('a1', 30)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a task fails', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('MemoryDedupeStore', () => {
  it('claims a delivery once until it expires, and gives it back on release', async () => {
    let now = 0;
    const store = new MemoryDedupeStore(() => now);
    expect(await store.claim('e1', 1000)).toBe(true);
    expect(await store.claim('e1', 1000)).toBe(false);
    await store.release('e1');
    expect(await store.claim('e1', 1000)).toBe(true);
    now = 1001;
    expect(await store.claim('e1', 1000)).toBe(true);
    expect(await store.claim('e1', 1000)).toBe(false);
  });

  it('holds a delivery being handled for its lease only, then remembers it as done', async () => {
    let now = 0;
    const store = new MemoryDedupeStore(() => now);
    expect(await store.begin('e1', 1000)).toBe('claimed');
    expect(await store.begin('e1', 1000)).toBe('busy');
    // Its process died: once the lease has run out, a retry is handled.
    now = 1001;
    expect(await store.begin('e1', 1000)).toBe('claimed');
    await store.finish('e1', 60_000);
    now = 5000;
    expect(await store.begin('e1', 1000)).toBe('done');
  });

  it('lets expired claims go as time passes and stays within its bound', async () => {
    let now = 0;
    const store = new MemoryDedupeStore(() => now, 1000);
    for (let i = 0; i < 500; i++) expect(await store.claim(`old${i}`, 100)).toBe(true);
    now = 200;
    for (let i = 0; i < 1500; i++) expect(await store.claim(`new${i}`, 60_000)).toBe(true);
    const size = (store as unknown as { seen: Map<string, number> }).seen.size;
    expect(size).toBeLessThanOrEqual(1000);
    // The newest claims are the ones kept.
    expect(await store.claim('new1499', 60_000)).toBe(false);
    expect(await store.claim('old0', 100)).toBe(true);
  });
});

describe('MemorySentCardStore', () => {
  it('keeps who a card belongs to when it is updated in place, and none for a shared card', async () => {
    const store = new MemorySentCardStore<{ kind: string }>();
    await store.remember('teams:c1:m1', { kind: 'topic' }, 'teams:c1:owner');
    await store.remember('teams:c1:m1', { kind: 'form' });
    await store.remember('teams:c1:m2', { kind: 'welcome' });
    expect(await store.recall('teams:c1:m1')).toEqual({ kind: 'form' });
    expect(await store.owner('teams:c1:m1')).toBe('teams:c1:owner');
    expect(await store.owner('teams:c1:m2')).toBeUndefined();
    expect(await store.owner('teams:c1:unknown')).toBeUndefined();
  });
});
