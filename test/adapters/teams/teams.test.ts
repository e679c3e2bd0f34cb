/**
 * The Teams adapter over HTTP: real activity payloads to /api/messages, the bot's outbound
 * calls captured by a local connector, asserting what would appear in Teams.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
let app: App;
let base = '';
const noWait = { retries: 4, baseMs: 1, maxMs: 5, statuses: [412], sleep: async () => {}, random: () => 0.5 };

const post = (activity: object) => postActivity(base, activity);

const cardOf = (posted: any) => posted.attachments?.[0]?.content;
const textOf = (card: any) => JSON.stringify(card?.body ?? []);

beforeAll(async () => {
  await connector.start();
  app = await createApp({ env: { BOT_LOCAL_MODE: 'true' }, log: silentLogger, teams: { retry: noWait } });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.http.close();
  await connector.stop();
});
beforeEach(() => connector.clear());

describe('Teams: personal chat', () => {
  it('answers a message with the topic card, in the user language, as a reply to it', async () => {
    const activity = A.message(connector.url, 'サインイン アドレスが見つかりません', { locale: 'ja-JP' });
    expect((await post(activity)).status).toBe(200);
    const [call] = connector.calls;
    expect(call!.path).toBe(`/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
    expect(call!.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = cardOf(call!.body);
    expect(textOf(card)).toContain(pack.text('signin-address-not-found', 'ja').title);
    expect(textOf(card)).toContain('msoidsvc');
    expect(card.actions).toContainEqual(
      expect.objectContaining({
        type: 'Action.OpenUrl',
        url: 'https://go.microsoft.com/fwlink/?linkid=3052&kbid=2409256',
      }),
    );
    expect(card.actions.filter((a: any) => a.type === 'Action.Submit').map((a: any) => a.title)).toEqual([
      pack.message('fixed.yes', 'ja'),
      pack.message('fixed.no', 'ja'),
    ]);
  });

  it('drives the dialog with Action.Submit and updates the answered card in place', async () => {
    await post(
      A.message(connector.url, pack.text('personal-certificate', 'en').title, {
        conversation: { conversationType: 'personal', id: 'a:submit-chat' },
      }),
    );
    const first = connector.calls[0]!;
    const cardId = 'activity-card-1';
    const no = cardOf(first.body).actions.find((a: any) => a.title === pack.message('fixed.no', 'en')).data;
    connector.clear();
    const press = {
      ...A.submit(connector.url, no, cardId),
      conversation: { conversationType: 'personal', id: 'a:submit-chat', tenantId: 'x' },
    };
    expect((await post(press)).status).toBe(200);
    const next = cardOf(connector.posted()[0]);
    expect(textOf(next)).toContain(
      pack.text('personal-certificate', 'en').stages['update-credentials']!.title,
    );
    const [update] = connector.updated();
    expect(update!.path).toBe(`/v3/conversations/a:submit-chat/activities/${cardId}`);
    const answered = cardOf(update!.body);
    expect(answered.actions ?? []).toEqual([]);
    expect(textOf(answered)).toContain(pack.message('answered', 'en', { answer: '✓' }).replace('✓', ''));
  });

  it('answers Action.Execute with a card that replaces the pressed one', async () => {
    const chat = { conversationType: 'personal', id: 'a:execute-chat' };
    await post(A.message(connector.url, 'Server is temporarily unavailable', { conversation: chat }));
    const adfs = cardOf(connector.posted()[0]).actions.find((a: any) => a.data?.value === 'adfs-sso').data;
    connector.clear();
    const invoke = {
      ...A.execute(connector.url, adfs, 'activity-1'),
      conversation: { ...chat, tenantId: 'x' },
    };
    const res = await post(invoke);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect((res.body.value.actions ?? []).filter((a: any) => a.type !== 'Action.OpenUrl')).toEqual([]);
    expect(textOf(cardOf(connector.posted()[0]))).toContain(pack.text('server-unavailable-adfs', 'en').title);
  });

  it('welcomes the installer in their language when the bot is added', async () => {
    await post(A.botAdded(connector.url, 'zh-TW'));
    expect(textOf(cardOf(connector.posted()[0]))).toContain(pack.message('welcome.title', 'zh-TW'));
  });
});

describe('Teams: channels', () => {
  it('answers a mention in the thread, with the mention stripped', async () => {
    const activity = A.channelMention(connector.url, 'User is not SIP enabled');
    await post(activity);
    const [call] = connector.calls;
    expect(call!.path).toBe(`/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
    expect(textOf(cardOf(call!.body))).toContain(pack.text('user-not-sip-enabled', 'en').title);
  });

  it('answers a mention in a group chat, and uses the locale whatever its casing', async () => {
    const groupChat = { conversationType: 'groupChat', isGroup: true, id: '19:meeting_group-chat@thread.v2' };
    const activity = {
      ...A.channelMention(connector.url, 'msoidsvc.exe', 'ZH-tw'),
      conversation: { ...groupChat, tenantId: 'x' },
    };
    await post(activity);
    const card = cardOf(connector.posted()[0]);
    expect(textOf(card)).toContain(pack.text('signin-address-not-found', 'zh-TW').title);
  });

  it('stays quiet on channel messages that do not mention it', async () => {
    const activity = A.message(connector.url, 'User is not SIP enabled', { conversation: A.channel });
    expect((await post(activity)).status).toBe(200);
    expect(connector.calls).toEqual([]);
  });
});

describe('Teams: message extension', () => {
  it('finds topics from the compose box and returns their cards, without buttons', async () => {
    const res = await post(A.search(connector.url, '個人憑證', 'zh-TW'));
    expect(res.status).toBe(200);
    const result = res.body.composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments[0].preview.content.title).toBe(
      pack.text('personal-certificate', 'zh-TW').title,
    );
    const card = result.attachments[0].content;
    expect(card.actions.every((a: any) => a.type === 'Action.OpenUrl')).toBe(true);
  });

  it('lists the topics on the first open', async () => {
    const res = await post(A.search(connector.url, null));
    expect(res.body.composeExtension.attachments.length).toBeGreaterThan(5);
  });
});

describe('Teams: robustness', () => {
  it('retries a throttled (429, Retry-After) and a conflicting (412) reply until it goes through', async () => {
    connector.failNext({ status: 429, retryAfter: '0' }, { status: 412 });
    await post(
      A.message(connector.url, 'forgot my password', {
        conversation: { conversationType: 'personal', id: 'a:retry' },
      }),
    );
    const posts = connector.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(textOf(cardOf(posts[2]!.body))).toContain(pack.text('forgotten-password', 'en').title);
  });

  it('rejects malformed requests with a clear error and no outbound call', async () => {
    const bad = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'malformed_json' } });
    const huge = await fetch(`${base}/api/messages`, {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    expect(connector.calls).toEqual([]);
  });

  it('says a message is too long instead of guessing', async () => {
    await post(
      A.message(connector.url, 'x'.repeat(6000), {
        conversation: { conversationType: 'personal', id: 'a:long' },
      }),
    );
    expect(textOf(cardOf(connector.posted()[0]))).toContain(
      pack.message('tooLong', 'en', { length: 6000, limit: 4000 }),
    );
  });

  it('reports health and which platforms are on', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', platforms: { teams: true, slack: false } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages`)).status).toBe(405);
  });
});
