/** A Logger that keeps what is logged, for tests that check what the operators are told. */
import type { LogFields, Logger } from '../../src/core/log/logger.js';

export interface LoggedLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  fields: LogFields;
}

export function recordingLogger(
  lines: LoggedLine[] = [],
  bindings: LogFields = {},
): Logger & { lines: LoggedLine[] } {
  const at =
    (level: LoggedLine['level']) =>
    (message: string, fields: LogFields = {}) =>
      void lines.push({ level, message, fields: { ...bindings, ...fields } });
  return {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: (more) => recordingLogger(lines, { ...bindings, ...more }),
    annotate: () => {},
  };
}

/**
 * A Logger that appends each message at info level or above to `messages` (debug, such as the
 * access log, is left out, as with the default LOG_LEVEL).
 */
export function messagesInto(messages: string[]): Logger {
  const push = (message: string) => void messages.push(message);
  const logger: Logger = {
    error: push,
    warn: push,
    info: push,
    debug: () => {},
    child: () => logger,
    annotate: () => {},
  };
  return logger;
}
