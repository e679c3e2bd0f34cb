/**
 * How `npm start` and `npm run serve` end when the bot cannot start: a setting or the storage
 * the operator can fix gets its message alone, anything else its stack trace for a bug report.
 */
import { ConfigError, StorageError } from '../core/errors.js';

export function exitOnStartError(error: unknown): never {
  console.error(
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : error instanceof StorageError
        ? `storage error: ${error.message}`
        : error,
  );
  process.exit(1);
}
