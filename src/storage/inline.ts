/**
 * A statement with its parameters written into it as SQL literals, for PGlite: a
 * parameterised query there is six calls into WebAssembly (parse, describe, bind, describe,
 * execute, sync), a plain statement two (query, sync), measured at about a fifth of the CPU.
 *
 * Safe only with `standard_conforming_strings` on (PostgreSQL's default; pglite.ts checks it
 * at open): a string literal is then closed by a quote alone, and quotes are doubled. Each
 * literal is untyped ('...'), so PostgreSQL infers its type from where it stands, as it does
 * for a parameter without a type; values are written as PGlite would serialise them.
 */
import { StorageError } from '../core/errors.js';

/** A string as a SQL literal; a NUL byte, which no text value can hold, is refused. */
export function quote(text: string): string {
  if (text.includes('\0')) throw new StorageError('A text value for the database contains a NUL byte');
  return `'${text.replaceAll("'", "''")}'`;
}

/** An element of an array literal ('{"a","b",NULL}'), quoted and escaped as array input reads it. */
function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return `"${text(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A value's text, as PGlite's serialisers write a parameter. */
function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return `{${value.map(element).join(',')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function literal(value: unknown): string {
  return value === null || value === undefined ? 'NULL' : quote(text(value));
}

/** A statement cut at its parameters: text, parameter index, text, ... (see `inline`). */
type Template = (string | number)[];

const templates = new Map<string, Template>();

function template(sql: string): Template {
  const parts: Template = [];
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new StorageError(`Unterminated ${c} in a statement`);
      text += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const m = c === '$' ? /^\$(\d+)/.exec(sql.slice(i, i + 8)) : null;
    if (!m) {
      text += c;
      i++;
      continue;
    }
    parts.push(text, Number(m[1]) - 1);
    text = '';
    i += m[0].length;
  }
  parts.push(text);
  return parts;
}

/** `sql` with $1, $2 ... replaced by the literals of `params`, outside quoted strings and names. */
export function inline(sql: string, params: unknown[]): string {
  let parts = templates.get(sql);
  if (!parts) {
    parts = template(sql);
    if (templates.size >= 1000) templates.clear(); // the statements are the stores' own: a few dozen
    templates.set(sql, parts);
  }
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part < 0 || part >= params.length)
      throw new StorageError(`The statement uses $${part + 1}; ${params.length} given`);
    else out += literal(params[part]);
  }
  return out;
}
