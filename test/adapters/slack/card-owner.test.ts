/**
 * A card belongs to the user it was posted for. In a Slack channel everyone sees the cards the
 * bot posts in a user's thread, and anyone can press their buttons: a press by someone else
 * leaves the message as it is (no chat.update), opens no form, changes neither user's dialog,
 * and tells only the presser, in their language, that it is someone else's (an ephemeral
 * response). The owner still answers it as before. Over signed Slack requests, in memory and on
 * the embedded database (the owner is kept there).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/adapters/slack/context.js';
import type { App } from '../../../src/server/app.js';
import { APP_STORAGES, startAppOn } from '../../helpers/app-on.js';
import { realPack } from '../../helpers/pack.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import * as P from './payloads.js';

const pack = realPack();
const api = new FakeSlackApi();
const CHANNEL = 'C0HELP';
const OWNER = 'UUSER2';
/** Another member of the channel, whose Slack is in Japanese (see the fake users.info). */
const OTHER = 'UJAPAN';

beforeAll(() => api.start());
afterAll(() => api.stop());

describe.each(APP_STORAGES)('Slack: pressing a card posted for someone else ($name)', ({ storage }) => {
  let app: App;
  let base = '';

  beforeAll(async () => {
    ({ app, base } = await startAppOn(P.slackEnv(api.apiUrl), await storage()));
  }, 60_000);
  afterAll(() => app.stop());
  beforeEach(() => api.clear());

  async function send(body: string, contentType = 'application/x-www-form-urlencoded') {
    const res = await fetch(`${base}/slack/events`, P.signed(body, contentType));
    expect(res.status).toBe(200);
  }
  const calls = (method: string) => api.calls.filter((c) => c.method === method);
  /** The owner mentions the bot; returns the thread and the message the bot posted in it. */
  async function ownerAsks(text: string, posts = 1) {
    const event = P.mention(text, OWNER, CHANNEL);
    await send(P.eventEnvelope(event), 'application/json');
    await expect.poll(() => calls('chat.postMessage').length).toBe(posts);
    const message = api.messages.at(-1)!;
    return {
      thread: event.ts,
      message: { ts: message.ts, thread_ts: event.ts, blocks: message.blocks as any[] },
    };
  }
  const state = (user: string, thread: string) =>
    app.bot.states.get(conversationKey({ team: P.TEAM, channel: CHANNEL, user, thread }));

  it('leaves the clarify question as it is for someone else, and the owner then answers it', async () => {
    const { thread, message } = await ownerAsks('Server is temporarily unavailable');
    const adfs = message.blocks.at(-1).elements.find((e: any) => JSON.parse(e.value).value === 'adfs-sso');
    const before = await state(OWNER, thread);
    expect(before).toBeDefined();
    api.clear();

    await send(P.blockAction(adfs, message, CHANNEL, api.responseUrl('other'), { user: OTHER }));
    await expect.poll(() => api.responses.length).toBe(1);
    const [notice] = api.responses;
    expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(notice!.text).toContain(pack.message('notYourCard', 'ja'));
    expect(calls('chat.update')).toEqual([]);
    expect(calls('chat.postMessage')).toEqual([]);
    expect(await state(OWNER, thread)).toEqual(before);
    expect(await state(OTHER, thread)).toBeUndefined();

    // The owner picks the same answer: the question answered in place, the topic in the thread.
    api.clear();
    await send(P.blockAction(adfs, message, CHANNEL, api.responseUrl('owner'), { user: OWNER }));
    await expect.poll(() => calls('chat.postMessage').length).toBe(1);
    const [update] = calls('chat.update');
    expect(update!.args).toMatchObject({ channel: CHANNEL, ts: message.ts });
    expect(update!.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    const [next] = calls('chat.postMessage');
    expect(next!.args.thread_ts).toBe(thread);
    expect(JSON.stringify(next!.args.blocks)).toContain(pack.text('server-unavailable-adfs', 'en').title);
    expect(api.responses).toEqual([]);
  });

  it('opens no form for someone else; the owner gets the form', async () => {
    const { message } = await ownerAsks('talk to a person', 2);
    const open = message.blocks.find((b: any) => b.block_id === 'form').elements[0];
    api.clear();

    await send(P.blockAction(open, message, CHANNEL, api.responseUrl('other-form'), { user: OTHER }));
    await expect.poll(() => api.responses.length).toBe(1);
    expect(api.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(api.responses[0]!.text).toContain(pack.message('notYourCard', 'ja'));
    expect(calls('views.open')).toEqual([]);

    await send(P.blockAction(open, message, CHANNEL, api.responseUrl('owner-form'), { user: OWNER }));
    await expect.poll(() => calls('views.open').length).toBe(1);
    expect(calls('views.open')[0]!.args.view.callback_id).toBe('escalation-form');
  });
});
