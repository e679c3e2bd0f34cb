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
import type { SqlDatabase, SqlExecutor } from './sql.js';

export interface PgliteOptions {
  /** Called before a new database is created in the folder (it takes about 15 s). */
  onCreate?: (dataDir: string) => void;
}

export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<SqlDatabase> {
  if (!dataDir) return wrap(await PGlite.create({}), 'embedded PGlite in memory', () => {});
  mkdirSync(dataDir, { recursive: true });
  // One process per folder: a second one would read a stale copy (see lock.ts).
  const lock = lockFolder(dataDir);
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      options.onCreate?.(dataDir);
      await createInChild(dataDir);
    }
    return wrap(await PGlite.create({ dataDir }), `embedded PGlite in ${dataDir}`, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function wrap(db: PGlite, description: string, release: () => void): SqlDatabase {
  const executor = (client: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    exec: async (sql: string) => void (await client.exec(sql)),
  });
  return {
    description,
    ...executor(db),
    transaction: (work) =>
      db.transaction((tx) => work(executor(tx as unknown as Pick<PGlite, 'query' | 'exec'>))),
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
 * Creating a database (initdb) grows PGlite's WebAssembly memory to about 850 MB, and
 * WebAssembly memory never shrinks: a bot that created its database on its first start would
 * keep that for as long as it runs, where opening an existing one needs about 300 MB. So a new
 * database is created by a short-lived child process, and the bot only opens it.
 */
async function createInChild(dataDir: string): Promise<void> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script =
    `const { PGlite } = await import(${JSON.stringify(entry)});` +
    'const db = await PGlite.create({ dataDir: process.argv[1] });' +
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
        reject(
          new StorageError(
            `Could not create the embedded database in ${dataDir} (${said ?? error.message}). ` +
              'The folder must be empty or hold a database this bot created, and be writable; ' +
              'or set DATA_DIR to another folder.',
          ),
        );
      },
    ),
  );
}
