/**
 * The hand-over to the helpdesk in the Microsoft 365 Agents Playground, as the two people live it
 * on one page: the user in personal chat (what was tried, the form, leaving it with a new
 * question, the ticket), and the helpdesk in the General channel of "My Team", set as the
 * helpdesk channel, pressing the ticket card's buttons (Claim, Ask the user, Request logs, Resolve,
 * Reopen), with the user told in personal chat at each step.
 *
 * Not here: file uploads. The Playground's compose box has no way to attach a file ("+" only
 * opens message-extension commands), so a log file sent in personal chat is covered over HTTP
 * with real Teams activity payloads in test/adapters/teams/escalation.test.ts (and on Slack in
 * test/adapters/slack/escalation.test.ts).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/dev/local.js';
import {
  en,
  pack,
  buttons,
  cards,
  choose,
  lastCardWith,
  launchChromium,
  openChat,
  openPlayground,
  type Playground,
  press,
  say,
  shot,
  textOf,
  title,
} from './playground.js';

const AGENT = PLAYGROUND.userName;
const QUESTION = 'Does it happen on the web client too?';
const ANSWER = 'Yes, the web client fails the same way';
const NOTE = 'Fixed the proxy rule for msoidsvc.exe';
let browser: Browser;
let playground: Playground;
let page: Page;
let ref = '';

beforeAll(async () => {
  browser = await launchChromium();
  // npm start's defaults: the helpdesk is "My Team - General", and Alex, the Playground's user, an admin.
  playground = await openPlayground(browser, { OUTBOX_INTERVAL_MS: '500' });
  page = playground.page;
  // The bot's welcome first, so that it is not taken for an answer.
  await cards(page).first().waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  if (process.env.DEBUG_TEST) console.log(playground?.logs.join('\n'));
  await playground?.close();
  await browser?.close();
});

/** The ticket card in the open helpdesk channel. */
const ticketCard = (): Locator => cards(page).filter({ hasText: en('helpdesk.title', { ref }) });
const ticketText = async () => textOf(ticketCard().first());
/** Everything the bot has said in the open chat, as one text. */
const chatText = async () => (await cards(page).allInnerTexts()).join('\n').replace(/\s+/g, ' ');
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Presses a ticket card button; the card is updated in place, no card is added. */
async function act(action: string, input?: { label: string; text: string }): Promise<void> {
  const card = ticketCard().first();
  if (input) await card.getByRole('textbox', { name: input.label }).fill(input.text);
  await card.locator(`.ac-actionSet button[title="${action}"]`).click();
}

describe('the user hands over to the helpdesk in personal chat', () => {
  it('lists only what was tried since cancel, and the form is left by a new question without losing it', async () => {
    await say(page, 'My Skype shows "Problem acquiring a personal certificate that is required to sign in"');
    await press(page, cards(page).last(), en('fixed.no'));
    expect((await say(page, 'cancel')).join('\n')).toContain(en('cancelled'));
    const clock = (
      await say(page, 'My computer clock is wrong and Skype for Business will not sign in')
    ).join('\n');
    expect(clock).toContain(title('clock-skew'));
    // No: the bot moves on to the next likely cause; then the user asks for a person.
    await press(page, cards(page).last(), en('fixed.no'));

    const handOver = await say(page, 'talk to a person');
    const [summary = '', form = ''] = handOver;
    await shot(page, 'teams-handover-form.png');
    expect(summary).toContain(en('escalation.title'));
    expect(summary, summary).toContain(title('clock-skew'));
    expect(summary, 'what was tried before cancel is not listed again').not.toContain(
      title('personal-certificate'),
    );
    const lines = summary.split('\n').map((l) => l.trim());
    const heading = lines.indexOf(en('escalation.logs'));
    expect
      .soft(
        heading === -1 || lines.slice(heading + 1).some(Boolean),
        `"${en('escalation.logs')}" heads nothing`,
      )
      .toBe(true);
    expect.soft(summary, 'asks for details before the form is shown').not.toContain('Send them the details');
    expect(form).toContain(en('form.title'));
    expect.soft(form, 'Teams has a form, not typed answers').not.toMatch(/skip/i);

    // A new question while the form is open is a new question.
    const replies = flat((await say(page, 'Actually Lync now says user is not SIP enabled')).join('\n'));
    expect(replies).not.toContain(en('form.invalid', { field: '' }).replace(/:\s*$/, ''));
    expect(replies).toContain(title('user-not-sip-enabled'));
  });

  it('files the ticket from the form; the sent form stays, read-only, with what was sent', async () => {
    const replies = await say(page, 'talk to a person');
    expect(replies.join('\n')).toContain(en('form.title'));
    const card = await lastCardWith(page, en('form.submit'));
    const field = (id: string) => en(`form.fields.${id}.label`);
    await choose(page, card, field('client'), en('form.fields.client.choices.sfb2016'));
    await choose(page, card, field('os'), en('form.fields.os.choices.windows10'));
    await card.getByRole('textbox', { name: field('error') }).fill('The user is not SIP enabled');
    await card.getByRole('textbox', { name: field('since') }).fill('since Monday');
    await choose(page, card, field('affected'), en('form.fields.affected.choices.everyone'));
    await card.getByRole('textbox', { name: field('domain') }).fill('contoso.com');
    const created = flat((await press(page, card, en('form.submit'))).join('\n'));
    ref = /SI-\d+/.exec(created)?.[0] ?? '';
    expect(ref, 'the ticket number told to the user').not.toBe('');
    expect(created).toContain(flat(en('ticket.created.title', { ref })));
    expect(created).toContain(pack.message('logs.title', 'en'));
    await shot(page, 'teams-ticket-filed.png');

    const sent = await textOf(card);
    expect
      .soft(sent, 'the sent form keeps what was sent')
      .toContain(en('form.fields.client.choices.sfb2016'));
    expect.soft(sent).toContain('contoso.com');
    expect.soft(await buttons(card), 'the sent form cannot be sent again').not.toContain(en('form.submit'));
  });
});

describe('the helpdesk works the ticket in its channel, and the user is told each step', () => {
  it('shows the ticket card in the helpdesk channel with what the user sent', async () => {
    await openChat(page, 'My Team - General');
    await expect.poll(() => ticketCard().count(), { timeout: 20_000 }).toBe(1);
    const text = await ticketText();
    expect(text).toContain(en('helpdesk.status.open'));
    expect(text).toContain(AGENT);
    expect(text).toContain(en('form.fields.client.choices.sfb2016'));
    expect(text).toContain('contoso.com');
    expect
      .soft(text, `the last topic is the one of the hand-over: ${text}`)
      .toContain(title('user-not-sip-enabled'));
    expect(await buttons(ticketCard().first())).toEqual([
      en('helpdesk.actions.claim'),
      en('helpdesk.actions.ask'),
      en('helpdesk.actions.logs'),
      en('helpdesk.actions.resolve'),
    ]);
    await shot(page, 'teams-helpdesk-ticket.png');
  });

  it('Claim updates the card in place', async () => {
    await act(en('helpdesk.actions.claim'));
    await expect
      .poll(ticketText, { timeout: 15_000 })
      .toContain(en('helpdesk.status.claimed', { agent: AGENT }));
    expect(await page.getByText(en('helpdesk.stale')).count(), 'the card was current').toBe(0);
    expect(await ticketCard().count(), 'updated in place, not posted again').toBe(1);
    expect(await buttons(ticketCard().first())).not.toContain(en('helpdesk.actions.claim'));
    await ticketCard()
      .first()
      .evaluate((e) => (e as unknown as { scrollIntoView(): void }).scrollIntoView());
    await shot(page, 'teams-helpdesk-claimed.png');
  });

  it('Ask the user with no question says what is missing; with one, the ticket waits for the user', async () => {
    const before = flat(await page.locator('body').innerText());
    await act(en('helpdesk.actions.ask'));
    await expect
      .poll(async () => flat(await page.locator('body').innerText()), {
        timeout: 8_000,
        message: 'an empty "Ask the user" must say what is missing',
      })
      .not.toBe(before);
    expect(await ticketText()).not.toContain(en('helpdesk.status.waiting'));

    await act(en('helpdesk.actions.ask'), { label: en('helpdesk.inputs.question'), text: QUESTION });
    await expect.poll(ticketText, { timeout: 15_000 }).toContain(en('helpdesk.status.waiting'));
    expect(await ticketText()).toContain(QUESTION);
  });

  it('the user was told in personal chat, and their answer shows on the card', async () => {
    await openChat(page, 'Personal Chat');
    await expect
      .poll(chatText, { timeout: 15_000 })
      .toContain(flat(en('ticket.claimed', { agent: AGENT, ref })));
    await expect.poll(chatText).toContain(flat(en('ticket.asked', { ref, question: QUESTION })));
    const relayed = (await say(page, ANSWER)).join('\n');
    expect(flat(relayed)).toContain(flat(en('ticket.answerRelayed', { ref })));
    await shot(page, 'teams-user-notified.png');

    await openChat(page, 'My Team - General');
    await expect.poll(ticketText, { timeout: 15_000 }).toContain(ANSWER);
  });

  it('Request logs, Resolve with a note and Reopen each update the card', async () => {
    await act(en('helpdesk.actions.logs'));
    await expect.poll(ticketText, { timeout: 15_000 }).toContain(`${AGENT} asked the user for logs`);

    await act(en('helpdesk.actions.resolve'), { label: en('helpdesk.inputs.note'), text: NOTE });
    await expect
      .poll(ticketText, { timeout: 15_000 })
      .toContain(en('helpdesk.status.resolved', { agent: AGENT }));
    expect(await ticketText()).toContain(NOTE);
    expect(await buttons(ticketCard().first())).toEqual([en('helpdesk.actions.reopen')]);
    await shot(page, 'teams-helpdesk-resolved.png');

    await act(en('helpdesk.actions.reopen'));
    await expect
      .poll(() => buttons(ticketCard().first()), { timeout: 15_000 })
      .toContain(en('helpdesk.actions.resolve'));
    expect(await ticketText()).toContain(`reopened by ${AGENT}`);
    expect(await page.getByText(en('helpdesk.stale')).count()).toBe(0);
  });

  it('the user was told of the log request, the resolution and the reopening', async () => {
    await openChat(page, 'Personal Chat');
    await expect.poll(chatText, { timeout: 15_000 }).toContain(flat(en('ticket.logsRequested', { ref })));
    await expect.poll(chatText).toContain(flat(en('ticket.resolved', { ref, agent: AGENT, note: NOTE })));
    await expect.poll(chatText).toContain(flat(en('ticket.reopened', { ref, agent: AGENT })));
  });
});
