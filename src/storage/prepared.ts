/**
 * Statements the embedded database prepares once, then executes by name: PGlite runs every
 * statement in WebAssembly, and parsing and planning one again at each message was about a
 * third of its cost (measured on the bot's per-message statements). The parameters go in as
 * literals (see inline.ts), so a statement is one call into WebAssembly, not six.
 */
import { inline, literal } from './inline.js';

export interface PreparedText {
  /** What to run: PREPARE (the first time) and EXECUTE, or the statement inlined. */
  sql: string;
  /** Call when running it failed: the statement may not have been prepared, so it is prepared again. */
  failed: () => void;
}

const PREPARABLE = /^\s*(select|insert|update|delete|with|values)\b/i;

export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private made = 0;

  /** Statements prepared at most; past that, the rest run inlined (the stores have a few dozen). */
  constructor(private readonly max = 200) {}

  text(sql: string, params: unknown[]): PreparedText {
    const known = this.names.get(sql);
    const args = params.length ? `(${params.map(literal).join(', ')})` : '';
    // After any failure the statement is prepared afresh next time (under a new name): a
    // failure cannot leave a name that executes nothing. PREPARE outlives a rollback.
    const forget = () => this.names.delete(sql);
    if (known) return { sql: `execute ${known}${args}`, failed: forget };
    // Only these can be prepared (not DDL); a statement without parameters is run as it is.
    if (!params.length || !PREPARABLE.test(sql) || this.names.size >= this.max)
      return { sql: inline(sql, params), failed: () => {} };
    // A name never used again: a statement that failed may be prepared under its old name.
    const name = `bot_statement_${++this.made}`;
    this.names.set(sql, name);
    return { sql: `prepare ${name} as ${sql};\nexecute ${name}${args}`, failed: forget };
  }
}
