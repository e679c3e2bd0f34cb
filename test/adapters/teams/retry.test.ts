import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryAfterMs, withRetry } from '../../../src/adapters/teams/retry.js';

const failing = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (h: string) => headers[h] } },
  });

describe('withRetry', () => {
  it('retries 429, 412, 502 and 504, honouring Retry-After, with jittered backoff otherwise', async () => {
    const waits: number[] = [];
    const errors = [failing(429, { 'retry-after': '2' }), failing(412), failing(502), failing(504)];
    let calls = 0;
    const result = await withRetry(
      async () => {
        const e = errors[calls++];
        if (e) throw e;
        return 'sent';
      },
      { ...DEFAULT_RETRY, sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    expect(result).toBe('sent');
    expect(waits).toEqual([2000, 500, 1000, 2000]);
  });

  it('does not retry what will not get better, and gives up after the last retry', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => Promise.reject(failing(400 + 0 * calls++)), {
        ...DEFAULT_RETRY,
        sleep: async () => {},
      }),
    ).rejects.toThrow('HTTP 400');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(async () => Promise.reject(failing(429 + 0 * calls++)), {
        ...DEFAULT_RETRY,
        retries: 2,
        sleep: async () => {},
      }),
    ).rejects.toThrow('HTTP 429');
    expect(calls).toBe(3);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs(failing(429, { 'retry-after': '3' }))).toBe(3000);
    const now = Date.parse('2026-11-22T00:00:00Z');
    expect(retryAfterMs(failing(429, { 'retry-after': 'Sun, 22 Nov 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(failing(429))).toBeUndefined();
  });
});
