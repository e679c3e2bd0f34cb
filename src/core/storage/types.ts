/**
 * Storage interfaces. The core only talks to these; the memory implementations live beside
 * them, and persistent ones (a local folder, PostgreSQL) plug in without touching the core.
 */
import type { OutboxMessage } from '../helpdesk/types.js';

export interface Versioned<T> {
  value: T;
  /** Increases with every write; 0 means "never written". */
  version: number;
}

/**
 * Keeps one value per key with compare-and-set writes: a write names the version it read, and
 * fails (returns undefined) when someone else wrote in between, instead of overwriting them.
 */
export interface StateStore<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  put(key: string, value: T, expectedVersion: number): Promise<number | undefined>;
  /**
   * Told that `key` was written at `version` by a transaction this store did not run (a ticket
   * filed with the state that filed it), so that a cache in front of it stays current.
   */
  written?(key: string, value: T, version: number): void;
}

/** A compare-and-set state write that commits together with other writes, or not at all. */
export interface StateWrite<T = unknown> {
  /** The store the state belongs to (a store on another database writes it through this one). */
  store: StateStore<T>;
  key: string;
  value: T;
  expectedVersion: number;
}

/** One record of "this stage fixed it" (or did not), for the helpdesk and for content authors. */
export interface FeedbackRecord {
  conversation: string;
  topic: string;
  stage: string;
  fixed: boolean;
  lang: string;
  at: string;
}

export interface FeedbackStore {
  record(entry: FeedbackRecord): Promise<void>;
  list(): Promise<FeedbackRecord[]>;
}

export { StorageError } from '../errors.js';

/**
 * The cards the bot sent that carry buttons, by where they were sent (platform, conversation,
 * message id): when one is pressed, the platform tells only which message, and the card is
 * replaced by its answered form (the steps kept, the buttons gone). Kept in storage so that a
 * restart or another process can still answer it; old entries are dropped after a while.
 */
export interface SentCardStore<C> {
  /**
   * Keeps `card` under `key`. `owner` is the conversation key of the person it was sent to (in a
   * channel or group chat everyone sees it, but only they may answer it); a card remembered again
   * without one (updated in place) keeps the owner it had.
   */
  remember(key: string, card: C, owner?: string): Promise<void>;
  recall(key: string): Promise<C | undefined>;
  /** The conversation the card was sent to; undefined for a card shared by all, or unknown. */
  owner(key: string): Promise<string | undefined>;
}

/**
 * Remembers which deliveries were already taken, for a while: platforms retry events they did
 * not see acknowledged, and a retry must not be answered twice. `claim` is atomic: of two
 * processes claiming the same id, exactly one gets true.
 */
export interface DedupeStore {
  claim(id: string, ttlMs: number): Promise<boolean>;
  /**
   * Claims a delivery while it is handled: held for `leaseMs` only, so that a process killed
   * mid-way does not keep it; `finish` then remembers it as done. 'busy' means another process
   * holds it now (it may finish, or die and let the lease run out); 'done' means it was handled.
   */
  begin(id: string, leaseMs: number): Promise<'claimed' | 'busy' | 'done'>;
  /** The delivery was handled: remembered as done for `ttlMs`. */
  finish(id: string, ttlMs: number): Promise<void>;
  /** Gives a claim back when handling failed, so that the platform's retry is answered. */
  release(id: string): Promise<void>;
}

/** A message still to send: saved with what caused it, sent later, retried until it goes. */
export interface OutboxItem {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * The outbox: what must be sent is written in the same transaction as the change that calls
 * for it (a new ticket and its card), then sent by a worker. A crash between the two loses
 * nothing: after a restart the worker sends what is still pending. Sending is at least once;
 * a `dedupeKey` keeps the same message from being queued twice.
 */
export interface Outbox {
  /**
   * Queues a message that goes with no other change (the weekly digest). One whose `dedupeKey`
   * was queued before, by this process or another, is not queued again.
   */
  enqueue(message: OutboxMessage): Promise<void>;
  /** Claims up to `limit` due items for `leaseMs`; another worker skips them meanwhile. */
  claim(limit: number, leaseMs: number): Promise<OutboxItem[]>;
  complete(id: number, result?: Record<string, unknown>): Promise<void>;
  fail(id: number, error: string, retryInMs: number): Promise<void>;
  pending(): Promise<number>;
}
