import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/storage/pglite.js';
import { openPostgres } from '../../src/storage/postgres.js';
import type { SqlDatabase } from '../../src/storage/sql.js';

/** The PostgreSQL every developer machine and CI has (see the README); override with TEST_DATABASE_URL. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  name: string;
  /** A fresh, empty database (a new folder, or a new schema on the server). */
  open(): Promise<{
    db: SqlDatabase;
    connectAgain: () => Promise<SqlDatabase>;
    dispose: () => Promise<void>;
  }>;
}

let n = 0;
let template: Promise<string> | undefined;

/** Initialising a PGlite folder takes seconds: do it once, then copy the empty database. */
function pgliteTemplate(): Promise<string> {
  return (template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signin-pglite-template-'));
    await (await openPglite(dir)).close();
    return dir;
  })());
}

/** A new folder holding an empty embedded database, migrated by whoever opens it first. */
export async function freshPgliteDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'signin-pglite-'));
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

export const BACKENDS: Backend[] = [
  {
    name: 'embedded PGlite',
    async open() {
      const dir = await freshPgliteDir();
      const db = await openPglite(dir);
      return {
        db,
        // PGlite is one process's database: "connecting again" means reopening the folder after closing it.
        connectAgain: async () => {
          await db.close();
          return openPglite(dir);
        },
        dispose: async () => {},
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const schema = `test_${process.pid}_${Date.now()}_${++n}`;
      const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
      const others: SqlDatabase[] = [];
      return {
        db,
        connectAgain: async () => {
          const other = await openPostgres({ connectionString: POSTGRES_URL, schema });
          others.push(other);
          return other;
        },
        dispose: async () => {
          await db.query(`drop schema if exists ${schema} cascade`);
          await Promise.all([db, ...others].map((d) => d.close()));
        },
      };
    },
  },
];
