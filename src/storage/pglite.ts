/**
 * The embedded default: PGlite, PostgreSQL compiled to WebAssembly and shipped on npm. No
 * server, no setting, no native module to compile; data in a local folder that survives
 * restarts, in the same SQL dialect as the PostgreSQL deployment.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { StorageError } from '../core/errors.js';
import { lockFolder } from './lock.js';
import { migrate } from './migrations.js';
import { copyTemplate, defaultTemplateDir, makeTemplate, templateStamp } from './template.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';
import { PreparedStatements } from './prepared.js';

export interface PgliteOptions {
  /** Called before a new database is created in the folder the slow way, by initdb (3–8 s). */
  onCreate?: (dataDir: string) => void;
  /** The folder a new database is copied from (see template.ts); `npm run build` makes it. */
  templateDir?: string;
}

/**
 * PostgreSQL's memory settings for one embedded bot. Its defaults are a server's:
 * `shared_buffers` of 128 MB is most of PGlite's WebAssembly memory, which never shrinks.
 * The bot's tables are small and its queries touch a few rows each, so 16 MB holds all it
 * reads (measured: an opened database 309 MB -> 179 MB resident). Given at every start (so
 * folders made before these settings get them too) and to initdb, which also writes them
 * into the folder's postgresql.conf.
 */
export const MEMORY_SETTINGS = ['shared_buffers=16MB', 'max_connections=10'] as const;
const asParams = (settings: readonly string[]) => settings.flatMap((s) => ['-c', s]);
const START_PARAMS = [...PGlite.defaultStartParams, ...asParams(MEMORY_SETTINGS)];

export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<SqlDatabase> {
  if (!dataDir)
    return await wrap(
      await PGlite.create({ startParams: START_PARAMS, initDbStartParams: asParams(MEMORY_SETTINGS) }),
      'embedded PGlite in memory',
      () => {},
    );
  mkdirSync(dataDir, { recursive: true });
  // One process per folder: a second one would read a stale copy (see lock.ts).
  const lock = lockFolder(dataDir);
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await createDatabase(dataDir, options);
    return await wrap(
      await PGlite.create({ dataDir, startParams: START_PARAMS }),
      `embedded PGlite in ${dataDir}`,
      lock.release,
    );
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A new database in `dataDir`: copied from the template when there is one, else by initdb. */
async function createDatabase(dataDir: string, options: PgliteOptions): Promise<void> {
  const template = options.templateDir ?? defaultTemplateDir();
  try {
    if (copyTemplate(template, dataDir, templateStamp(MEMORY_SETTINGS))) return;
  } catch (error) {
    throw creationError(dataDir, (error as Error).message);
  }
  options.onCreate?.(dataDir);
  await createInChild(dataDir);
}

/**
 * Makes the template a first start copies (`npm run build`, see template.ts): a new database
 * with the bot's tables already made. Running the migrations on a new database was most of a
 * first start after the copy (about 1 s of its 3); a start still runs any migration the
 * template does not have (see migrations.ts).
 */
export function makePgliteTemplate(templateDir: string = defaultTemplateDir()): Promise<void> {
  return makeTemplate(templateDir, templateStamp(MEMORY_SETTINGS), async (dir) => {
    await createInChild(dir);
    const db = await openPglite(dir);
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
  });
}

function creationError(dataDir: string, said: string): StorageError {
  return new StorageError(
    `Could not create the embedded database in ${dataDir} (${said}). ` +
      'The folder must be empty or hold a database this bot created, and be writable; ' +
      'or set DATA_DIR to another folder.',
  );
}

async function wrap(db: PGlite, description: string, release: () => void): Promise<SqlDatabase> {
  // Statements are prepared once and their parameters written in as literals (see
  // prepared.ts, inline.ts), which is safe only while a quote alone closes a string literal.
  const [setting] = (
    await db.query<{ on: string }>("select current_setting('standard_conforming_strings') as on")
  ).rows;
  if (setting?.on !== 'on')
    throw new StorageError('The embedded database must have standard_conforming_strings on');
  const prepared = new PreparedStatements();
  const executor = (client: Pick<PGlite, 'exec'>): SqlExecutor => ({
    query: async <T>(sql: string, params: unknown[] = []) => {
      const statement = prepared.text(sql, params);
      try {
        return ((await client.exec(statement.sql)).at(-1)?.rows ?? []) as T[];
      } catch (error) {
        statement.failed();
        throw error;
      }
    },
    exec: async (sql: string) => void (await client.exec(sql)),
  });
  return {
    description,
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(executor(tx as unknown as Pick<PGlite, 'exec'>))),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Creating a database (initdb) grows PGlite's WebAssembly memory to about 650 MB (850 MB with
 * PostgreSQL's default settings), and WebAssembly memory never shrinks: a bot that created its
 * database on its first start would keep that for as long as it runs, where opening an
 * existing one needs under 200 MB. So initdb runs in a short-lived child process, and the bot
 * only opens what it made.
 */
async function createInChild(dataDir: string): Promise<void> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script =
    `const { PGlite } = await import(${JSON.stringify(entry)});` +
    `const initDbStartParams = ${JSON.stringify(asParams(MEMORY_SETTINGS))};` +
    'const db = await PGlite.create({ dataDir: process.argv[1], initDbStartParams });' +
    'await db.close();';
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, dataDir],
      { timeout: 120_000 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        // The child's last line is PGlite's own error (often terse: "ErrnoError ... errno: 54").
        const said = stderr
          .trim()
          .split('\n')
          .filter((l) => l.trim() && !/^\s+at |^Node\.js v/.test(l))
          .pop();
        reject(creationError(dataDir, said ?? error.message));
      },
    ),
  );
}
