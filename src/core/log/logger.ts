/**
 * What the bot writes to its operators, by level, with fields a log pipeline can filter on
 * (the request, the conversation, the ticket). The core sees only this interface: the
 * implementation (pino, in src/logging/) is chosen at start, and tests hand in one that
 * records. An error goes in the `err` field, whole, so that its stack and cause are kept.
 */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line it writes (a ticket, a component). */
  child(bindings: LogFields): Logger;
  /**
   * Adds `fields` to every line written from here on while the current request is handled,
   * by any logger (the core knows the conversation before the adapter's later lines do).
   * Outside a request it does nothing.
   */
  annotate(fields: LogFields): void;
}

/** Writes nothing: for library use and tests that do not look at logs. */
export const silentLogger: Logger = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
  annotate: () => {},
};
