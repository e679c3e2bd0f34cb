/**
 * The embedded default: PGlite, PostgreSQL compiled to WebAssembly and shipped on npm. No
 * server, no setting, no native module to compile; data in a local folder that survives
 * restarts, in the same SQL dialect as the PostgreSQL deployment.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase, SqlExecutor } from './sql.js';

export async function openPglite(dataDir?: string): Promise<SqlDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const executor = (client: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    exec: async (sql: string) => void (await client.exec(sql)),
  });
  return {
    description: dataDir ? `embedded PGlite in ${dataDir}` : 'embedded PGlite in memory',
    ...executor(db),
    transaction: (work) =>
      db.transaction((tx) => work(executor(tx as unknown as Pick<PGlite, 'query' | 'exec'>))),
    close: () => db.close(),
  };
}
