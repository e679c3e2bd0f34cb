/**
 * The journeys of the browser suite (test/e2e/), on Slack: no Slack client runs offline, so each
 * one is played over HTTP with signed payloads as Slack sends them, against the local fake Web
 * API, and asserted on what Slack would show (the messages posted and updated in place).
 *
 * The person asking (a DM in Traditional Chinese, triage, a group DM in Simplified Chinese, a
 * Japanese request for a person inside a sentence); the helpdesk working a ticket from its card
 * as posted, with no file upload refreshing it first (Claim, an empty Ask, Ask, the answer on the
 * card, Request logs, Resolve, Reopen, a stale button), with the user told in the DM each step;
 * and an admin's pin leading its topic's family, a pin by description, a question that starts
 * with "PIN". Log files shared in the DM are covered by escalation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/app.js';
import { type SlackTestApp, startSlackApp } from '../../helpers/slack-app.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack } from '../../helpers/pack.js';
import * as P from './payloads.js';

const pack = realPack();
const api = new FakeSlackApi();
const HELPDESK = 'C0HELPDESK';
const AGENT = 'UALEX';
let now = new Date('2026-11-22T04:00:00Z');
let slack: SlackTestApp;
let app: App;

beforeAll(async () => {
  await api.start();
  slack = await startSlackApp(
    api,
    {
      HELPDESK_SLACK_CHANNEL: HELPDESK,
      HELPDESK_AGENTS: AGENT,
      BOT_ADMINS: 'UADMIN',
      OUTBOX_INTERVAL_MS: '50',
    },
    () => now,
  );
  app = slack.app;
});
afterAll(async () => {
  await slack?.stop();
  await api.stop();
});

const send = (body: string, contentType?: string) => slack.send(body, contentType);
const sendEvent = (event: Record<string, unknown>) => send(P.eventEnvelope(event), 'application/json');
const calls = (method: string, channel?: string) =>
  api.calls.filter((c) => c.method === method && (!channel || c.args.channel === channel));

/** What a person reads in a message: every text of its blocks, Slack's escapes undone. */
function readable(blocks: any[] = []): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
  };
  walk(blocks);
  return texts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The messages the bot posted to `channel` after the first `from`, as a person reads them. */
async function postedTo(channel: string, from: number, count = 1): Promise<string[]> {
  await expect
    .poll(() => calls('chat.postMessage', channel).length, { timeout: 5000 })
    .toBeGreaterThanOrEqual(from + count);
  return calls('chat.postMessage', channel)
    .slice(from)
    .map((c) => readable(c.args.blocks));
}

/** A button of a message by the text next to it or on it (long labels sit in a section with "Choose"). */
function buttonFor(blocks: any[], label: string): any {
  for (const b of blocks) {
    const found = (b.elements ?? []).find((e: any) => e.type === 'button' && e.text?.text === label);
    if (found) return found;
    if (b.accessory?.type === 'button' && (b.text?.text ?? '').includes(label)) return b.accessory;
  }
  throw new Error(`no button "${label}" in ${readable(blocks)}`);
}

/** Waits until the bot has stopped calling Slack for a moment (the outbox sends after the reply). */
async function settled(): Promise<void> {
  for (let seen = -1; seen !== api.calls.length;) {
    seen = api.calls.length;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A person asks in a DM and reads the answers. */
async function dm(user: string, channel: string, text: string, answers = 1): Promise<string[]> {
  await settled();
  const from = calls('chat.postMessage', channel).length;
  await sendEvent(P.dm(text, user, channel));
  return postedTo(channel, from, answers);
}

/** A person presses a button of a message the bot posted in a DM or thread, and reads the answers. */
async function pressIn(
  user: string,
  channel: string,
  message: { ts: string; blocks: any[]; thread_ts?: string },
  label: string,
  answers = 1,
): Promise<string[]> {
  await settled();
  const from = calls('chat.postMessage', channel).length;
  await send(
    P.blockAction(buttonFor(message.blocks, label), message, channel, api.responseUrl('b'), { user }),
  );
  return postedTo(channel, from, answers);
}

/** The newest message the bot posted to a channel, as Slack holds it. */
function lastMessage(channel: string): { ts: string; blocks: any[]; thread_ts?: string } {
  const call = calls('chat.postMessage', channel).at(-1)!;
  return {
    ts: `ts-${calls('chat.postMessage', channel).length}`,
    blocks: call.args.blocks,
    ...(call.args.thread_ts ? { thread_ts: call.args.thread_ts } : {}),
  };
}

describe('Slack journeys: the person asking', () => {
  it('answers a DM in Traditional Chinese and moves to the admin fix when the first does not help', async () => {
    const [first] = await dm(
      'UTAIWAN',
      'D0TW',
      '第一次登入商務用 Skype 時，一直跳出「無法針對您的登入地址確認伺服器是否可信任」',
    );
    expect(first).toContain(pack.text('cert-trust-dialog', 'zh-TW').title);
    const [second] = await pressIn('UTAIWAN', 'D0TW', lastMessage('D0TW'), pack.message('fixed.no', 'zh-TW'));
    expect(second).toContain(pack.text('cert-trust-dialog', 'zh-TW').stages['admin-gpo']!.title);
    // The answered message was updated in place, without its buttons.
    const update = calls('chat.update', 'D0TW').at(-1)!;
    expect(update.args.blocks.some((b: any) => b.block_id === 'choices')).toBe(false);
  });

  it('triages "I can\'t sign in": the question once, then the fix for what the user picked', async () => {
    const triage = pack.text('triage', 'en');
    const [question] = await dm('UUSER4', 'D0TRI', "I can't sign in");
    expect(question).toContain(triage.title);
    expect(question!.split(triage.question!).length - 1, 'the triage question, printed').toBe(1);
    const error = pack.text('signin-address-not-found', 'en').errors[0]!;
    const answers = await pressIn('UUSER4', 'D0TRI', lastMessage('D0TRI'), error);
    expect(answers.join('\n')).toContain(pack.text('signin-address-not-found', 'en').title);
  });

  it('answers an @mention in a group DM in Simplified Chinese, in its thread', async () => {
    const event = P.mention('登录Lync时提示证书不受信任', 'UUSER3', 'G0GROUP');
    await sendEvent({ ...event, channel_type: 'mpim' });
    const [answer] = await postedTo('G0GROUP', 0);
    expect(answer).toContain(pack.text('cert-trust-dialog', 'zh-CN').title);
    expect(calls('chat.postMessage', 'G0GROUP')[0]!.args.thread_ts).toBe(event.ts);
  });

  // Issue 18, finding 11: a request for a person inside an ordinary sentence.
  it('understands a request for a person inside a Japanese sentence', async () => {
    const answers = await dm('UJAPAN', 'D0JA', 'すみません、担当者と話したいです', 2).catch((e) => {
      throw new Error(
        `${e.message}: ${calls('chat.postMessage', 'D0JA')
          .map((c) => readable(c.args.blocks))
          .join('\n---\n')}`,
      );
    });
    expect(answers.join('\n')).toContain(pack.message('escalation.title', 'ja'));
    expect(answers.join('\n')).not.toContain(pack.message('notFound.title', 'ja'));
  });
});

describe('Slack journeys: leaving the escalation form', () => {
  // Issue 18, finding 3: a new question typed while the form is open.
  it('takes a new question typed while the form is open as a new question', async () => {
    const handOver = await dm('UUSER6', 'D0USER6', 'talk to a person', 2);
    expect(handOver.join('\n')).toContain(pack.message('form.open', 'en'));
    const answers = await dm('UUSER6', 'D0USER6', 'Actually Lync now says user is not SIP enabled');
    expect(answers.join('\n')).toContain(pack.text('user-not-sip-enabled', 'en').title);
    expect(answers.join('\n')).not.toContain(
      pack.message('form.invalid', 'en', { field: '' }).replace(/:\s*$/, ''),
    );
  });
});

describe('Slack journeys: the helpdesk works a ticket from its card as posted', () => {
  const user = 'UUSER5';
  const chat = 'D0USER5';
  const en = (key: string, vars?: Record<string, string | number>) => pack.message(key, 'en', vars);
  let ref = '';
  /** The ticket card as the helpdesk channel shows it now. */
  const card = () => (calls('chat.update', HELPDESK).at(-1) ?? calls('chat.postMessage', HELPDESK)[0]!).args;
  const cardText = () => readable(card().blocks);
  const ticketButtons = (blocks = card().blocks) =>
    blocks.find((b: any) => b.block_id === 'ticket')?.elements ?? [];
  const press = (op: string, blocks = card().blocks, by = AGENT) => {
    const button = ticketButtons(blocks).find((e: any) => e.action_id === `ticket:${op}`);
    expect(button, `the card offers ticket:${op}`).toBeDefined();
    return send(
      P.blockAction(button, { ts: '1763781100.000100', blocks }, HELPDESK, api.responseUrl('h'), {
        user: by,
      }),
    );
  };
  /** Presses Ask or Resolve, and sends the text in the modal that opens. */
  const pressWithInput = async (op: string, text: string) => {
    const opened = calls('views.open').length;
    await press(op);
    await expect.poll(() => calls('views.open').length).toBeGreaterThan(opened);
    const modal = calls('views.open').at(-1)!.args.view;
    expect(modal.callback_id).toBe('ticket-input');
    await send(
      P.viewSubmission(
        'ticket-input',
        modal.private_metadata,
        { text: { type: 'plain_text_input', value: text } },
        AGENT,
      ),
    );
  };
  const dmTexts = () =>
    calls('chat.postMessage', chat)
      .map((c) => readable(c.args.blocks))
      .join('\n');
  let postedCard: any[] = [];

  it('hands over what was tried when the user asks for a person', async () => {
    await dm(user, chat, 'My computer clock is wrong and Skype for Business will not sign in');
    const next = await pressIn(user, chat, lastMessage(chat), en('fixed.no'));
    expect(next.join('\n')).toContain(en('next.topic', { title: pack.text('collect-logs', 'en').title }));
    const handOver = await dm(user, chat, 'talk to a person', 2);
    expect(handOver.join('\n')).toContain(en('escalation.title'));
    expect(handOver.join('\n')).toContain(en('form.open'));
    expect(handOver.join('\n')).toContain(pack.text('clock-skew', 'en').title);
  });

  it('files the ticket from the form; the card reaches the helpdesk channel', async () => {
    const formMessage = calls('chat.postMessage', chat)
      .map((c) => c.args)
      .findLast((m) => m.blocks.some((b: any) => b.block_id === 'form'))!;
    const open = formMessage.blocks.find((b: any) => b.block_id === 'form').elements[0];
    const opened = calls('views.open').length;
    await send(
      P.blockAction(
        open,
        { ts: '1763781000.000200', blocks: formMessage.blocks },
        chat,
        api.responseUrl('f'),
        { user },
      ),
    );
    await expect.poll(() => calls('views.open').length).toBe(opened + 1);
    const modal = calls('views.open').at(-1)!.args.view;
    const before = calls('chat.postMessage', chat).length;
    await send(
      P.escalationForm(
        modal.private_metadata,
        {
          client: 'sfb2016',
          os: 'windows10',
          error: 'The user is not SIP enabled',
          since: 'since Monday',
          affected: 'me',
          domain: 'fabrikam.com',
        },
        user,
      ),
    );
    // The ticket's number takes the place of the form's message (told once, even if Slack
    // delivers the submission again), not a new message.
    await expect
      .poll(() => readable(calls('chat.update', chat).at(-1)?.args.blocks ?? []), { timeout: 5000 })
      .toMatch(/SI-\d+/);
    ref = /SI-\d+/.exec(readable(calls('chat.update', chat).at(-1)!.args.blocks))?.[0] ?? '';
    expect(ref).not.toBe('');
    expect(calls('chat.postMessage', chat).length).toBe(before);
    await expect.poll(() => calls('chat.postMessage', HELPDESK).length, { timeout: 5000 }).toBe(1);
    postedCard = calls('chat.postMessage', HELPDESK)[0]!.args.blocks;
    expect(readable(postedCard)).toContain('fabrikam.com');
    expect(calls('chat.update', HELPDESK), 'nothing refreshed the card before the helpdesk acts').toEqual([]);
  });

  it('Claim from the card as posted: the card updates and the user is told', async () => {
    await press('claim', postedCard);
    await expect.poll(cardText).toContain(en('helpdesk.status.claimed', { agent: 'ualex' }));
    await expect.poll(dmTexts).toContain(en('ticket.claimed', { agent: 'ualex', ref }));
    expect(calls('chat.postEphemeral', HELPDESK), 'no refusal, no "changed meanwhile"').toEqual([]);
  });

  it('an empty Ask the user says what is missing and asks nothing', async () => {
    const dmBefore = calls('chat.postMessage', chat).length;
    await pressWithInput('ask', '');
    await expect
      .poll(
        () =>
          calls('chat.postEphemeral', HELPDESK)
            .map((c) => c.args.text)
            .join('\n'),
        {
          message: 'the agent is told what is missing',
        },
      )
      .not.toBe('');
    expect(cardText()).not.toContain(en('helpdesk.status.waiting'));
    expect(calls('chat.postMessage', chat).length).toBe(dmBefore);
  });

  it('Ask the user: the question reaches the user, whose answer shows on the card', async () => {
    await pressWithInput('ask', 'Does it happen on the web client too?');
    await expect.poll(cardText).toContain(en('helpdesk.status.waiting'));
    await expect
      .poll(dmTexts)
      .toContain(en('ticket.asked', { ref, question: 'Does it happen on the web client too?' }));
    const [relayed] = await dm(user, chat, 'Yes, the web client fails too');
    expect(relayed).toContain(en('ticket.answerRelayed', { ref }));
    await expect.poll(cardText).toContain('Yes, the web client fails too');
  });

  it('Request logs, Resolve with a note and Reopen: each on the card and told to the user', async () => {
    await press('logs');
    await expect.poll(cardText).toContain('ualex asked the user for logs');
    await expect.poll(dmTexts).toContain(en('ticket.logsRequested', { ref }));

    await pressWithInput('resolve', 'Enabled the user for SIP in the admin center');
    await expect.poll(cardText).toContain(en('helpdesk.status.resolved', { agent: 'ualex' }));
    expect(ticketButtons().map((e: any) => e.action_id)).toEqual(['ticket:reopen']);
    await expect
      .poll(dmTexts)
      .toContain(
        en('ticket.resolved', { ref, agent: 'ualex', note: 'Enabled the user for SIP in the admin center' }),
      );

    await press('reopen');
    await expect.poll(() => ticketButtons().map((e: any) => e.action_id)).toContain('ticket:resolve');
    await expect.poll(dmTexts).toContain(en('ticket.reopened', { ref, agent: 'ualex' }));
  });

  it('a stale button (the card as first posted) refreshes the card in place and changes nothing', async () => {
    const status = cardText().split('\n')[1];
    const updates = calls('chat.update', HELPDESK).length;
    const dmBefore = calls('chat.postMessage', chat).length;
    await press('claim', postedCard);
    await expect
      .poll(() => calls('chat.update', HELPDESK).length, { message: 'the card is refreshed in place' })
      .toBeGreaterThan(updates);
    expect(cardText()).toContain(`reopened by ualex`);
    expect(cardText().split('\n')[1]).toBe(status);
    expect(calls('chat.postMessage', chat).length).toBe(dmBefore);
  });
});

describe('Slack journeys: pinned quick fixes', () => {
  const slash = (text: string, user: string) => P.slashCommand(text, api.responseUrl(`cmd-${user}`), user);
  const lastReply = () => readable(api.responses.at(-1)?.blocks ?? []) + (api.responses.at(-1)?.text ?? '');

  it('a pinned fix leads its family: the DNS fix comes before the "which cause?" question', async () => {
    await send(slash('pin server-unavailable-dns DNS change tonight --for 1h', 'UADMIN'));
    await expect.poll(() => calls('pins.add').length).toBe(1);
    const from = calls('chat.postMessage', 'C0HELP').length;
    await sendEvent(P.mention('Lync says the server is temporarily unavailable', 'UUSER7', 'C0HELP'));
    const [first] = await postedTo('C0HELP', from);
    expect(first).toContain(pack.text('server-unavailable-dns', 'en').title);
    expect(first).not.toContain(pack.text('server-unavailable', 'en').question!);
  });

  it('pins a topic named by a description of several words', async () => {
    const replies = api.responses.length;
    await send(slash('pin the certificate trust prompt --for 1m', 'UADMIN'));
    await expect.poll(() => api.responses.length).toBeGreaterThan(replies);
    expect(lastReply()).toContain(`Pinned "${pack.text('cert-trust-dialog', 'en').title}"`);
  });

  it('answers a question that starts with "PIN" from a non-admin, and records no refusal', async () => {
    const from = calls('chat.postMessage', 'C0HELP').length;
    await sendEvent(
      P.mention('PIN not accepted when I sign in to Lync on my desk phone', 'UUSER8', 'C0HELP'),
    );
    const answers = await postedTo('C0HELP', from);
    expect(answers.join('\n')).not.toContain(pack.message('pins.refused', 'en'));
    expect((await app.bot.pins.auditLog()).filter((a) => a.action === 'refused')).toEqual([]);
  });

  it('expires the pin by the clock: its post says so', async () => {
    now = new Date(now.getTime() + 2 * 60_000);
    await app.expirePins();
    expect(
      calls('chat.update')
        .map((c) => readable(c.args.blocks))
        .join('\n'),
    ).toContain(pack.message('pins.expired', 'en').split('{{')[0]!.trim());
  });
});
