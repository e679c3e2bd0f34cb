/** Admins pin quick fixes in a Slack channel; questions there get the pinned card first. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack } from '../../helpers/pack.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const api = new FakeSlackApi();
const CHANNEL = 'C0HELP';
let now = new Date('2026-11-22T04:00:00Z');
let app: App;
let base = '';

async function send(body: string, contentType = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${base}/slack/events`, P.signed(body, contentType));
  expect(res.status).toBe(200);
}
const slash = (text: string, user: string) => P.slashCommand(text, api.responseUrl(`cmd-${user}`), user);
const calls = (method: string) => api.calls.filter((c) => c.method === method);
const replyText = (response: any) =>
  (response?.blocks ?? [])
    .map((b: any) => [b.text?.text ?? '', ...(b.elements ?? []).map((e: any) => e.text ?? '')].join('\n'))
    .join('\n')
    .replace(/&quot;/g, '"');
const lastReply = () => replyText(api.responses.at(-1));
const replies = () => api.responses.map(replyText);

beforeAll(async () => {
  await api.start();
  app = await createApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-0001-test',
      SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      BOT_ADMINS: 'UADMIN',
    },
    clock: () => now,
    log: silentLogger,
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});
beforeEach(() => api.clear());

describe('Slack: pinned quick fixes', () => {
  it('lets an admin pin a topic with a note: posted, pinned with pins.add, answered first to questions in the channel', async () => {
    await send(slash('pin server-unavailable-dns We are moving DNS <!channel> *today* --for 12h', 'UADMIN'));
    await expect.poll(() => calls('pins.add').length).toBe(1);
    const post = calls('chat.postMessage')[0]!;
    expect(post.args.channel).toBe(CHANNEL);
    const postText = JSON.stringify(post.args.blocks);
    expect(postText).toContain(pack.text('server-unavailable-dns', 'en').title);
    expect(postText).toContain('We are moving DNS');
    expect(postText).toContain('&lt;!channel&gt;');
    expect(postText).not.toContain('<!channel>');
    expect(post.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(calls('pins.add')[0]!.args).toMatchObject({ channel: CHANNEL, timestamp: expect.any(String) });
    await expect.poll(() => api.responses.length).toBe(1);
    expect(lastReply()).toContain(
      pack.message('pins.done', 'en', {
        title: pack.text('server-unavailable-dns', 'en').title,
        until: '2026-11-22 16:00 UTC',
      }),
    );

    api.clear();
    await send(
      P.eventEnvelope(
        P.mention('server temporarily unavailable on our custom domain, which CNAME?', 'UUSER7', CHANNEL),
      ),
      'application/json',
    );
    await expect.poll(() => calls('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    const [pinned, answer] = calls('chat.postMessage');
    expect(JSON.stringify(pinned!.args.blocks)).toContain('📌');
    expect(JSON.stringify(pinned!.args.blocks)).toContain('https://contoso.slack.com/archives/C0HELP/p');
    expect(JSON.stringify(answer!.args.blocks)).toContain(pack.text('server-unavailable-dns', 'en').title);

    api.clear();
    await send(P.eventEnvelope(P.mention('my headset is broken', 'UUSER8', CHANNEL)), 'application/json');
    await expect.poll(() => calls('chat.postMessage').length).toBe(1);
    expect(JSON.stringify(calls('chat.postMessage')[0]!.args.blocks)).not.toContain('📌');
  });

  it('lists the pins, refuses non-admins politely and records the attempt, accepts workspace owners', async () => {
    await send(slash('pins', 'UUSER1'));
    await expect.poll(() => api.responses.length).toBe(1);
    expect(lastReply()).toContain(pack.text('server-unavailable-dns', 'en').title);

    await send(slash('pin clock-skew', 'UJAPAN'));
    await expect.poll(() => api.responses.length).toBe(2);
    expect(lastReply()).toContain(pack.message('pins.refused', 'ja'));
    expect(calls('pins.add')).toHaveLength(0);
    const audit = await app.bot.pins.auditLog();
    expect(audit.at(-1)).toMatchObject({ action: 'refused', actor: 'megan', channel: CHANNEL });

    await send(slash('pin clock-skew --for 1h', 'UOWNER'));
    await expect.poll(() => calls('pins.add').length).toBe(1);
    // The post is recorded with the pin after pins.add and the permalink: wait for it.
    await expect
      .poll(
        async () =>
          (await app.bot.pins.active('slack', CHANNEL)).find((p) => p.topic === 'clock-skew')?.message,
      )
      .toBeTruthy();
  });

  it('unpins with pins.remove and updates the post', async () => {
    await send(slash('unpin clock-skew', 'UADMIN'));
    await expect.poll(() => calls('pins.remove').length).toBe(1);
    expect(JSON.stringify(calls('chat.update')[0]!.args.blocks)).toContain(
      pack.message('pins.removed', 'en', { user: 'megan', at: '2026-11-22 04:00 UTC' }),
    );
    await send(slash('unpin clock-skew', 'UADMIN'));
    // Replies may arrive in any order (and one of the previous test's late): look for this one.
    const notPinned = pack.message('pins.notPinned', 'en', { title: pack.text('clock-skew', 'en').title });
    await expect.poll(() => replies().some((r) => r.includes(notPinned))).toBe(true);
  });

  it('expires by itself: the post says so, Slack unpins it, and questions no longer get it', async () => {
    now = new Date('2026-11-22T16:00:01Z');
    await app.expirePins();
    expect(calls('pins.remove')).toHaveLength(1);
    expect(JSON.stringify(calls('chat.update')[0]!.args.blocks)).toContain(
      pack.message('pins.expired', 'en', { at: '2026-11-22 16:00 UTC' }),
    );
    api.clear();
    await send(
      P.eventEnvelope(P.mention('server temporarily unavailable on our custom domain', 'UUSER9', CHANNEL)),
      'application/json',
    );
    await expect.poll(() => calls('chat.postMessage').length).toBe(1);
    expect(JSON.stringify(calls('chat.postMessage')[0]!.args.blocks)).not.toContain('📌');
    const audit = await app.bot.pins.auditLog();
    expect(audit.map((a) => a.action)).toEqual(['pin', 'refused', 'pin', 'unpin', 'unpin', 'expire']);
  });
});
