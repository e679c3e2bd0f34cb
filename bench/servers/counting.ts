/**
 * Counts the round trips the bot makes to its database (a query, a transaction's begin and
 * commit), for bench/per-request.ts: the number of statements per message is what the storage
 * costs most of all, in PGlite above all (each one several calls into WebAssembly).
 */
import type { SqlDatabase, SqlExecutor } from '../../src/storage/sql.js';

export interface Counted {
  db: SqlDatabase;
  /** Round trips so far. */
  count: () => number;
  /** Round trips so far by statement (its first words). */
  byStatement: () => Record<string, number>;
}

export function counting(db: SqlDatabase): Counted {
  let n = 0;
  const seen = new Map<string, number>();
  const note = (sql: string) => {
    n++;
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  };
  const executor = (inner: SqlExecutor): SqlExecutor => ({
    query: (sql, params) => {
      note(sql);
      return inner.query(sql, params);
    },
    exec: (sql) => {
      note(sql);
      return inner.exec(sql);
    },
  });
  return {
    count: () => n,
    byStatement: () => Object.fromEntries(seen),
    db: {
      ...executor(db),
      description: db.description,
      transaction: (work) => {
        note('begin');
        note('commit');
        return db.transaction((tx) => work(executor(tx)));
      },
      close: () => db.close(),
    },
  };
}
