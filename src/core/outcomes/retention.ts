/**
 * How long outcomes are kept: OUTCOME_RETENTION_DAYS (default 90), after which the sweep
 * deletes them, so the record of what people asked does not grow or linger for ever.
 */
import { ConfigError } from '../errors.js';
import type { OutcomeStore } from '../storage/outcomes.js';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention setting, checked: a whole number of days, at least 1. */
export function retentionDays(value: string | undefined): number {
  const text = value?.trim();
  if (!text) return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1)
    throw new ConfigError(`OUTCOME_RETENTION_DAYS must be a whole number of days, 1 or more; got "${text}".`);
  return days;
}

/** Deletes the outcomes older than the retention period; returns how many went. */
export function sweepOutcomes(store: OutcomeStore, days: number, now: Date): Promise<number> {
  return store.sweep(new Date(now.getTime() - days * DAY_MS).toISOString());
}
