/** In-memory stores: the default for a single process and for tests. Values are copied in and out. */
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
 * Deliveries seen, each until its claim expires. Claims are kept in the order they were made
 * (a Map iterates in insertion order), so expired ones are swept from the front in time
 * proportional to what expired, not to how many are kept. A hard bound keeps memory flat under
 * any load; past it the oldest claims go first.
 */
export class MemoryDedupeStore implements DedupeStore {
  private readonly seen = new Map<string, { expires: number; done: boolean }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = 200_000,
  ) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    return this.take(id, ttlMs, true) === 'claimed';
  }

  async begin(id: string, leaseMs: number): Promise<'claimed' | 'busy' | 'done'> {
    return this.take(id, leaseMs, false);
  }

  async finish(id: string, ttlMs: number): Promise<void> {
    this.seen.delete(id);
    this.seen.set(id, { expires: this.now() + ttlMs, done: true });
  }

  async release(id: string): Promise<void> {
    this.seen.delete(id);
  }

  private take(id: string, ms: number, done: boolean): 'claimed' | 'busy' | 'done' {
    const now = this.now();
    for (const [key, entry] of this.seen) {
      if (entry.expires > now && this.seen.size < this.capacity) break;
      this.seen.delete(key);
    }
    const held = this.seen.get(id);
    if (held !== undefined && held.expires > now) return held.done ? 'done' : 'busy';
    this.seen.delete(id); // an expired claim made again goes to the back
    this.seen.set(id, { expires: now + ms, done });
    return 'claimed';
  }
}

/** Sent cards in this process: bounded, the oldest go first (a process with no storage). */
export class MemorySentCardStore<C> implements SentCardStore<C> {
  private readonly cards = new Map<string, { json: string; owner?: string }>();

  constructor(private readonly capacity = 5000) {}

  async remember(key: string, card: C, owner?: string): Promise<void> {
    const kept = owner ?? this.cards.get(key)?.owner;
    this.cards.delete(key);
    this.cards.set(key, { json: JSON.stringify(card), ...(kept !== undefined ? { owner: kept } : {}) });
    if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value!);
  }

  async recall(key: string): Promise<C | undefined> {
    const entry = this.cards.get(key);
    return entry === undefined ? undefined : (JSON.parse(entry.json) as C);
  }

  async owner(key: string): Promise<string | undefined> {
    return this.cards.get(key)?.owner;
  }
}
