/**
 * A read cache in front of a compare-and-set state store.
 *
 * Most messages of a conversation reach the process that wrote its last state, so the read
 * before each step can usually be answered from memory: one database round trip per message
 * instead of two. It stays correct when another process wrote in between because every write
 * names the version it read: a stale cached version makes the write fail, the entry is dropped,
 * and the caller (Bot) reads the fresh state and runs its step again.
 *
 * Values are kept as JSON text, so callers get their own copy each time.
 */
import { LRUCache } from 'lru-cache';
import type { StateStore, Versioned } from './types.js';

export class CachedStateStore<T> implements StateStore<T> {
  private readonly entries: LRUCache<string, { json: string; version: number }>;

  constructor(
    private readonly inner: StateStore<T>,
    /** Conversations remembered; the least recently used go first. */
    capacity = 10_000,
  ) {
    this.entries = new LRUCache({ max: capacity });
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const hit = this.entries.get(key);
    if (hit) {
      return { value: JSON.parse(hit.json) as T, version: hit.version };
    }
    const read = await this.inner.get(key);
    if (read) this.remember(key, { json: JSON.stringify(read.value), version: read.version });
    return read;
  }

  async put(key: string, value: T, expectedVersion: number): Promise<number | undefined> {
    const json = JSON.stringify(value);
    let version: number | undefined;
    try {
      version = await this.inner.put(key, value, expectedVersion);
    } catch (e) {
      this.entries.delete(key); // the write may or may not have happened: read it again next time
      throw e;
    }
    if (version === undefined) this.entries.delete(key);
    else this.remember(key, { json, version });
    return version;
  }

  written(key: string, value: T, version: number): void {
    this.remember(key, { json: JSON.stringify(value), version });
  }

  /** The store behind the cache (a transaction on the same database writes there directly). */
  get backing(): StateStore<T> {
    return this.inner;
  }

  private remember(key: string, entry: { json: string; version: number }): void {
    this.entries.set(key, entry); // the least recently used entry goes when it is full
  }
}
