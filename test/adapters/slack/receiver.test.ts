/** Signed requests whose body is valid JSON but no Slack body get a clear 400, and nothing breaks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const api = new FakeSlackApi();
let app: App;
let base = '';

beforeAll(async () => {
  await api.start();
  app = await createApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-0001-test',
      SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
    },
    log: silentLogger,
    bot: new Bot({ pack: realPack(), resolver: realResolver() }),
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});

const send = (body: string, contentType: string) =>
  fetch(`${base}/slack/events`, P.signed(body, contentType));

describe('Slack receiver, signed bodies that are no Slack body', () => {
  it.each([
    ['null', 'application/json'],
    ['[]', 'application/json'],
    ['"text"', 'application/json'],
    ['42', 'application/json'],
    ['{"type":', 'application/json'],
    ['payload=null', 'application/x-www-form-urlencoded'],
    ['payload=%5B1%5D', 'application/x-www-form-urlencoded'],
  ])('answers %s (%s) with 400 malformed_request', async (body, contentType) => {
    const res = await send(body, contentType);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('malformed_request');
  });

  it('keeps answering real events afterwards', async () => {
    await send('null', 'application/json');
    const res = await send(P.eventEnvelope(P.dm('forgot pw', 'UNULL', 'D0NULL')), 'application/json');
    expect(res.status).toBe(200);
    await expect.poll(() => api.posts().filter((c) => c.args.channel === 'D0NULL').length).toBeGreaterThan(0);
  });
});

describe('Slack receiver, the certificate check', () => {
  it('answers ssl_check with 200 and nothing else, and only when signed', async () => {
    const form = 'ssl_check=1&token=legacy-verification-token';
    const posted = api.posts().length;
    const res = await send(form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const unsigned = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(unsigned.status).toBe(401);
    expect(api.posts().length).toBe(posted);
  });
});
