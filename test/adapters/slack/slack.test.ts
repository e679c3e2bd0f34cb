/**
 * The Slack adapter over HTTP: correctly signed real Slack payloads to /slack/events on the
 * running app, a local fake Slack Web API recording what the bot posts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { MemoryDedupeStore } from '../../../src/core/storage/memory.js';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const api = new FakeSlackApi();
const env = () => ({
  SLACK_BOT_TOKEN: 'xoxb-0001-test',
  SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
  SLACK_API_URL: api.apiUrl,
});
let app: App;
let base = '';

async function start(options: Partial<Parameters<typeof createApp>[0]> = {}) {
  const a = await createApp({
    env: env(),
    log: silentLogger,
    bot: new Bot({ pack, resolver: realResolver() }),
    ...options,
  });
  const port = await a.http.listen(0, '127.0.0.1');
  return { app: a, base: `http://127.0.0.1:${port}` };
}

async function send(
  body: string,
  contentType = 'application/json',
  options: Parameters<typeof P.signed>[2] = {},
  to = base,
) {
  const res = await fetch(`${to}/slack/events`, P.signed(body, contentType, options));
  const text = await res.text();
  return { status: res.status, body: text ? (text.startsWith('{') ? JSON.parse(text) : text) : undefined };
}

/** Waits until the bot has made `count` posting calls (its work continues after the ack). */
async function posted(count: number) {
  await expect.poll(() => api.posts().length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
  return api.posts();
}

const blocksText = (blocks: any[]) => JSON.stringify(blocks);

beforeAll(async () => {
  await api.start();
  ({ app, base } = await start());
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});
beforeEach(() => api.clear());

describe('Slack: direct messages', () => {
  it('answers in Block Kit with a text fallback, in the user locale and the language of the text', async () => {
    const res = await send(P.eventEnvelope(P.dm('I forgot my password', 'UJAPAN', 'D0JA')));
    expect(res.status).toBe(200);
    const [call] = await posted(1);
    expect(call!.method).toBe('chat.postMessage');
    expect(call!.args.channel).toBe('D0JA');
    expect(call!.args.text).toContain(pack.text('forgotten-password', 'en').title);
    const blocks = call!.args.blocks;
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: pack.text('forgotten-password', 'en').title },
    });
    expect(blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(blocks.at(-1).elements.map((e: any) => e.text.text)).toEqual([
      pack.message('fixed.yes', 'en'),
      pack.message('fixed.no', 'en'),
    ]);
    expect(api.calls.some((c) => c.method === 'users.info' && c.args.include_locale === 'true')).toBe(true);
  });

  it('ignores its own messages and message edits', async () => {
    await send(P.eventEnvelope({ ...P.dm('echo'), bot_id: 'BBOT', user: 'UBOT' }));
    await send(P.eventEnvelope({ ...P.dm('edited'), subtype: 'message_changed' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(api.posts()).toEqual([]);
  });
});

describe('Slack: mentions in channels', () => {
  it('answers in the thread of the mention, and keeps the conversation there with buttons', async () => {
    const event = P.mention('Server is temporarily unavailable', 'UUSER2');
    await send(P.eventEnvelope(event));
    const [question] = await posted(1);
    expect(question!.args.thread_ts).toBe(event.ts);
    expect(blocksText(question!.args.blocks)).toContain(pack.text('server-unavailable', 'en').question);

    api.clear();
    const adfs = question!.args.blocks
      .at(-1)
      .elements.find((e: any) => JSON.parse(e.value).value === 'adfs-sso');
    const message = { ts: '1763780999.000100', thread_ts: event.ts, blocks: question!.args.blocks };
    await send(
      P.blockAction(adfs, message, 'C0HELP', api.responseUrl('r1'), { user: 'UUSER2' }),
      'application/x-www-form-urlencoded',
    );
    const calls = await posted(2);
    const update = calls.find((c) => c.method === 'chat.update')!;
    expect(update.args).toMatchObject({ channel: 'C0HELP', ts: message.ts });
    expect(update.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    const next = calls.find((c) => c.method === 'chat.postMessage')!;
    expect(next.args.thread_ts).toBe(event.ts);
    expect(blocksText(next.args.blocks)).toContain(pack.text('server-unavailable-adfs', 'en').title);
  });
});

describe('Slack: the slash command', () => {
  it('answers only to the caller, with a button to share in the channel', async () => {
    const res = await send(
      P.slashCommand('サインイン アドレスが見つかりません', api.responseUrl('cmd1')),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    await expect.poll(() => api.responses.length).toBeGreaterThan(0);
    const [reply] = api.responses;
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(reply!.blocks)).toContain(pack.text('signin-address-not-found', 'ja').title);
    const share = reply!.blocks.find((b: any) => b.block_id === 'share').elements[0];
    expect(share.text.text).toBe(pack.message('slack.share', 'ja'));
    expect(api.posts()).toEqual([]);

    await send(
      P.blockAction(share, { ts: '0', blocks: [] }, 'C0HELP', api.responseUrl('cmd1'), { ephemeral: true }),
      'application/x-www-form-urlencoded',
    );
    const [publicPost] = await posted(1);
    expect(publicPost).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0HELP' } });
    expect(blocksText(publicPost!.args.blocks)).toContain('<@UUSER1>');
    expect(publicPost!.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it('shows help when called without a question', async () => {
    await send(P.slashCommand('', api.responseUrl('cmd2'), 'UTAIWAN'), 'application/x-www-form-urlencoded');
    await expect.poll(() => api.responses.length).toBeGreaterThan(0);
    expect(blocksText(api.responses[0]!.blocks)).toContain(pack.message('help.title', 'zh-TW'));
  });
});

describe('Slack: App Home', () => {
  it('publishes the topics in the user language', async () => {
    await send(P.eventEnvelope(P.homeOpened('UJAPAN')));
    const [publish] = await posted(1);
    expect(publish!.method).toBe('views.publish');
    expect(publish!.args.user_id).toBe('UJAPAN');
    expect(publish!.args.view.type).toBe('home');
    expect(blocksText(publish!.args.view.blocks)).toContain(pack.text('clock-skew', 'ja').title);
  });
});

describe('Slack: delivery', () => {
  it('answers a retried event exactly once, and still answers an event whose first delivery was lost', async () => {
    const body = P.eventEnvelope(P.dm('User is not SIP enabled', 'UUSER3', 'D0RETRY'), 'EvRetried');
    await send(body);
    await send(body, 'application/json', { retry: 1 });
    await send(body, 'application/json', { retry: 2 });
    await new Promise((r) => setTimeout(r, 300));
    expect(api.posts().filter((c) => c.args.channel === 'D0RETRY')).toHaveLength(1);

    api.clear();
    const lost = P.eventEnvelope(P.dm('User is not SIP enabled', 'UUSER3', 'D0LOST'), 'EvLost');
    await send(lost, 'application/json', { retry: 1 });
    expect((await posted(1)).filter((c) => c.args.channel === 'D0LOST')).toHaveLength(1);
  });

  it('answers a retried event once when two bot processes share one store', async () => {
    const shared = new MemoryDedupeStore();
    const first = await start({ dedupe: shared });
    const second = await start({ dedupe: shared });
    const body = P.eventEnvelope(P.dm('Sign-in address not found', 'UUSER4', 'D0TWO'), 'EvTwoProcesses');
    await Promise.all([
      send(body, 'application/json', {}, first.base),
      send(body, 'application/json', { retry: 1 }, second.base),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.posts().filter((c) => c.args.channel === 'D0TWO')).toHaveLength(1);
    await Promise.all([first.app.stop(), second.app.stop()]);
  });

  it('waits out a rate limit (429, Retry-After) instead of dropping the reply', async () => {
    api.rateLimitNext(1);
    await send(P.eventEnvelope(P.dm('forgot pw', 'UUSER5', 'D0RATE')));
    await expect
      .poll(() => api.posts().filter((c) => c.args.channel === 'D0RATE').length, { timeout: 8000 })
      .toBe(1);
  });

  it('answers the URL verification challenge', async () => {
    const res = await send(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' }));
    expect(res).toEqual({ status: 200, body: { challenge: 'c-123' } });
  });
});

describe('Slack: request signatures', () => {
  const body = () => P.eventEnvelope(P.dm('forgot pw', 'UUSER6', 'D0SIG'));
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', () => ({ secret: 'ffffffffffffffffffffffffffffffff' }), 'invalid_signature'],
    ['a timestamp over 5 minutes old', () => ({ timestamp: now() - 310 }), 'stale_timestamp'],
    ['a timestamp over 5 minutes in the future', () => ({ timestamp: now() + 310 }), 'future_timestamp'],
  ])('rejects %s with 401 and answers nothing', async (_, options, code) => {
    const res = await send(body(), 'application/json', options());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.posts()).toEqual([]);
  });

  it('rejects a request with no signature', async () => {
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(),
    });
    expect(res.status).toBe(401);
  });
});
