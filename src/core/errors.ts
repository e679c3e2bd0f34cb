/**
 * Every error the bot raises on purpose carries a string code, one class per code, so callers
 * (adapters, the CLI, tests) branch on `error.code` instead of parsing messages.
 */
export enum ErrorCode {
  ContentInvalid = 'content_invalid',
  MessageTooLong = 'message_too_long',
  InvalidInput = 'invalid_input',
  InvalidConfig = 'invalid_config',
  Storage = 'storage',
  FileTooLarge = 'file_too_large',
}

export abstract class BotError extends Error {
  abstract readonly code: ErrorCode;
}

/** A message longer than the bot reads; nothing is resolved and the caller tells the user. */
export class MessageTooLongError extends BotError {
  readonly code = ErrorCode.MessageTooLong;
  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    super(`The message is ${length} characters long; the bot reads at most ${limit}.`);
    this.name = 'MessageTooLongError';
  }
}

/** Input of the wrong shape (not text, a malformed line of an evaluation file, ...). */
export class InvalidInputError extends BotError {
  readonly code = ErrorCode.InvalidInput;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A setting is missing or malformed; the message names the setting and what it should be. */
export class ConfigError extends BotError {
  readonly code = ErrorCode.InvalidConfig;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * The storage could not do what was asked (unreachable, a folder it cannot use, a state that
 * kept changing under every attempt): nothing was half-done, and the message says what to check.
 */
export class StorageError extends BotError {
  readonly code = ErrorCode.Storage;
  /** What went wrong, for callers that act on it: `data_dir_in_use` (another process has the folder). */
  readonly reason?: StorageErrorReason;
  constructor(message: string, options?: { cause?: unknown; reason?: StorageErrorReason }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    if (options?.reason) this.reason = options.reason;
  }
}

/** A file that grew past the limit while it was downloaded: the download stopped there. */
export class FileTooLargeError extends BotError {
  readonly code = ErrorCode.FileTooLarge;
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes; the download stopped there.`);
    this.name = 'FileTooLargeError';
  }
}
export type StorageErrorReason = 'data_dir_in_use';
