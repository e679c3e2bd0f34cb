/**
 * A delivery whose process died while handling it (its claim held, never finished) is handled
 * when Slack retries it once the claim's lease has run out, instead of being dropped as a
 * duplicate; while the claim is held the retry is not acknowledged, so Slack tries again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { MemoryDedupeStore } from '../../../src/core/storage/memory.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const api = new FakeSlackApi();
let now = 1_000_000;
const dedupe = new MemoryDedupeStore(() => now);
let app: App;
let base = '';

beforeAll(async () => {
  await api.start();
  app = await createApp({
    env: { ...P.slackEnv(api.apiUrl), SLACK_HANDLING_LEASE_MS: '5000' },
    dedupe,
    log: silentLogger,
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});

describe('Slack: a retry of a delivery whose process died', () => {
  it('waits while the claim is held, then is handled once, and later retries are acknowledged', async () => {
    const body = P.eventEnvelope(P.dm('talk to a person', 'UUSER4', 'D0RETRY'), 'EvDIED');
    // The process that took the first delivery claimed it and was killed.
    expect(await dedupe.begin('event:EvDIED', 5000)).toBe('claimed');
    const send = async (retry: number) =>
      (await fetch(`${base}/slack/events`, P.signed(body, 'application/json', { retry }))).status;

    expect(await send(1)).toBe(503);
    expect(api.posts()).toHaveLength(0);
    now += 5001; // the lease ran out
    expect(await send(2)).toBe(200);
    await expect.poll(() => api.posts().length).toBe(2); // what was tried, and the form
    expect(await send(3)).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.posts()).toHaveLength(2);
  });
});
