/** One way to write a moment, in UTC and saying so, wherever the bot shows one. */
import { describe, expect, it } from 'vitest';
import { utcClock, utcDay, utcMinute, utcSecond } from '../../../src/core/text/dates.js';

describe('dates', () => {
  const iso = '2026-11-22T04:05:07.123Z';
  it('writes a stored ISO time to the minute, the second, the day, or the clock', () => {
    expect(utcMinute(iso)).toBe('2026-11-22 04:05 UTC');
    expect(utcSecond(iso)).toBe('2026-11-22 04:05:07 UTC');
    expect(utcDay(iso)).toBe('2026-11-22');
    expect(utcClock(iso)).toBe('04:05:07');
  });
});
