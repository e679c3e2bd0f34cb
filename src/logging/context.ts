/**
 * Fields that belong to everything done for one HTTP request (its request id, then the
 * conversation once an adapter knows it), carried by Node's AsyncLocalStorage so that every
 * log line written while the request is handled has them, however deep the call that writes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFields } from '../core/log/logger.js';

const storage = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `fn` with `fields` on every log line it (and what it awaits) writes. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

/** Adds fields to the current request's lines from here on (an adapter that has read the conversation). */
export function addLogContext(fields: LogFields): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

/** The current request's fields ({} outside a request). */
export function logContext(): LogFields {
  return storage.getStore() ?? {};
}
