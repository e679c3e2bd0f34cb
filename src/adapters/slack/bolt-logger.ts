/**
 * Bolt's logger (the @slack/logger interface: variadic messages, its own level and name) over
 * the bot's Logger, so that what Bolt and its Web API client say lands in the same log, with
 * the same request fields, as the bot's own lines. Bolt sets the level (`logLevel`); lines
 * below it are dropped here, the rest go to the bot's logger, which applies LOG_LEVEL too.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/log/logger.js';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Bolt passes strings, errors and objects; they become one message, the first error its `err`. */
function line(parts: unknown[]): [string, { err?: unknown }] {
  const err = parts.find((p) => p instanceof Error);
  const text = parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
  return [text, err ? { err } : {}];
}

export function boltLogger(log: Logger, level: LogLevel = LogLevel.WARN): BoltLogger {
  let threshold = level;
  let named = log.child({ component: 'bolt' });
  const at = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(threshold);
  return {
    debug: (...msg) => at(LogLevel.DEBUG) && named.debug(...line(msg)),
    info: (...msg) => at(LogLevel.INFO) && named.info(...line(msg)),
    warn: (...msg) => at(LogLevel.WARN) && named.warn(...line(msg)),
    error: (...msg) => at(LogLevel.ERROR) && named.error(...line(msg)),
    setLevel: (l) => {
      threshold = l;
    },
    getLevel: () => threshold,
    setName: (name) => {
      named = log.child({ component: name });
    },
  };
}
