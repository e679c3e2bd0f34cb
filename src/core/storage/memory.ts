/** In-memory stores: the default for a single process and for tests. Values are copied in and out. */
import { LRUCache } from 'lru-cache';
import type {
  DedupeStore,
  FeedbackRecord,
  FeedbackStore,
  SentCardStore,
  StateStore,
  Versioned,
} from './types.js';

/**
 * Values are kept as JSON text, as the SQL stores keep them: a value that would not survive
 * PostgreSQL fails here too, and copying through JSON is cheaper than structuredClone.
 */
export class MemoryStateStore<T> implements StateStore<T> {
  private readonly data = new Map<string, { json: string; version: number }>();

  async get(key: string): Promise<Versioned<T> | undefined> {
    const entry = this.data.get(key);
    return entry && { value: JSON.parse(entry.json) as T, version: entry.version };
  }

  async put(key: string, value: T, expectedVersion: number): Promise<number | undefined> {
    const current = this.data.get(key)?.version ?? 0;
    if (current !== expectedVersion) return undefined;
    const version = current + 1;
    this.data.set(key, { json: JSON.stringify(value), version });
    return version;
  }
}

export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records: FeedbackRecord[] = [];

  async record(entry: FeedbackRecord): Promise<void> {
    this.records.push({ ...entry });
  }

  async list(): Promise<FeedbackRecord[]> {
    return this.records.map((r) => ({ ...r }));
  }
}

/**
 * Deliveries seen, each until its claim expires (a TTL per entry, on the given clock). A hard
 * bound keeps memory flat under any load; past it the least recently claimed go first.
 */
export class MemoryDedupeStore implements DedupeStore {
  private readonly seen: LRUCache<string, { done: boolean }>;

  constructor(now: () => number = Date.now, capacity = 200_000) {
    // ttlResolution 0: every check reads the clock (tests move it; a cached "now" would lag).
    // lru-cache takes a start time of 0 for "no TTL", so a clock that starts at 0 is moved by 1.
    this.seen = new LRUCache({ max: capacity, ttlResolution: 0, perf: { now: () => now() + 1 } });
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    return this.take(id, ttlMs, true) === 'claimed';
  }

  async begin(id: string, leaseMs: number): Promise<'claimed' | 'busy' | 'done'> {
    return this.take(id, leaseMs, false);
  }

  async finish(id: string, ttlMs: number): Promise<void> {
    this.seen.set(id, { done: true }, { ttl: ttlMs });
  }

  async release(id: string): Promise<void> {
    this.seen.delete(id);
  }

  private take(id: string, ms: number, done: boolean): 'claimed' | 'busy' | 'done' {
    const held = this.seen.get(id); // undefined once its time is up
    if (held) return held.done ? 'done' : 'busy';
    this.seen.set(id, { done }, { ttl: ms });
    return 'claimed';
  }
}

/** Sent cards in this process: bounded, the oldest go first (a process with no storage). */
export class MemorySentCardStore<C> implements SentCardStore<C> {
  private readonly cards: LRUCache<string, { json: string; owner?: string }>;

  constructor(capacity = 5000) {
    this.cards = new LRUCache({ max: capacity });
  }

  async remember(key: string, card: C, owner?: string): Promise<void> {
    const kept = owner ?? this.cards.get(key)?.owner;
    this.cards.set(key, { json: JSON.stringify(card), ...(kept !== undefined ? { owner: kept } : {}) });
  }

  async recall(key: string): Promise<C | undefined> {
    const entry = this.cards.get(key);
    return entry === undefined ? undefined : (JSON.parse(entry.json) as C);
  }

  async owner(key: string): Promise<string | undefined> {
    return this.cards.get(key)?.owner;
  }
}
