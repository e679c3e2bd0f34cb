/**
 * How the bot writes a moment, everywhere it shows one (cards, the CLI, the report, the log's
 * readable lines): from the ISO 8601 UTC strings it stores, always in UTC and saying so, since
 * the helpdesk and its users are rarely in one time zone. One place, so every surface agrees.
 */

/** `2026-11-22 04:00 UTC`: tickets, pins, their history. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `2026-11-22 04:00:07 UTC`: when a process started (the lock's owner). */
export function utcSecond(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `2026-11-22`: a day, for the report's period and its per-day counts. */
export function utcDay(iso: string): string {
  return iso.slice(0, 10);
}

/** `04:00:07`: the time of a log line, for a person watching the terminal. */
export function utcClock(iso: string): string {
  return iso.slice(11, 19);
}
