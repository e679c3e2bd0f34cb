/**
 * The SQL the stores need from a database: queries with $1 parameters, and transactions.
 * PostgreSQL (node-postgres) and PGlite (PostgreSQL compiled to WebAssembly, the embedded
 * default) both speak it, so the schema and every store are written once.
 */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** What this is, for logs ("PostgreSQL at 127.0.0.1:5432/test", "embedded PGlite in ./data"). */
  readonly description: string;
}
