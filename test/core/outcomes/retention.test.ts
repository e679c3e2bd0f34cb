/** The retention setting and its sweep. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { DEFAULT_RETENTION_DAYS, sweepOutcomes } from '../../../src/core/outcomes/retention.js';
import { readConfig } from '../../../src/config/read.js';
import { MemoryOutcomeStore } from '../../../src/core/storage/memory-outcomes.js';
import { createApp } from '../../../src/server/app.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const retentionDays = (value: string | undefined) =>
  readConfig({ OUTCOME_RETENTION_DAYS: value }).OUTCOME_RETENTION_DAYS;

describe('outcome retention', () => {
  it('keeps 90 days unless OUTCOME_RETENTION_DAYS says otherwise, and refuses what is not a number of days', async () => {
    expect(retentionDays(undefined)).toBe(DEFAULT_RETENTION_DAYS);
    expect(DEFAULT_RETENTION_DAYS).toBe(90);
    expect(retentionDays(' 30 ')).toBe(30);
    for (const bad of ['0', '-5', '1.5', 'ninety']) expect(() => retentionDays(bad)).toThrow(ConfigError);
    await expect(
      createApp({ env: { OUTCOME_RETENTION_DAYS: 'forever' }, log: silentLogger }),
    ).rejects.toThrow(/OUTCOME_RETENTION_DAYS must be a whole number of days/);
  });

  it('deletes what is older than the period, to the day, and nothing newer', async () => {
    const store = new MemoryOutcomeStore();
    const at = (startedAt: string, conversation: string) =>
      store.start({
        conversation,
        userId: null,
        platform: 'teams',
        chat: 'personal',
        lang: 'en',
        startedAt,
        updatedAt: startedAt,
        text: 'q',
        decision: 'unknown',
        topic: null,
        confidence: 0,
        suggestions: [],
        pins: [],
      });
    await at('2026-10-01T11:59:59.000Z', 'older');
    await at('2026-10-01T12:00:00.000Z', 'exactly');
    expect(await sweepOutcomes(store, 30, new Date('2026-10-31T12:00:00.000Z'))).toBe(1);
    expect((await store.list()).map((o) => o.conversation)).toEqual(['exactly']);
  });

  it('is swept by the server with its clock', async () => {
    let now = new Date('2026-11-01T00:00:00Z');
    const app = await createApp({
      env: { OUTCOME_RETENTION_DAYS: '7' },
      log: silentLogger,
      clock: () => now,
    });
    await app.bot.handle({ conversation: 'c', text: 'where is the cafeteria' });
    now = new Date('2026-11-30T00:00:00Z');
    await app.bot.handle({ conversation: 'd', text: 'where is the cafeteria' });
    expect(await app.sweepOutcomes()).toBe(1);
    expect((await app.bot.outcomes.list()).map((o) => o.conversation)).toEqual(['d']);
  });
});
