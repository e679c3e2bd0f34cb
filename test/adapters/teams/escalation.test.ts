/**
 * The hand-over to the helpdesk on Teams, end to end over real activities: the form as an
 * Adaptive Card with inputs, the ticket card posted to the helpdesk channel, a log file sent
 * in personal chat, then Claim, Ask and Resolve pressed on the channel's card, each updating
 * it in place and reaching the user proactively.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
const HELPDESK = '19:helpdesk0channel@thread.tacv2';
const chat = { conversationType: 'personal', id: 'a:1-escalating-user', tenantId: 'x' };
let app: App;
let base = '';

async function post(activity: object) {
  expect((await postActivity(base, activity)).status).toBe(200);
}

const inConversation = (id: string, method = 'POST') =>
  connector.calls.filter((c) => c.method === method && c.path.startsWith(`/v3/conversations/${id}/`));
const cardText = (call: { body: any } | undefined) =>
  JSON.stringify(call?.body?.attachments?.[0]?.content ?? {});
const ticketCard = () =>
  (inConversation(HELPDESK, 'PUT').at(-1) ?? inConversation(HELPDESK)[0])!.body.attachments[0].content;
const ticketAction = (op: string) =>
  ticketCard().actions.find((a: any) => a.data?.value === `${op}:SI-1001`).data;

beforeAll(async () => {
  await connector.start();
  app = await createApp({
    env: {
      BOT_LOCAL_MODE: 'true',
      HELPDESK_TEAMS_CHANNEL: HELPDESK,
      HELPDESK_TEAMS_SERVICE_URL: connector.url,
      OUTBOX_INTERVAL_MS: '50',
    },
    log: silentLogger,
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});

describe('Teams: escalation to the helpdesk', () => {
  it('runs from the form to the resolved ticket, keeping the user informed', async () => {
    // 1. Asking for a person: what was tried, then the form as a card with inputs.
    await post({ ...A.message(connector.url, 'talk to a person', { conversation: chat }) });
    await expect.poll(() => inConversation(chat.id).length).toBe(2);
    const form = inConversation(chat.id)[1]!.body.attachments[0].content;
    expect(
      form.body.some(
        (b: any) =>
          b.type === 'Container' &&
          b.items.some((i: any) => i.type === 'Input.ChoiceSet' && i.id === 'client'),
      ),
    ).toBe(true);
    const submit = form.actions[0].data;

    // 2. Submitting it opens the ticket; its card goes to the helpdesk channel.
    await post({
      ...A.submit(
        connector.url,
        {
          ...submit,
          client: 'sfb2019',
          os: 'windows11',
          error: 'Server is temporarily unavailable',
          since: 'this morning',
          affected: 'everyone',
          domain: 'fabrikam.com',
        },
        'activity-2',
      ),
      conversation: chat,
    });
    // The number and the log steps take the form card's place (an update: a redelivered
    // submission updates the same card instead of saying it twice).
    const formCard = () =>
      inConversation(chat.id, 'PUT').filter((c) => c.path.endsWith('/activities/activity-2'));
    await expect.poll(() => cardText(formCard().at(-1))).toContain('SI-1001');
    expect(inConversation(chat.id).some((c) => cardText(c).includes('SI-1001'))).toBe(false);
    await expect.poll(() => inConversation(HELPDESK).length, { timeout: 5000 }).toBe(1);
    expect(cardText(inConversation(HELPDESK)[0])).toContain('fabrikam.com');

    // 3. Claim, straight from the card as it was posted (no other change refreshed it first):
    //    the card updates, the user hears it.
    const agent = { from: { id: '29:alex', name: 'Alex Wilber', aadObjectId: 'aad-alex' } };
    const channelPress = (data: object) => ({
      ...A.submit(connector.url, data, 'ticket-card'),
      conversation: { ...A.channel, id: HELPDESK },
      ...agent,
    });
    const postedCard = ticketCard();
    const pressedOn = (card: any, op: string) =>
      card.actions.find((a: any) => a.data?.value === `${op}:SI-1001`).data;
    await post(channelPress(pressedOn(postedCard, 'claim')));
    await expect
      .poll(() => cardText(inConversation(chat.id).at(-1)))
      .toContain(pack.message('ticket.claimed', 'en', { agent: 'Alex Wilber', ref: 'SI-1001' }));
    await expect
      .poll(() => JSON.stringify(ticketCard()))
      .toContain(pack.message('helpdesk.status.claimed', 'en', { agent: 'Alex Wilber' }));

    // 4. A log file sent in personal chat goes on the ticket; the channel's card shows it.
    await post({
      ...A.message(connector.url, '', { conversation: chat }),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'Lync-UccApi-0.UccApilog',
          content: { downloadUrl: `${connector.url}files/trace`, uniqueId: 'f1', fileType: 'uccapilog' },
        },
      ],
    });
    await expect.poll(() => cardText(inConversation(chat.id).at(-1))).toContain('Lync-UccApi-0.UccApilog');
    await expect.poll(() => JSON.stringify(ticketCard())).toContain('Lync-UccApi-0.UccApilog');

    // 5. "Ask the user" with nothing typed says what is missing, and changes nothing.
    const notices = () => inConversation(HELPDESK).filter((c) => !c.path.includes('activities/ticket'));
    const before = inConversation(HELPDESK).length;
    await post(channelPress(ticketAction('ask')));
    await expect
      .poll(() => cardText(inConversation(HELPDESK).at(-1)))
      .toContain(
        pack.message('helpdesk.refused.empty', 'en', {
          field: pack.message('helpdesk.inputs.question', 'en'),
          button: pack.message('helpdesk.actions.ask', 'en'),
        }),
      );
    expect(inConversation(HELPDESK).length).toBe(before + 1);
    expect(notices().length).toBeGreaterThan(0);

    // 6. Ask (the question typed in the card's input), the user answers, the answer is on the card.
    await post(
      channelPress({ ...ticketAction('ask'), question: 'Is the sip CNAME in place for fabrikam.com?' }),
    );
    await expect
      .poll(() =>
        JSON.stringify(
          inConversation(chat.id)
            .slice(-2)
            .map((c) => c.body),
        ),
      )
      .toContain('Is the sip CNAME in place for fabrikam.com?');
    await post(A.message(connector.url, 'We only added lyncdiscover yesterday', { conversation: chat }));
    await expect
      .poll(() => cardText(inConversation(chat.id).at(-1)))
      .toContain(pack.message('ticket.answerRelayed', 'en', { ref: 'SI-1001' }));
    await expect.poll(() => JSON.stringify(ticketCard())).toContain('We only added lyncdiscover yesterday');

    // 7. Resolve with a note: the user is told, the card offers Reopen only.
    await post(
      channelPress({ ...ticketAction('resolve'), note: 'Added sip CNAME to sipdir.online.lync.com' }),
    );
    await expect
      .poll(() => cardText(inConversation(chat.id).at(-1)))
      .toContain('Added sip CNAME to sipdir.online.lync.com');
    await expect.poll(() => ticketCard().actions.map((a: any) => a.data.value)).toEqual(['reopen:SI-1001']);

    // 8. A button on the card as it was first posted is stale: the agent is told, and the card
    //    is brought up to date in place (one more update), not left showing the old state.
    const updates = inConversation(HELPDESK, 'PUT').length;
    await post(channelPress(pressedOn(postedCard, 'claim')));
    await expect
      .poll(() => cardText(inConversation(HELPDESK).at(-1)))
      .toContain(pack.message('helpdesk.refused.stale', 'en'));
    await expect.poll(() => inConversation(HELPDESK, 'PUT').length).toBeGreaterThan(updates);
    expect(ticketCard().actions.map((a: any) => a.data.value)).toEqual(['reopen:SI-1001']);
  }, 30_000);
});
