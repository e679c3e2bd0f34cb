/**
 * The core's storage interfaces over SQL, written once for PostgreSQL and PGlite.
 */
import type {
  FeedbackRecord,
  FeedbackStore,
  Outbox,
  OutboxItem,
  StateStore,
  Versioned,
} from '../core/storage/types.js';
import { CachedStateStore } from '../core/storage/cached.js';
import type { OutboxMessage } from '../core/helpdesk/types.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';

/** Conversation state with compare-and-set: an update names the version it read. */
export class SqlStateStore<T> implements StateStore<T> {
  constructor(readonly db: SqlDatabase) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const [row] = await this.db.query<{ value: T; version: string | number }>(
      'select value, version from conversation_state where key = $1',
      [key],
    );
    return row && { value: row.value, version: Number(row.version) };
  }

  async put(key: string, value: T, expectedVersion: number): Promise<number | undefined> {
    return SqlStateStore.write(this.db, key, value, expectedVersion);
  }

  /** The compare-and-set write, on the database or inside a transaction. */
  static async write(
    exec: SqlExecutor,
    key: string,
    value: unknown,
    expectedVersion: number,
  ): Promise<number | undefined> {
    const json = JSON.stringify(value);
    const rows =
      expectedVersion === 0
        ? await exec.query<{ version: string | number }>(
            'insert into conversation_state (key, value, version) values ($1, $2::jsonb, 1) on conflict (key) do nothing returning version',
            [key, json],
          )
        : await exec.query<{ version: string | number }>(
            'update conversation_state set value = $2::jsonb, version = version + 1, updated_at = now() where key = $1 and version = $3 returning version',
            [key, json, expectedVersion],
          );
    return rows[0] ? Number(rows[0].version) : undefined;
  }

  /** Whether `store` keeps its values in `db` (directly or through a cache), so a transaction there can write them. */
  static on(store: StateStore<unknown>, db: SqlDatabase): boolean {
    const inner = store instanceof CachedStateStore ? (store as CachedStateStore<unknown>).backing : store;
    return inner instanceof SqlStateStore && inner.db === db;
  }
}

export class SqlFeedbackStore implements FeedbackStore {
  constructor(private readonly db: SqlDatabase) {}

  async record(e: FeedbackRecord): Promise<void> {
    await this.db.query(
      'insert into feedback (conversation, topic, stage, fixed, lang, at) values ($1, $2, $3, $4, $5, $6)',
      [e.conversation, e.topic, e.stage, e.fixed, e.lang, e.at],
    );
  }

  async list(): Promise<FeedbackRecord[]> {
    const rows = await this.db.query<FeedbackRecord & { at: Date | string }>(
      'select conversation, topic, stage, fixed, lang, at from feedback order by id',
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
}

export class SqlOutbox implements Outbox {
  constructor(private readonly db: SqlDatabase) {}

  /** Queues a message; pass the transaction of the change that calls for it. */
  static async enqueue(
    tx: SqlExecutor,
    kind: string,
    payload: Record<string, unknown>,
    dedupeKey?: string,
  ): Promise<void> {
    await tx.query(
      'insert into outbox (kind, payload, dedupe_key) values ($1, $2::jsonb, $3) on conflict (dedupe_key) do nothing',
      [kind, JSON.stringify(payload), dedupeKey ?? null],
    );
  }

  async enqueue(message: OutboxMessage): Promise<void> {
    await SqlOutbox.enqueue(this.db, message.kind, message.payload, message.dedupeKey);
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const rows = await this.db.query<{
      id: string | number;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
    }>(
      `update outbox set locked_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
       where id in (
         select id from outbox
         where sent_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
         order by id limit $1 for update skip locked)
       returning id, kind, payload, attempts`,
      [limit, leaseMs],
    );
    return rows
      .map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }))
      .sort((a, b) => a.id - b.id);
  }

  async complete(id: number, result: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(
      'update outbox set sent_at = now(), result = $2::jsonb, locked_until = null where id = $1',
      [id, JSON.stringify(result)],
    );
  }

  async fail(id: number, error: string, retryInMs: number): Promise<void> {
    await this.db.query(
      `update outbox set last_error = $2, locked_until = null, next_attempt_at = now() + $3 * interval '1 millisecond' where id = $1`,
      [id, error.slice(0, 2000), retryInMs],
    );
  }

  async pending(): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>(
      'select count(*) as n from outbox where sent_at is null',
    );
    return Number(row?.n ?? 0);
  }
}
