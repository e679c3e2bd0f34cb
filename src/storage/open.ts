/**
 * Chooses the storage from the environment: PostgreSQL when DATABASE_URL is set (for more
 * than one bot process), else the embedded PGlite database in DATA_DIR (default ./data).
 * Both get the same migrations before use.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Card } from '../core/cards/model.js';
import type { ConversationState } from '../core/dialogs/state.js';
import { CachedStateStore } from '../core/storage/cached.js';
import type { StateStore } from '../core/storage/types.js';
import { migrate } from './migrations.js';
import { openPglite, type PgliteOptions } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { SqlDatabase } from './sql.js';
import { SqlDedupeStore, SqlFeedbackStore, SqlOutbox, SqlSentCardStore, SqlStateStore } from './stores.js';
import { SqlTicketStore } from './tickets.js';
import { SqlPinStore } from './pins.js';
import { SqlOutcomeStore } from './outcomes.js';

export interface Storage {
  db: SqlDatabase;
  /** Conversation state, read through this process's cache (see CachedStateStore). */
  states: StateStore<ConversationState>;
  feedback: SqlFeedbackStore;
  dedupe: SqlDedupeStore;
  outbox: SqlOutbox;
  tickets: SqlTicketStore;
  pins: SqlPinStore;
  /** Cards sent with buttons, to answer them in place (see SentCardStore). */
  sentCards: SqlSentCardStore<Card>;
  /** What became of each question (the helpdesk's report). */
  outcomes: SqlOutcomeStore;
  close(): Promise<void>;
}

export async function storageOn(db: SqlDatabase): Promise<Storage> {
  await migrate(db);
  return {
    db,
    states: new CachedStateStore(new SqlStateStore<ConversationState>(db)),
    feedback: new SqlFeedbackStore(db),
    dedupe: new SqlDedupeStore(db),
    outbox: new SqlOutbox(db),
    tickets: new SqlTicketStore(db),
    pins: new SqlPinStore(db),
    sentCards: new SqlSentCardStore<Card>(db),
    outcomes: new SqlOutcomeStore(db),
    close: () => db.close(),
  };
}

/** What a process says while it creates the embedded database, on the first start in a folder. */
export function creatingMessage(dir: string): string {
  const rel = relative(process.cwd(), dir);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? `./${rel}` : dir;
  return `Creating the embedded database in ${shown}, about 10 s, only the first time (after npm run build, a copy instead)…`;
}

export async function openStorage(env: NodeJS.ProcessEnv, options: PgliteOptions = {}): Promise<Storage> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new ConfigError('DATABASE_URL must be a postgres:// connection string.');
    const schema = env.DATABASE_SCHEMA?.trim();
    return storageOn(await openPostgres({ connectionString: url, ...(schema ? { schema } : {}) }));
  }
  return storageOn(await openPglite(resolve(env.DATA_DIR?.trim() || 'data'), options));
}
