/**
 * A card belongs to the user it was sent to. In a Teams channel everyone sees the cards the bot
 * sends to one user, and anyone can press them: a press by someone else leaves the card as it
 * is (no update), changes neither user's dialog, files nothing, and tells the presser in their
 * own language that the card is someone else's. The owner still answers it as before. Over HTTP
 * with real Teams activities, in memory and on the embedded database (the owner is kept there).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/adapters/teams/teams-bot.js';
import type { App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { APP_STORAGES, startAppOn } from '../../helpers/app-on.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';

const pack = realPack();
const connector = new FakeConnector();
const HELPDESK = '19:helpdesk0channel@thread.tacv2';
/** Another member of the channel, whose Teams client is in Japanese. */
const OTHER = {
  id: '29:other-user',
  name: 'Takumi Sato',
  aadObjectId: '9c2d6b1e-0000-4000-8000-0000000000b2',
};

beforeAll(() => connector.start());
afterAll(() => connector.stop());

describe.each(APP_STORAGES)('Teams: pressing a card sent to someone else ($name)', ({ storage }) => {
  let app: App;
  let base = '';

  beforeAll(async () => {
    ({ app, base } = await startAppOn(
      {
        BOT_LOCAL_MODE: 'true',
        HELPDESK_TEAMS_CHANNEL: HELPDESK,
        HELPDESK_TEAMS_SERVICE_URL: connector.url,
        OUTBOX_INTERVAL_MS: '50',
      },
      await storage(),
    ));
  }, 60_000);
  afterAll(() => app.stop());
  afterEach(() => connector.clear());

  /** The owner asks in the channel thread; returns the card the bot answered with and its id. */
  async function ownerAsks(text: string) {
    connector.clear();
    expect((await postActivity(base, A.channelMention(connector.url, text))).status).toBe(200);
    const call = connector.calls.filter((c) => c.method === 'POST').at(-1)!;
    return { id: call.id!, card: call.body.attachments[0].content };
  }
  /** A press in that thread (Action.Submit), by the owner or by `from`. */
  async function press(data: object, cardId: string, from = A.USER, locale = 'en-US') {
    const mention = A.channelMention(connector.url, '', locale);
    const { text: _t, textFormat: _f, entities: _e, ...rest } = mention;
    const activity = { ...rest, from, value: data, replyToId: cardId };
    const res = await postActivity(base, activity);
    expect(res.status).toBe(200);
    return res;
  }
  const keyOf = (from: typeof A.USER) =>
    conversationKey({ from, conversation: { ...A.channel, tenantId: 'x' } } as never);
  const state = (from: typeof A.USER) => app.bot.states.get(keyOf(from));
  const posts = () => connector.calls.filter((c) => c.method === 'POST' && !c.path.includes(HELPDESK));
  const button = (card: any, title: string) => card.actions.find((a: any) => a.title === title).data;

  it('leaves "Did this fix it?" as it is and tells the other user in their language; the owner then answers it', async () => {
    const { id, card } = await ownerAsks(pack.text('clock-skew', 'en').title);
    const no = button(card, pack.message('fixed.no', 'en'));
    const before = await state(A.USER);
    connector.clear();

    await press(no, id, OTHER, 'ja-JP');
    expect(connector.updated()).toEqual([]); // the owner's card keeps its buttons
    const [notice] = posts();
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(notice!.body.attachments[0].content)).toContain(pack.message('notYourCard', 'ja'));
    expect(await state(A.USER)).toEqual(before);
    expect(await state(OTHER)).toBeUndefined();

    // The owner presses No on the same card: the next stage, the card answered in place.
    connector.clear();
    await press(no, id);
    const [update] = connector.updated();
    expect(update!.path).toContain(`/activities/${id}`);
    expect(JSON.stringify(update!.body)).toContain(
      pack.message('answered', 'en', { answer: pack.message('fixed.no', 'en') }),
    );
    // The next likely cause, as for anyone who answers No.
    const next = JSON.stringify(posts().at(-1)!.body);
    expect(next).toContain(
      pack.message('next.topic', 'en', { title: pack.text('collect-logs', 'en').title }),
    );
    expect((await state(A.USER))!.version).toBeGreaterThan(before!.version);

    // Pressed again by its owner (a client that still shows the buttons): as before, told it
    // was already answered; pressed again by someone else: still not theirs.
    connector.clear();
    await press(no, id);
    expect(JSON.stringify(posts().map((p) => p.body))).toContain(pack.message('stale', 'en'));
    connector.clear();
    await press(no, id, OTHER, 'ja-JP');
    expect(connector.updated()).toEqual([]);
    expect(JSON.stringify(posts().at(-1)!.body)).toContain(pack.message('notYourCard', 'ja'));
  });

  it('files nothing when someone else sends the escalation form; its owner then files it', async () => {
    const { id, card } = await ownerAsks('talk to a person');
    const form = {
      ...card.actions[0].data,
      client: 'sfb2019',
      os: 'windows11',
      error: 'Server is temporarily unavailable',
      since: 'today',
      affected: 'me',
    };
    const before = await state(A.USER);
    connector.clear();

    await press(form, id, OTHER, 'zh-TW');
    expect(connector.updated()).toEqual([]);
    expect(JSON.stringify(posts().at(-1)!.body)).toContain(pack.message('notYourCard', 'zh-TW'));
    expect(await state(A.USER)).toEqual(before);
    expect(await state(OTHER)).toBeUndefined();
    expect(await app.bot.helpdesk.openTicket(keyOf(OTHER))).toBeUndefined();
    expect(await app.bot.helpdesk.openTicket(keyOf(A.USER))).toBeUndefined();

    await press(form, id);
    const filed = await app.bot.helpdesk.openTicket(keyOf(A.USER));
    expect(filed!.ref).toMatch(/^SI-\d+$/);
    // The form shows the ticket's number in its place.
    expect(JSON.stringify(connector.updated().at(-1)!.body)).toContain(filed!.ref);
  });

  it('answers an Action.Execute by someone else with a message to them only, the card unchanged', async () => {
    const { id, card } = await ownerAsks(pack.text('clock-skew', 'en').title);
    const yes = button(card, pack.message('fixed.yes', 'en'));
    const before = await state(A.USER);
    connector.clear();

    const execute = A.execute(connector.url, yes, id, 'zh-CN');
    const res = await postActivity(base, {
      ...execute,
      from: OTHER,
      conversation: { ...execute.conversation, ...A.channel },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: pack.message('notYourCard', 'zh-CN'),
    });
    expect(connector.calls).toEqual([]); // nothing posted, nothing updated
    expect(await state(A.USER)).toEqual(before);
    expect(await state(OTHER)).toBeUndefined();
  });
});
