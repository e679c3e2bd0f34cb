import { describe, expect, it } from 'vitest';
import { CachedStateStore } from '../../../src/core/storage/cached.js';
import { MemoryStateStore } from '../../../src/core/storage/memory.js';
import type { StateStore } from '../../../src/core/storage/types.js';

/** A store that counts the reads and writes reaching it. */
class Counting<T> extends MemoryStateStore<T> {
  reads = 0;
  writes = 0;
  failNextWrite = false;
  override async get(key: string) {
    this.reads++;
    return super.get(key);
  }
  override async put(key: string, value: T, expected: number) {
    this.writes++;
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('connection lost');
    }
    return super.put(key, value, expected);
  }
}

describe('CachedStateStore', () => {
  it('answers the read after its own write from memory', async () => {
    const inner = new Counting<{ n: number }>();
    const store = new CachedStateStore(inner);
    expect(await store.get('c')).toBeUndefined();
    expect(await store.put('c', { n: 1 }, 0)).toBe(1);
    expect(await store.get('c')).toEqual({ value: { n: 1 }, version: 1 });
    expect(await store.put('c', { n: 2 }, 1)).toBe(2);
    expect(await store.get('c')).toEqual({ value: { n: 2 }, version: 2 });
    expect(inner.reads).toBe(1); // only the first, which found nothing
    expect(inner.writes).toBe(2);
  });

  it('hands out copies, so a caller cannot change what is cached', async () => {
    const store = new CachedStateStore(new MemoryStateStore<{ list: number[] }>());
    const value = { list: [1] };
    await store.put('c', value, 0);
    value.list.push(2);
    (await store.get('c'))!.value.list.push(3);
    expect((await store.get('c'))!.value.list).toEqual([1]);
  });

  it('loses no update when another process wrote behind its back: the stale write fails, the next read is fresh', async () => {
    const shared = new MemoryStateStore<{ n: number }>();
    const here: StateStore<{ n: number }> = new CachedStateStore(shared);
    const there: StateStore<{ n: number }> = new CachedStateStore(shared);
    await here.put('c', { n: 1 }, 0);
    const mine = await here.get('c'); // version 1, from the cache
    const theirs = await there.get('c');
    expect(await there.put('c', { n: 10 }, theirs!.version)).toBe(2);
    expect(await here.put('c', { n: mine!.value.n + 1 }, mine!.version)).toBeUndefined();
    expect(await here.get('c')).toEqual({ value: { n: 10 }, version: 2 });
    expect(await here.put('c', { n: 11 }, 2)).toBe(3);
  });

  it('forgets an entry whose write failed, and reads it again', async () => {
    const inner = new Counting<{ n: number }>();
    const store = new CachedStateStore(inner);
    await store.put('c', { n: 1 }, 0);
    inner.failNextWrite = true;
    await expect(store.put('c', { n: 2 }, 1)).rejects.toThrow('connection lost');
    const reads = inner.reads;
    expect(await store.get('c')).toEqual({ value: { n: 1 }, version: 1 });
    expect(inner.reads).toBe(reads + 1);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const inner = new Counting<{ n: number }>();
    const store = new CachedStateStore(inner, 2);
    await store.put('a', { n: 1 }, 0);
    await store.put('b', { n: 1 }, 0);
    await store.get('a'); // a is now more recent than b
    await store.put('c', { n: 1 }, 0);
    const reads = inner.reads;
    await store.get('a');
    await store.get('c');
    expect(inner.reads).toBe(reads);
    await store.get('b');
    expect(inner.reads).toBe(reads + 1);
  });
});
