/**
 * Chooses the storage from the environment: PostgreSQL when DATABASE_URL is set (for more
 * than one bot process), else the embedded PGlite database in DATA_DIR (default ./data).
 * Both get the same migrations before use.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from '../config/settings.js';
import type { Card } from '../core/cards/model.js';
import type { ConversationState } from '../core/dialogs/state.js';
import { CachedStateStore } from '../core/storage/cached.js';
import type { DedupeStore, FeedbackStore, Outbox, SentCardStore, StateStore } from '../core/storage/types.js';
import type { TicketStore } from '../core/helpdesk/types.js';
import type { PinStore } from '../core/pins/types.js';
import type { OutcomeStore } from '../core/storage/outcomes.js';
import { migrate } from './migrations.js';
import type { PgliteOptions } from './pglite.js';
import type { SqlDatabase } from './sql.js';
import { SqlFeedbackStore, SqlOutbox, SqlStateStore } from './stores.js';
import { SqlSentCardStore } from './sent-cards.js';
import { SqlDedupeStore } from './dedupe.js';
import { SqlTicketStore } from './tickets.js';
import { SqlPinStore } from './pins.js';
import { SqlOutcomeStore } from './outcomes.js';

/**
 * The bot's storage, typed with the core's storage contracts: what uses it depends on what a
 * store promises, not on its SQL, so a store can be replaced (a cache in front, another
 * database) without touching its users.
 */
export interface Storage {
  db: SqlDatabase;
  /** Conversation state, read through this process's cache (see CachedStateStore). */
  states: StateStore<ConversationState>;
  feedback: FeedbackStore;
  dedupe: DedupeStore;
  outbox: Outbox;
  tickets: TicketStore;
  pins: PinStore;
  /** Cards sent with buttons, to answer them in place (see SentCardStore). */
  sentCards: SentCardStore<Card>;
  /** What became of each question (the helpdesk's report). */
  outcomes: OutcomeStore;
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

export type StorageConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'>;

/**
 * The storage `config` asks for. Each database's module (and its driver: PGlite's WebAssembly
 * loader, pg) is imported only when it is the one used: a start loads one of the two.
 */
export async function openStorage(config: StorageConfig, options: PgliteOptions = {}): Promise<Storage> {
  const url = config.DATABASE_URL;
  if (url) {
    const schema = config.DATABASE_SCHEMA;
    const { openPostgres } = await import('./postgres.js');
    return storageOn(await openPostgres({ connectionString: url, ...(schema ? { schema } : {}) }));
  }
  const { openPglite } = await import('./pglite.js');
  return storageOn(await openPglite(resolve(config.DATA_DIR), options));
}
