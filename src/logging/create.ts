/**
 * The bot's logger: pino, leveled (LOG_LEVEL), JSON a line for a log pipeline or readable for
 * a person (LOG_FORMAT), with the current request's fields (see context.ts) on every line.
 * It is handed to the core as the core's own Logger interface, and adapted for Bolt and
 * botbuilder in their adapters.
 */
import { pino, type Logger as Pino } from 'pino';
import type { LogFields, Logger } from '../core/log/logger.js';
import type { Config } from '../config/settings.js';
import { addLogContext, logContext } from './context.js';
import { prettyLine } from './pretty.js';

export interface LoggerOptions {
  level: Config['LOG_LEVEL'];
  format: Config['LOG_FORMAT'];
  /** Where lines go (standard output by default; tests collect them). */
  write?: (line: string) => void;
}

function wrap(p: Pino): Logger {
  return {
    error: (message, fields) => p.error(fields ?? {}, message),
    warn: (message, fields) => p.warn(fields ?? {}, message),
    info: (message, fields) => p.info(fields ?? {}, message),
    debug: (message, fields) => p.debug(fields ?? {}, message),
    child: (bindings: LogFields) => wrap(p.child(bindings)),
    annotate: addLogContext,
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const destination = { write: options.format === 'pretty' ? (l: string) => write(prettyLine(l)) : write };
  return wrap(
    pino(
      {
        level: options.level,
        base: null, // no pid/hostname: the platform running the process adds its own
        mixin: () => ({ ...logContext() }),
        timestamp: pino.stdTimeFunctions.isoTime,
        // "warn", not 40: what a person filters on in the log pipeline.
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
}
