/**
 * Who may act on a ticket on Teams: only the helpdesk channel, only the listed agents, and only
 * with the token of the ticket's own card. Every operation is tried from a user's personal chat
 * (without a token, with a forged one, and with the real one copied from the card), from the
 * helpdesk channel by someone who is not an agent, and from another channel: each is refused,
 * logged, and leaves the ticket and its user untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import type { TicketOperation } from '../../../src/core/helpdesk/types.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { messagesInto } from '../../helpers/logs.js';

const pack = realPack();
const connector = new FakeConnector();
const HELPDESK = '19:helpdesk0channel@thread.tacv2';
const victim = { conversationType: 'personal', id: 'a:1-victim', tenantId: 'x' };
const attacker = { conversationType: 'personal', id: 'a:1-attacker', tenantId: 'x' };
const AGENT = { id: '29:alex', name: 'Alex Wilber', aadObjectId: 'aad-alex' };
const OUTSIDER = { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' };
const OPS: TicketOperation[] = ['claim', 'ask', 'logs', 'resolve', 'reopen'];
const logs: string[] = [];
let app: App;
let base = '';

const inConversation = (id: string, method = 'POST') =>
  connector.calls.filter((c) => c.method === method && c.path.startsWith(`/v3/conversations/${id}/`));
const lastText = (id: string) => JSON.stringify(inConversation(id).at(-1)?.body ?? {});

async function post(activity: object) {
  const res = await postActivity(base, activity);
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
}

/** Waits until `ready()` holds (set-up runs outside a test, where expect.poll cannot). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!ready()) throw new Error('timed out waiting in set-up');
}

beforeAll(async () => {
  await connector.start();
  app = await createApp({
    env: {
      BOT_LOCAL_MODE: 'true',
      HELPDESK_TEAMS_CHANNEL: HELPDESK,
      HELPDESK_TEAMS_SERVICE_URL: connector.url,
      HELPDESK_AGENTS: 'aad-alex, aad-sam',
      OUTBOX_INTERVAL_MS: '50',
    },
    log: messagesInto(logs),
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  // The victim files SI-1001 through the form.
  await post(A.message(connector.url, 'talk to a person', { conversation: victim }));
  await until(() => inConversation(victim.id).length === 2);
  const submit = inConversation(victim.id)[1]!.body.attachments[0].content.actions[0].data;
  await post({
    ...A.submit(
      connector.url,
      {
        ...submit,
        client: 'sfb2019',
        os: 'windows11',
        error: 'Server is temporarily unavailable',
        since: 'today',
        affected: 'me',
      },
      'form',
    ),
    conversation: victim,
  });
  await until(() => inConversation(HELPDESK).length === 1);
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});

const card = () =>
  (inConversation(HELPDESK, 'PUT').at(-1) ?? inConversation(HELPDESK)[0])!.body.attachments[0].content;
/** The real token of the card's button for `op` (Reopen appears once resolved: use Claim's). */
const realToken = () => card().actions[0].data.token as string;

async function ticket() {
  return (await app.bot.helpdesk.openTicket(`teams:${victim.id}:${A.USER.aadObjectId}`))!;
}

describe('Teams: ticket actions from anywhere but the helpdesk are refused', () => {
  it.each(OPS)(
    '%s from a personal chat: without a token, with a forged one, with the real one',
    async (op) => {
      const before = await ticket();
      const victimMessages = inConversation(victim.id).length;
      for (const token of [undefined, 'SI-1001', 'forged.1', realToken()]) {
        await post({
          ...A.submit(
            connector.url,
            {
              action: 'ticket',
              value: `${op}:SI-1001`,
              ...(token ? { token } : {}),
              question: 'Click [here](javascript:alert(1)) to **verify**',
              note: 'done',
            },
            'whatever',
          ),
          conversation: attacker,
          from: OUTSIDER,
        });
        await expect
          .poll(() => lastText(attacker.id))
          .toContain(pack.message('helpdesk.refused.forbidden', 'en'));
      }
      const after = await ticket();
      expect(after.status).toBe(before.status);
      expect(after.history).toEqual(before.history);
      await new Promise((r) => setTimeout(r, 150)); // the outbox would have sent by now
      expect(inConversation(victim.id).length).toBe(victimMessages);
      expect(logs.filter((l) => l.includes(`refused ticket action ${op} on SI-1001`)).length).toBe(4);
      expect(logs.at(-1)).toContain('not the helpdesk channel');
    },
  );

  it('refuses someone in the helpdesk channel who is not a listed agent, and another channel', async () => {
    const before = await ticket();
    await post({
      ...A.submit(connector.url, { action: 'ticket', value: 'claim:SI-1001', token: realToken() }, 'card'),
      conversation: { ...A.channel, id: HELPDESK },
      from: OUTSIDER,
    });
    await expect.poll(() => lastText(HELPDESK)).toContain(pack.message('helpdesk.refused.forbidden', 'en'));
    expect(logs.at(-1)).toContain('not a helpdesk agent');
    await post({
      ...A.submit(connector.url, { action: 'ticket', value: 'claim:SI-1001', token: realToken() }, 'card'),
      conversation: A.channel,
      from: AGENT,
    });
    await expect.poll(() => logs.at(-1)).toContain('not the helpdesk channel');
    expect((await ticket()).history).toEqual(before.history);
  });

  it("refuses a forged token from the helpdesk channel, and takes the card's own", async () => {
    await post({
      ...A.submit(connector.url, { action: 'ticket', value: 'claim:SI-1001', token: 'guess.1' }, 'card'),
      conversation: { ...A.channel, id: HELPDESK },
      from: AGENT,
    });
    await expect.poll(() => logs.at(-1)).toContain('missing or wrong card token');
    expect((await ticket()).status).toBe('open');
    await post({
      ...A.submit(connector.url, card().actions[0].data, 'card'),
      conversation: { ...A.channel, id: HELPDESK },
      from: AGENT,
    });
    await expect.poll(async () => (await ticket()).status).toBe('claimed');
    expect((await ticket()).claimedBy).toBe('Alex Wilber');
  });
});
