/**
 * The hand-over to the helpdesk on Slack, end to end over signed requests: the form as a
 * modal, the ticket card in the helpdesk channel, a log file shared in the DM, then Claim,
 * Ask (answered by the user) and Resolve, each updating the card and telling the user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack } from '../../helpers/pack.js';
import * as P from './payloads.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const api = new FakeSlackApi();
const HELPDESK = 'C0HELPDESK';
let app: App;
let base = '';

async function send(body: string, contentType = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${base}/slack/events`, P.signed(body, contentType));
  expect(res.status).toBe(200);
}

const calls = (method: string, channel?: string) =>
  api.calls.filter((c) => c.method === method && (!channel || c.args.channel === channel));
const lastText = (method: string, channel: string) =>
  JSON.stringify(calls(method, channel).at(-1)?.args.blocks ?? []);

beforeAll(async () => {
  await api.start();
  app = await createApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-0001-test',
      SLACK_SIGNING_SECRET: P.SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      HELPDESK_SLACK_CHANNEL: HELPDESK,
      OUTBOX_INTERVAL_MS: '50',
    },
    log: silentLogger,
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
});
afterAll(async () => {
  await app.stop();
  await api.stop();
});

describe('Slack: escalation to the helpdesk', () => {
  it('runs from the form to the resolved ticket, keeping the user informed', async () => {
    const user = 'UJAPAN';
    const dm = 'D0ESC';
    // 1. The user asks for a person: what was tried, then the form's button.
    await send(P.eventEnvelope(P.dm('担当者と話したい', user, dm)), 'application/json');
    await expect.poll(() => calls('chat.postMessage', dm).length).toBe(2);
    const formMessage = calls('chat.postMessage', dm)[1]!.args;
    const open = formMessage.blocks.find((b: any) => b.block_id === 'form').elements[0];

    // 2. The button opens the form as a modal, in Japanese.
    await send(
      P.blockAction(open, { ts: '1763781000.000100', blocks: formMessage.blocks }, dm, api.responseUrl('f'), {
        user,
      }),
    );
    await expect.poll(() => calls('views.open').length).toBe(1);
    const modal = calls('views.open')[0]!.args.view;
    expect(modal.callback_id).toBe('escalation-form');
    expect(JSON.stringify(modal.blocks)).toContain(pack.message('form.fields.client.label', 'ja'));

    // 3. The submitted form opens the ticket: the user gets the number and the log steps in the
    // form's own message (updated in place, so a redelivered submission cannot say it twice);
    // the helpdesk gets the card.
    await send(
      P.viewSubmission(
        'escalation-form',
        modal.private_metadata,
        {
          client: { type: 'static_select', selected_option: { value: 'sfb2016' } },
          os: { type: 'static_select', selected_option: { value: 'windows10' } },
          error: { type: 'plain_text_input', value: 'サインイン アドレスが見つかりません' },
          since: { type: 'plain_text_input', value: '月曜日から' },
          affected: { type: 'static_select', selected_option: { value: 'everyone' } },
          domain: { type: 'plain_text_input', value: 'contoso.co.jp' },
        },
        user,
      ),
    );
    await expect.poll(() => calls('chat.postMessage', HELPDESK).length, { timeout: 5000 }).toBe(1);
    expect(calls('chat.update', dm).at(-1)!.args.ts).toBe('1763781000.000100');
    expect(lastText('chat.update', dm)).toContain('SI-1001');
    expect(lastText('chat.update', dm)).toContain('16.0');
    expect(lastText('chat.postMessage', dm)).not.toContain('SI-1001');
    const card = calls('chat.postMessage', HELPDESK)[0]!.args;
    expect(JSON.stringify(card.blocks)).toContain('SI-1001');
    expect(JSON.stringify(card.blocks)).toContain('contoso.co.jp');

    // 4. The helpdesk claims it straight from the card as posted (nothing refreshed it first): the card says so and the user hears it in Japanese.
    const ticketCard = () =>
      (calls('chat.update', HELPDESK).at(-1) ?? calls('chat.postMessage', HELPDESK)[0]!).args;
    const button = (op: string) =>
      ticketCard()
        .blocks.find((b: any) => b.block_id === 'ticket')
        .elements.find((e: any) => e.action_id === `ticket:${op}`);
    await send(
      P.blockAction(
        button('claim'),
        { ts: '1763781100.000100', blocks: ticketCard().blocks },
        HELPDESK,
        api.responseUrl('h'),
        { user: 'UALEX' },
      ),
    );
    await expect
      .poll(() => lastText('chat.postMessage', dm))
      .toContain(pack.message('ticket.claimed', 'ja', { agent: 'ualex', ref: 'SI-1001' }));
    await expect
      .poll(() => JSON.stringify(ticketCard().blocks))
      .toContain(pack.message('helpdesk.status.claimed', 'en', { agent: 'ualex' }));

    // 5. A log file shared in the DM goes with the ticket, and the card shows it.
    await send(
      P.eventEnvelope(
        P.fileShare(user, dm, [
          { name: 'Lync-UccApi-0.UccApilog', url: `${api.url}/files/trace`, size: 120 },
        ]),
      ),
      'application/json',
    );
    await expect.poll(() => lastText('chat.postMessage', dm)).toContain('Lync-UccApi-0.UccApilog');
    await expect
      .poll(() => JSON.stringify(calls('chat.update', HELPDESK).at(-1)?.args.blocks ?? []))
      .toContain('Lync-UccApi-0.UccApilog');

    // 6. Ask the user: a modal for the question, the question reaches the user, the answer comes back.
    await send(
      P.blockAction(
        button('ask'),
        { ts: '1763781100.000100', blocks: ticketCard().blocks },
        HELPDESK,
        api.responseUrl('h'),
        { user: 'UALEX' },
      ),
    );
    await expect.poll(() => calls('views.open').length).toBe(2);
    const ask = calls('views.open')[1]!.args.view;
    await send(
      P.viewSubmission(
        'ticket-input',
        ask.private_metadata,
        { text: { type: 'plain_text_input', value: 'Does it happen on the web client too?' } },
        'UALEX',
      ),
    );
    await expect
      .poll(() =>
        JSON.stringify(
          calls('chat.postMessage', dm)
            .slice(-2)
            .map((c) => c.args.blocks),
        ),
      )
      .toContain('Does it happen on the web client too?');
    await send(P.eventEnvelope(P.dm('Webでも同じです', user, dm)), 'application/json');
    await expect
      .poll(() => lastText('chat.postMessage', dm))
      .toContain(pack.message('ticket.answerRelayed', 'ja', { ref: 'SI-1001' }));
    await expect.poll(() => JSON.stringify(ticketCard().blocks)).toContain('Webでも同じです');

    // 7. Resolve with a note: the user is told, the card shows who resolved it and offers Reopen only.
    await send(
      P.blockAction(
        button('resolve'),
        { ts: '1763781100.000100', blocks: ticketCard().blocks },
        HELPDESK,
        api.responseUrl('h'),
        { user: 'UALEX' },
      ),
    );
    await expect.poll(() => calls('views.open').length).toBe(3);
    const resolve = calls('views.open')[2]!.args.view;
    await send(
      P.viewSubmission(
        'ticket-input',
        resolve.private_metadata,
        { text: { type: 'plain_text_input', value: 'Fixed the proxy rule for msoidsvc.exe' } },
        'UALEX',
      ),
    );
    await expect
      .poll(() => lastText('chat.postMessage', dm))
      .toContain('Fixed the proxy rule for msoidsvc.exe');
    await expect
      .poll(() =>
        ticketCard()
          .blocks.find((b: any) => b.block_id === 'ticket')
          .elements.map((e: any) => e.action_id),
      )
      .toEqual(['ticket:reopen']);
  }, 30_000);
});
