/** When the weekly digest is due (DIGEST_WEEKLY), and what a scheduler queues. */
import { describe, expect, it } from 'vitest';
import { lastSlot, parseWeekly } from '../../../src/core/digest/schedule.js';
import { DigestScheduler } from '../../../src/core/digest/weekly.js';
import { MemoryOutbox } from '../../../src/core/helpdesk/memory.js';

describe('DIGEST_WEEKLY', () => {
  it('reads a day and a time, in UTC unless a time zone is given', () => {
    expect(parseWeekly('mon 09:00')).toEqual({ day: 1, hour: 9, minute: 0, timeZone: 'UTC' });
    expect(parseWeekly('Friday 16:30 Asia/Tokyo')).toEqual({
      day: 5,
      hour: 16,
      minute: 30,
      timeZone: 'Asia/Tokyo',
    });
  });

  it('refuses anything else, naming the setting and the expected form', () => {
    for (const bad of ['monday', 'xyz 09:00', 'mon 25:00', 'mon 09:00 Mars/Olympus', 'true'])
      expect(() => parseWeekly(bad), bad).toThrow(/DIGEST_WEEKLY must be a day and a time.*"mon 09:00"/);
  });

  it("finds the last slot before now, in the zone's own wall-clock time", () => {
    const utc = parseWeekly('mon 09:00');
    expect(lastSlot(utc, new Date('2026-11-30T09:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(lastSlot(utc, new Date('2026-11-30T08:59:00Z')).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(lastSlot(utc, new Date('2026-12-03T12:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    // Monday 09:00 in Tokyo is Monday 00:00 UTC; in Paris, 08:00 UTC in winter.
    expect(
      lastSlot(parseWeekly('mon 09:00 Asia/Tokyo'), new Date('2026-11-30T01:00:00Z')).toISOString(),
    ).toBe('2026-11-30T00:00:00.000Z');
    expect(
      lastSlot(parseWeekly('mon 09:00 Europe/Paris'), new Date('2026-11-30T08:30:00Z')).toISOString(),
    ).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('the digest scheduler', () => {
  const setup = (at: string) => {
    const outbox = new MemoryOutbox();
    const scheduler = new DigestScheduler({
      schedule: parseWeekly('mon 09:00'),
      outbox,
      platforms: ['teams', 'slack'],
      clock: () => new Date(at),
    });
    return { outbox, scheduler };
  };

  it('queues one digest per helpdesk channel for the week before the slot, however often it is asked', async () => {
    const { outbox, scheduler } = setup('2026-11-30T09:05:00Z');
    expect(await scheduler.tick()).toBe(true);
    expect(await scheduler.tick()).toBe(true);
    const items = await outbox.claim(10, 1000);
    expect(items.map((i) => i.payload)).toEqual([
      { platform: 'teams', since: '2026-11-23T09:00:00.000Z', until: '2026-11-30T09:00:00.000Z' },
      { platform: 'slack', since: '2026-11-23T09:00:00.000Z', until: '2026-11-30T09:00:00.000Z' },
    ]);
  });

  it('sends a late digest the same day, but not days later (a process first started on Thursday waits)', async () => {
    expect(await setup('2026-12-01T08:00:00Z').scheduler.tick()).toBe(true);
    const late = setup('2026-12-03T09:00:00Z');
    expect(await late.scheduler.tick()).toBe(false);
    expect(await late.outbox.pending()).toBe(0);
  });
});
