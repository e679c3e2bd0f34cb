/**
 * Slack start-up: the bot token's check (auth.test) never holds up an acknowledgement and never
 * ends the process; it is retried with backoff and reported on /readyz.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import { serve } from '../../helpers/serve.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const api = new FakeSlackApi();
const env = () => ({
  SLACK_BOT_TOKEN: 'xoxb-0001-test',
  SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
  SLACK_API_URL: api.apiUrl,
});
const apps: App[] = [];

async function start() {
  const app = await createApp({
    env: env(),
    log: silentLogger,
    bot: new Bot({ pack: realPack(), resolver: realResolver() }),
    slack: { tokenRetry: { initialDelayMs: 50, maxDelayMs: 200 } },
  });
  apps.push(app);
  const base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  return { app, base };
}

const readyz = async (base: string) => {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(() => api.start());
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  for (const k of Object.keys(api.hooks)) delete api.hooks[k];
  api.clear();
});
afterAll(() => api.stop());

describe('Slack token check', () => {
  it('retries a refused token with backoff and reports it on /readyz until it passes', async () => {
    let refusals = 3;
    api.hooks['auth.test'] = async () => (refusals-- > 0 ? { ok: false, error: 'invalid_auth' } : undefined);
    const { base } = await start();
    await expect.poll(async () => (await readyz(base)).body.checks.slackToken.state).toBe('failing');
    const failing = await readyz(base);
    expect(failing.status).toBe(503);
    expect(failing.body).toMatchObject({
      status: 'not_ready',
      checks: { slackToken: { state: 'failing', error: 'invalid_auth' } },
    });
    await expect.poll(async () => (await readyz(base)).status, { timeout: 5000 }).toBe(200);
    expect((await readyz(base)).body.checks.slackToken).toMatchObject({ state: 'ok', attempts: 4 });
    expect(api.calls.filter((c) => c.method === 'auth.test')).toHaveLength(4);
  });

  it('acknowledges an event at once while auth.test is slow, and answers it', async () => {
    api.hooks['auth.test'] = async () => {
      await new Promise((r) => setTimeout(r, 4000));
      return undefined;
    };
    const { base } = await start();
    const began = Date.now();
    const res = await fetch(
      `${base}/slack/events`,
      P.signed(P.eventEnvelope(P.dm('forgot pw', 'USLOW', 'D0SLOW')), 'application/json'),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - began).toBeLessThan(1500);
    expect((await readyz(base)).body.checks.slackToken.state).toBe('checking');
    await expect
      .poll(() => api.posts().some((c) => c.args.channel === 'D0SLOW'), { timeout: 3000 })
      .toBe(true);
  });

  it('keeps `npm run serve` running when auth.test answers ok:false at start', async () => {
    api.hooks['auth.test'] = async () => ({ ok: false, error: 'invalid_auth' });
    const served = await serve(env(), 'token');
    try {
      await expect.poll(() => api.calls.filter((c) => c.method === 'auth.test').length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1000));
      expect(served.exitCode(), served.output()).toBeUndefined();
      const ready = await readyz(`http://127.0.0.1:${served.port}`);
      expect(ready.status).toBe(503);
      expect(ready.body.checks.slackToken).toMatchObject({ state: 'failing', error: 'invalid_auth' });
      expect(served.output()).toContain('slack token check failed (auth.test: invalid_auth)');
    } finally {
      await served.stop();
    }
  }, 60_000);
});
