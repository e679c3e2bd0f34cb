/**
 * When the weekly digest is due: `DIGEST_WEEKLY` is a day and a time, optionally with an IANA
 * time zone ("mon 09:00", "fri 16:30 Asia/Tokyo"; UTC when none is given). Each week's slot is
 * the last such moment; the digest covers the seven days before it.
 */
import { ConfigError } from '../errors.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface WeeklySchedule {
  day: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export function parseWeekly(value: string): WeeklySchedule {
  const m = /^([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})(?:\s+(\S+))?$/i.exec(value.trim());
  const day = m ? DAYS.indexOf(m[1]!.toLowerCase()) : -1;
  const hour = Number(m?.[2]);
  const minute = Number(m?.[3]);
  const timeZone = m?.[4] ?? 'UTC';
  if (!m || day < 0 || hour > 23 || minute > 59 || !validZone(timeZone))
    throw new ConfigError(
      `DIGEST_WEEKLY must be a day and a time, with an optional time zone, such as "mon 09:00" or "fri 16:30 Europe/Paris"; got "${value}".`,
    );
  return { day, hour, minute, timeZone };
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch (e) {
    // Intl throws a RangeError for a zone it does not know: that is the answer, not a failure.
    if (e instanceof RangeError) return false;
    throw e;
  }
}

/** The latest slot at or before `now`. */
export function lastSlot(schedule: WeeklySchedule, now: Date): Date {
  // Today's date in the zone, then back day by day to the scheduled weekday (at most a week).
  for (let back = 0; back <= 7; back++) {
    const date = new Date(now.getTime() - back * 24 * 3600_000);
    const local = partsIn(schedule.timeZone, date);
    if (local.weekday !== schedule.day) continue;
    const slot = instantIn(
      schedule.timeZone,
      local.year,
      local.month,
      local.day,
      schedule.hour,
      schedule.minute,
    );
    if (slot.getTime() <= now.getTime()) return slot;
  }
  // Eight days back always hold the weekday twice, and the earlier one is in the past.
  throw new Error('no weekly slot in the last eight days');
}

function partsIn(timeZone: string, date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: DAYS.indexOf(parts.weekday!.toLowerCase()),
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The instant a wall-clock time in a zone stands for (its offset taken at that time). */
function instantIn(timeZone: string, y: number, mo: number, d: number, h: number, mi: number): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const seen = partsIn(timeZone, new Date(guess));
  const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - guess;
  return new Date(guess - offset);
}
