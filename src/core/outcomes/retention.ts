/**
 * How long outcomes are kept: OUTCOME_RETENTION_DAYS (default 90), after which the sweep
 * deletes them, so the record of what people asked does not grow or linger for ever. The
 * setting itself is declared and checked in src/config/settings.ts.
 */
import type { OutcomeStore } from '../storage/outcomes.js';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the outcomes older than the retention period; returns how many went. */
export function sweepOutcomes(store: OutcomeStore, days: number, now: Date): Promise<number> {
  return store.sweep(new Date(now.getTime() - days * DAY_MS).toISOString());
}
