/** PostgreSQL through node-postgres, for more than one bot process (DATABASE_URL). */
import pg from 'pg';
import { StorageError } from '../core/storage/types.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';

export interface PostgresOptions {
  connectionString: string;
  /** A schema of its own (tests use a fresh one each run); created when missing. */
  schema?: string;
  max?: number;
}

function describe(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL'; // a key=value connection string: no host to show, and no password shown
  }
}

export async function openPostgres(options: PostgresOptions): Promise<SqlDatabase> {
  const description = describe(options.connectionString);
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StorageError(`Invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {}); // an idle client dropped by the server; the next query reconnects
  const wrap = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '57P01' || code === '57P03')
        throw new StorageError(`${description} is not reachable (${(e as Error).message})`, { cause: e });
      throw e;
    }
  };
  if (schema)
    await wrap(() => pool.query(`create schema if not exists ${schema}`)).catch((e: { code?: string }) => {
      // Two processes starting together both try to create it; "if not exists" does not stop
      // the second from failing on the catalogue's unique index. The schema exists: go on.
      if (e.code !== '23505' && e.code !== '42P06') throw e;
    });
  const executor = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await wrap(() => client.query(sql, params))).rows as T[],
    exec: async (sql: string) => void (await wrap(() => client.query(sql))),
  });
  return {
    description,
    ...executor(pool),
    async transaction(work) {
      const client = await wrap(() => pool.connect());
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(executor(client));
        await client.query('commit');
        return result;
      } catch (e) {
        // A connection that cannot even roll back is released as broken (the pool discards it);
        // the transaction's own error is the one the caller gets.
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
