/** Parameters written into statements as literals, for the embedded database (see inline.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inline, literal } from '../../src/storage/inline.js';
import { PreparedStatements } from '../../src/storage/prepared.js';
import { openPglite } from '../../src/storage/pglite.js';
import type { SqlDatabase } from '../../src/storage/sql.js';

describe('inline', () => {
  it('writes each kind of value as PostgreSQL reads it back', () => {
    expect(literal(null)).toBe('NULL');
    expect(literal(undefined)).toBe('NULL');
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal(45000)).toBe("'45000'");
    expect(literal(true)).toBe("'true'");
    expect(literal(new Date('2026-12-03T10:00:00.000Z'))).toBe("'2026-12-03T10:00:00.000Z'");
    expect(literal(Buffer.from([1, 255]))).toBe("'\\x01ff'");
    expect(literal({ a: "it's" })).toBe(`'{"a":"it''s"}'`);
    expect(literal(['a', 'b"c', 'd\\e', null])).toBe(`'{"a","b\\"c","d\\\\e",NULL}'`);
  });

  it('replaces $n outside quoted strings and names only, $10 apart from $1', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inline(`select $1, '$2', "$3", $10 where x = $2`, params)).toBe(
      `select '1', '$2', "$3", '10' where x = '2'`,
    );
  });

  it('refuses a NUL byte and a parameter that was not given', () => {
    expect(() => literal('a\0b')).toThrow(/NUL/);
    expect(() => inline('select $2', [1])).toThrow(/\$2/);
  });

  it('prepares a statement the first time, executes it by name after; DDL and no parameters as they are', () => {
    const p = new PreparedStatements();
    const first = p.text('select * from t where id = $1', [1]);
    expect(first.sql).toBe(
      "prepare bot_statement_1 as select * from t where id = $1;\nexecute bot_statement_1('1')",
    );
    expect(p.text('select * from t where id = $1', [2]).sql).toBe("execute bot_statement_1('2')");
    first.failed(); // it may not have been prepared: prepared again, under a new name
    expect(p.text('select * from t where id = $1', [3]).sql).toMatch(/^prepare bot_statement_2 as/);
    expect(p.text('create table t (id int)', []).sql).toBe('create table t (id int)');
    expect(p.text('select 1', []).sql).toBe('select 1');
  });
});

describe('inline, in the embedded database', () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openPglite();
    await db.exec(
      'create table t (id int primary key, name text, data jsonb, tags text[], raw bytea, at timestamptz)',
    );
  }, 120_000);
  afterAll(() => db.close());

  it('keeps text that looks like SQL as text, and reads every value back as it went in', async () => {
    const hostile = 'x\'); drop table t; --\\ $1 "q" 日本語';
    const at = '2026-12-03T10:00:00.000Z';
    await db.query('insert into t (id, name, data, tags, raw, at) values ($1, $2, $3::jsonb, $4, $5, $6)', [
      1,
      hostile,
      JSON.stringify({ text: hostile }),
      [hostile, null],
      Buffer.from([0, 1, 255]),
      new Date(at),
    ]);
    for (let i = 0; i < 2; i++) {
      // The second time through the prepared statement.
      const [row] = await db.query<Record<string, unknown>>('select * from t where id = $1 and name = $2', [
        1,
        hostile,
      ]);
      expect(row).toMatchObject({ id: 1, name: hostile, data: { text: hostile }, tags: [hostile, null] });
      expect(Buffer.from(row!.raw as Uint8Array)).toEqual(Buffer.from([0, 1, 255]));
      expect(new Date(row!.at as string).toISOString()).toBe(at);
    }
    expect(await db.query('select count(*)::int as n from t')).toEqual([{ n: 1 }]);
  });

  it('reports a failed statement, and runs it again prepared afresh', async () => {
    const insert = 'insert into t (id, name) values ($1, $2)';
    await expect(db.query(insert, [1, 'again'])).rejects.toThrow(/duplicate key/);
    await db.query(insert, [2, 'two']);
    await expect(db.query(insert, [2, 'two'])).rejects.toThrow(/duplicate key/);
    await db.query(insert, [3, 'three']);
    expect(await db.query<{ id: number }>('select id from t where id > $1 order by id', [1])).toEqual([
      { id: 2 },
      { id: 3 },
    ]);
  });
});
