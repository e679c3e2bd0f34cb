/**
 * Who may act on a ticket on Slack: only the helpdesk channel, only the listed agents, and only
 * with the token of the ticket's own card. Every operation is tried from a DM (without a token,
 * with a forged one, with the real one copied from the card) and by a non-agent in the helpdesk
 * channel: each is refused with an ephemeral message, logged, opens no modal, and leaves the
 * ticket and its user untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import type { TicketOperation } from '../../../src/core/helpdesk/types.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack } from '../../helpers/pack.js';
import * as P from './payloads.js';
import { messagesInto } from '../../helpers/logs.js';

const pack = realPack();
const api = new FakeSlackApi();
const HELPDESK = 'C0HELPDESK';
const VICTIM_DM = 'D0VICTIM';
const OPS: TicketOperation[] = ['claim', 'ask', 'logs', 'resolve', 'reopen'];
const logs: string[] = [];
let app: App;
let base = '';

async function send(body: string, contentType = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${base}/slack/events`, P.signed(body, contentType));
  expect(res.status).toBe(200);
}
const calls = (method: string, channel?: string) =>
  api.calls.filter((c) => c.method === method && (!channel || c.args.channel === channel));
const card = () => (calls('chat.update', HELPDESK).at(-1) ?? calls('chat.postMessage', HELPDESK)[0]!).args;
const buttons = () => card().blocks.find((b: any) => b.block_id === 'ticket').elements;
const realToken = () => JSON.parse(buttons()[0].value).token as string;
const press = (op: string, token: string | undefined, channel: string, user: string) =>
  send(
    P.blockAction(
      {
        action_id: `ticket:${op}`,
        value: JSON.stringify({ value: `${op}:SI-1001`, ...(token ? { token } : {}) }),
        text: { text: op },
      },
      { ts: '1763781100.000100', blocks: [] },
      channel,
      api.responseUrl('x'),
      { user },
    ),
  );

beforeAll(async () => {
  await api.start();
  app = await createApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-0001-test',
      SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      HELPDESK_SLACK_CHANNEL: HELPDESK,
      HELPDESK_AGENTS: 'UALEX',
      OUTBOX_INTERVAL_MS: '50',
    },
    log: messagesInto(logs),
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  await app.bot.helpdesk.createTicket({
    conversation: `slack:T0:${VICTIM_DM}:-:UVICTIM`,
    platform: 'slack',
    user: { id: 'UVICTIM', name: 'victim' },
    address: { channel: VICTIM_DM },
    lang: 'en',
    topic: null,
    form: { error: 'Server is temporarily unavailable' },
    attempts: [],
  });
  for (let i = 0; i < 200 && !calls('chat.postMessage', HELPDESK).length; i++)
    await new Promise((r) => setTimeout(r, 25));
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});

const ticket = async () => (await app.bot.helpdesk.openTicket(`slack:T0:${VICTIM_DM}:-:UVICTIM`))!;
const refusedTo = (user: string) =>
  calls('chat.postEphemeral').filter(
    (c) => c.args.user === user && c.args.text.includes(pack.message('helpdesk.refused.forbidden', 'en')),
  ).length;

describe('Slack: ticket actions from anywhere but the helpdesk are refused', () => {
  it.each(OPS)('%s from a DM: without a token, with a forged one, with the real one', async (op) => {
    const before = await ticket();
    const modals = calls('views.open').length;
    const refusals = refusedTo('UEVE');
    for (const token of [undefined, 'forged.1', realToken()]) await press(op, token, 'D0EVE', 'UEVE');
    await expect.poll(() => refusedTo('UEVE')).toBe(refusals + 3);
    expect(calls('views.open').length).toBe(modals);
    const after = await ticket();
    expect(after.history).toEqual(before.history);
    expect(after.status).toBe(before.status);
    await new Promise((r) => setTimeout(r, 150));
    expect(calls('chat.postMessage', VICTIM_DM)).toEqual([]);
    expect(logs.filter((l) => l.includes(`refused ticket action ${op} on SI-1001`)).length).toBe(3);
  });

  it("refuses a non-agent in the helpdesk channel, even with the card's token", async () => {
    const before = await ticket();
    await press('claim', realToken(), HELPDESK, 'UMALLORY');
    await expect.poll(() => refusedTo('UMALLORY')).toBe(1);
    expect(logs.at(-1)).toContain('not a helpdesk agent');
    // A modal sent with the card's metadata by a non-agent is refused too.
    await send(
      P.viewSubmission(
        'ticket-input',
        JSON.stringify({ ref: 'SI-1001', op: 'resolve', token: realToken(), channel: HELPDESK }),
        { text: { type: 'plain_text_input', value: 'closing it' } },
        'UMALLORY',
      ),
    );
    await expect.poll(() => refusedTo('UMALLORY')).toBe(2);
    expect((await ticket()).history).toEqual(before.history);
  });

  it("lets a listed agent act from the helpdesk channel with the card's token", async () => {
    await press('claim', 'guess.1', HELPDESK, 'UALEX');
    await expect.poll(() => refusedTo('UALEX')).toBe(1);
    await press('claim', realToken(), HELPDESK, 'UALEX');
    await expect.poll(async () => (await ticket()).status).toBe('claimed');
  });
});
