/**
 * The readable form of a log line, for a person at a terminal (`npm start`, LOG_FORMAT=pretty):
 * `12:04:05 WARN  could not update card  conversation=a:1 requestId=…`, then the error's stack.
 * Small on purpose: pino-pretty is a development dependency, and the production start needs none.
 */
import { utcClock } from '../core/text/dates.js';

const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

function value(v: unknown): string {
  return typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v);
}

/** One pino JSON line, readable. */
export function prettyLine(json: string): string {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json; // not pino's JSON (nothing else writes here): shown as it is rather than lost
  }
  const time = typeof line.time === 'string' ? utcClock(line.time) : '';
  const level = String(line.level).toUpperCase().padEnd(5);
  const fields = Object.entries(line)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`)
    .join(' ');
  const err = line.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? '').split('\n').join('\n    ')}` : '';
  return `${time} ${level} ${String(line.msg ?? '')}${fields ? `  ${fields}` : ''}${stack}\n`;
}
