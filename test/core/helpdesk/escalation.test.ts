/** The hand-over to the helpdesk through Bot.handle: form, ticket, files, and the helpdesk's actions. */
import { describe, expect, it, vi } from 'vitest';
import type { IncomingFile } from '../../../src/core/bot.js';
import type { Card } from '../../../src/core/cards/model.js';
import { FileTooLargeError } from '../../../src/core/errors.js';
import { Helpdesk } from '../../../src/core/helpdesk/service.js';
import { MemoryOutbox, MemoryTicketStore } from '../../../src/core/helpdesk/memory.js';
import { OutboxWorker } from '../../../src/core/helpdesk/worker.js';
import { Conversation } from '../../helpers/conversation.js';
import { cardTokenOf, DESK, pressTicket } from '../../helpers/helpdesk.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();

function setup(channels: ('slack' | 'teams')[] = ['slack']) {
  const outbox = new MemoryOutbox();
  const tickets = new MemoryTicketStore(outbox);
  const helpdesk = new Helpdesk({
    tickets,
    outbox: undefined as never,
    uploads: pack.escalation.uploads,
    channels,
    desks: { slack: DESK.channel },
    now: () => new Date('2026-11-22T04:00:00Z'),
  } as never);
  const chat = new Conversation(`esc-${Math.random()}`, { helpdesk });
  return { outbox, tickets, helpdesk, chat };
}

const file = (name: string, content: string | Buffer) => ({
  name,
  contentType: 'text/plain',
  download: async () => Buffer.from(content),
});
const texts = (cards: Card[]) => JSON.stringify(cards);

async function fillForm(chat: Conversation, lang: 'en' | 'ja' = 'en') {
  await chat.say(pack.commands(lang).person[0]!);
  expect(chat.card).toMatchObject({ kind: 'form', current: 0 });
  await chat.say('2'); // client: Skype for Business 2016
  await chat.say('Windows 10'); // os, by label
  // The exact error, with a pasted password (in the conversation's language).
  await chat.say(
    lang === 'ja'
      ? 'サインイン アドレスが見つかりません パスワード: Hunter2024!'
      : 'Sign-in address not found, password: Hunter2024!',
  );
  expect(texts(chat.last)).toContain(pack.message('password.refused', lang));
  await chat.say('since Monday morning');
  await chat.say('2'); // affected: some people (by number, in any language)
  await chat.say(pack.commands(lang).skip[0]!); // the domain is optional
}

/** Tries the first stage of personal-certificate, says No, and files the ticket (SI-1001). */
async function fileTicketAfterOneStage(chat: Conversation) {
  await chat.say(pack.text('personal-certificate', 'en').title);
  await chat.click({ action: 'fixed', value: 'no' });
  await fillForm(chat);
}

describe('escalation', () => {
  it('asks the form one field at a time in text, then opens a ticket with everything the helpdesk needs', async () => {
    const { chat, tickets } = setup();
    await fileTicketAfterOneStage(chat);
    const [created] = chat.last;
    expect(created).toMatchObject({
      kind: 'notice',
      title: pack.message('ticket.created.title', 'en', { ref: 'SI-1001' }),
    });
    // The terminal cannot take files or show the helpdesk's reply: its last step says so.
    if (created?.kind === 'notice')
      expect(created.list).toEqual([
        ...(pack.i18n.t('logs.steps', {
          lng: 'en',
          ns: 'common',
          returnObjects: true,
        }) as unknown as string[]),
        pack.message('logs.sendTerminal', 'en', { ref: 'SI-1001' }),
      ]);

    const ticket = (await tickets.get('SI-1001'))!;
    expect(ticket.form).toEqual({
      client: 'sfb2016',
      os: 'windows10',
      error: 'Sign-in address not found, password: [redacted]',
      since: 'since Monday morning',
      affected: 'some',
      domain: '',
    });
    expect(ticket.attempts).toEqual([
      { topic: 'personal-certificate', stage: 'delete-signin-info', fixed: false },
    ]);
    expect(ticket.topic).toBe('personal-certificate');
    expect(JSON.stringify(ticket)).not.toContain('Hunter2024');
  });

  it('insists on required answers and valid choices', async () => {
    const { chat } = setup();
    await chat.say('talk to a person');
    await chat.say('skip');
    expect(chat.card).toMatchObject({
      kind: 'form',
      current: 0,
      problem: pack.message('form.required', 'en', { field: pack.message('form.fields.client.label', 'en') }),
    });
    await chat.say('Netscape');
    expect(chat.card).toMatchObject({
      kind: 'form',
      current: 0,
      problem: expect.stringContaining(pack.message('form.fields.client.label', 'en')),
    });
  });

  it('takes the whole form at once from a card, and refuses a choice that is not offered', async () => {
    const { chat, tickets } = setup();
    await chat.say('talk to a person');
    const token = (chat.card as any).token;
    await chat.press({
      action: 'form',
      value: 'escalation',
      token,
      fields: { client: 'lync2013', os: 'amiga', error: 'x', since: 'today', affected: 'me' },
    });
    expect(chat.card).toMatchObject({ kind: 'form', current: 1 });
    await chat.press({
      action: 'form',
      value: 'escalation',
      token: (chat.card as any).token,
      fields: {
        client: 'lync2013',
        os: 'windows7',
        error: 'User is not SIP enabled',
        since: 'today',
        affected: 'me',
        domain: 'contoso.com',
      },
    });
    expect((await tickets.get('SI-1001'))!.form).toMatchObject({
      client: 'lync2013',
      os: 'windows7',
      domain: 'contoso.com',
    });
  });

  it('files a submitted form once, however often it is delivered, and tells the same number each time', async () => {
    const { chat, tickets, outbox } = setup();
    await chat.say('talk to a person');
    const submit = {
      action: 'form' as const,
      value: 'escalation',
      token: (chat.card as any).token,
      fields: { client: 'lync2013', os: 'windows7', error: 'SIP', since: 'today', affected: 'me' },
    };
    const first = await chat.bot.handle({ conversation: chat.id, action: submit });
    expect(first.filed?.ref).toBe('SI-1001');
    expect(first.cards).toContain(first.filed!.card);
    // Delivered again after it was filed (the platform did not see it acknowledged): the same
    // ticket, told in the same card, rather than a second ticket or "this button is old".
    const again = await chat.bot.handle({ conversation: chat.id, action: submit });
    expect(again.filed?.ref).toBe('SI-1001');
    expect(again.cards).toEqual([first.filed!.card]);
    expect(await tickets.list()).toHaveLength(1);
    expect(await outbox.pending()).toBe(1); // one helpdesk card to post
    expect((await chat.bot.states.get(chat.id))!.value.flow?.awaiting).toBe('upload');
  });

  it('takes files for the ticket within the limits, with a checksum, and says when it is done', async () => {
    const { chat, tickets } = setup();
    const send = async (files: ReturnType<typeof file>[]) => {
      const out = await chat.bot.handle({ conversation: chat.id, files });
      chat.last = out.cards;
      return out.cards;
    };
    expect((await send([file('a.log', 'x')]))[0]).toMatchObject({
      text: pack.message('ticket.noTicket', 'en'),
    });
    await fillForm(chat);
    const accepted = await send([
      file('Lync-UccApi-0.UccApilog', 'trace'),
      file('events.evtx', 'evtx'),
      file('setup.exe', 'MZ'),
    ]);
    expect(accepted.map((c) => (c as any).text)).toEqual([
      pack.message('ticket.fileReceived', 'en', {
        name: 'Lync-UccApi-0.UccApilog',
        size: '1 KB',
        ref: 'SI-1001',
      }),
      pack.message('ticket.fileReceived', 'en', { name: 'events.evtx', size: '1 KB', ref: 'SI-1001' }),
      expect.stringContaining('setup.exe'),
    ]);
    const big = Buffer.alloc(pack.escalation.uploads.maxBytes + 1);
    expect(texts(await send([file('huge.zip', big)]))).toContain('huge.zip');
    const ticket = (await tickets.get('SI-1001'))!;
    expect(ticket.files.map((f) => f.name)).toEqual(['Lync-UccApi-0.UccApilog', 'events.evtx']);
    expect(ticket.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await tickets.fileContent('SI-1001', ticket.files[0]!.sha256))!.toString()).toBe('trace');
    await chat.say('done');
    expect(chat.card).toMatchObject({
      text: pack.message('ticket.uploadsDone', 'en', { ref: 'SI-1001', count: 2 }),
    });
  });

  it('says so when a file is already on the ticket, and stops a download at the limit', async () => {
    const { chat, tickets } = setup();
    await fillForm(chat);
    const send = async (files: IncomingFile[]) =>
      (await chat.bot.handle({ conversation: chat.id, files })).cards.map((c) => (c as any).text);
    await send([file('trace.log', 'same bytes')]);
    const again = await send([file('copy.log', 'same bytes')]);
    expect(again).toEqual([
      pack.message('ticket.fileRejected', 'en', {
        name: 'copy.log',
        reason: pack.message('ticket.reasons.duplicate', 'en'),
      }),
    ]);
    // A platform that announces no size: the download itself stops at the limit.
    const limits: number[] = [];
    const endless: IncomingFile = {
      name: 'huge.log',
      contentType: 'text/plain',
      download: async (maxBytes) => {
        limits.push(maxBytes);
        throw new FileTooLargeError(maxBytes);
      },
    };
    expect(await send([endless])).toEqual([
      pack.message('ticket.fileRejected', 'en', {
        name: 'huge.log',
        reason: pack.message('ticket.reasons.tooBig', 'en', { max: '25 MB' }),
      }),
    ]);
    expect(limits).toEqual([pack.escalation.uploads.maxBytes]);
    expect((await tickets.get('SI-1001'))!.files.map((f) => f.name)).toEqual(['trace.log']);
  });

  it('lets the helpdesk claim, ask, get the answer back, resolve and reopen, telling the user each time', async () => {
    const { chat, tickets, outbox, helpdesk } = setup();
    await fillForm(chat, 'ja');
    const sent: { kind: string; payload: any }[] = [];
    const worker = new OutboxWorker(outbox, {
      'helpdesk.post': async (p) => void sent.push({ kind: 'post', payload: p }),
      'helpdesk.update': async (p) => void sent.push({ kind: 'update', payload: p }),
      'user.notify': async (p) => void sent.push({ kind: 'notify', payload: p }),
    });
    await worker.drain();
    expect(sent).toEqual([{ kind: 'post', payload: { ref: 'SI-1001' } }]);

    // Sam's card still shows the ticket before Alex claimed it.
    const samsCard = await cardTokenOf(tickets, 'SI-1001', 'claim');
    expect(await pressTicket(chat.bot, tickets, 'SI-1001', 'claim')).toMatchObject({ ok: true });
    expect(
      await chat.bot.helpdeskAction({
        ref: 'SI-1001',
        op: 'claim',
        origin: { ...DESK, user: 'U-SAM', name: 'Sam' },
        token: samsCard,
      }),
    ).toMatchObject({ ok: false, reason: 'stale' });
    await pressTicket(chat.bot, tickets, 'SI-1001', 'logs');
    await pressTicket(chat.bot, tickets, 'SI-1001', 'ask', { text: 'Which domain do you sign in with?' });
    await chat.say('contoso.co.jp です。パスワードは Secret99 です');
    expect(texts(chat.last)).toContain(pack.message('ticket.answerRelayed', 'ja', { ref: 'SI-1001' }));
    await pressTicket(chat.bot, tickets, 'SI-1001', 'resolve', { text: 'Added the CNAME record' });
    await pressTicket(chat.bot, tickets, 'SI-1001', 'reopen');
    await worker.drain();

    const notes = sent.filter((s) => s.kind === 'notify').map((s) => s.payload.key);
    expect(notes).toEqual([
      'ticket.claimed',
      'ticket.logsRequested',
      'ticket.asked',
      'ticket.resolved',
      'ticket.reopened',
    ]);
    // Every change, and the stale click, brought the card up to date in place.
    expect(sent.filter((s) => s.kind === 'update').length).toBeGreaterThanOrEqual(6);
    const ticket = (await tickets.get('SI-1001'))!;
    expect(ticket.history.map((e) => e.kind)).toEqual([
      'created',
      'claimed',
      'logs',
      'asked',
      'answered',
      'resolved',
      'reopened',
    ]);
    expect(ticket.history[4]!.detail).toContain('[redacted]');
    expect(JSON.stringify(ticket)).not.toContain('Secret99');
    expect(ticket).toMatchObject({ status: 'claimed', claimedBy: 'Alex' });
    const token = await cardTokenOf(tickets, 'SI-1001', 'resolve');
    expect(await helpdesk.act('SI-1001', 'reopen', DESK, '', token)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('what was tried', () => {
  it('goes with the ticket; a later problem starts a list of its own', async () => {
    const { chat, tickets } = setup();
    await fileTicketAfterOneStage(chat);
    const ticket = (await tickets.get('SI-1001'))!;
    expect(ticket.attempts.map((a) => a.topic)).toEqual(['personal-certificate']);
    expect((await chat.bot.states.get(chat.id))!.value.attempts).toEqual([]);

    await chat.say(pack.text('clock-skew', 'en').title);
    await chat.click({ action: 'fixed', value: 'no' });
    expect((await chat.bot.states.get(chat.id))!.value.attempts.map((a) => a.topic)).toEqual(['clock-skew']);
  });

  it('keeps the latest twenty tries in a conversation that goes on for years', async () => {
    const { chat } = setup();
    for (let i = 0; i < 25; i++) {
      await chat.say(pack.text('clock-skew', 'en').title);
      await chat.click({ action: 'fixed', value: 'yes' });
    }
    const { attempts } = (await chat.bot.states.get(chat.id))!.value;
    expect(attempts).toHaveLength(20);
    expect(attempts.every((a) => a.topic === 'clock-skew' && a.fixed)).toBe(true);
  });
});

describe('answers the helpdesk waits for', () => {
  it('looks tickets up only for a conversation that filed one, or whose state predates knowing it', async () => {
    const { chat, helpdesk, tickets } = setup();
    const lookups = vi.spyOn(helpdesk, 'openTicket');
    await chat.say(pack.text('personal-certificate', 'en').title);
    await chat.say('still not working after the restart');
    expect(lookups).not.toHaveBeenCalled();

    await fillForm(chat);
    expect((await chat.bot.states.get(chat.id))!.value.ticketed).toBe(true);
    await pressTicket(chat.bot, tickets, 'SI-1001', 'ask', { text: 'Which domain?' });
    await chat.say('contoso.com');
    expect(texts(chat.last)).toContain(pack.message('ticket.answerRelayed', 'en', { ref: 'SI-1001' }));

    // A state saved before states said whether a ticket was filed: looked up, and relayed.
    const saved = (await chat.bot.states.get(chat.id))!;
    delete saved.value.ticketed;
    await chat.bot.states.put(chat.id, saved.value, saved.version);
    await pressTicket(chat.bot, tickets, 'SI-1001', 'ask', { text: 'Since when?' });
    lookups.mockClear();
    await chat.say('since Monday');
    expect(lookups).toHaveBeenCalled();
    expect(texts(chat.last)).toContain(pack.message('ticket.answerRelayed', 'en', { ref: 'SI-1001' }));
  });
});

describe('notifications', () => {
  it('sends the user the log steps when the helpdesk asks for logs, in their language', async () => {
    const { outboxHandlers } = await import('../../../src/core/helpdesk/channel.js');
    const { CardBuilder } = await import('../../../src/core/cards/build.js');
    const { chat, tickets } = setup();
    await fillForm(chat, 'ja');
    await pressTicket(chat.bot, tickets, 'SI-1001', 'logs');
    const received: Card[][] = [];
    const handlers = outboxHandlers({
      tickets,
      channels: [],
      notifiers: [{ platform: 'terminal', notify: async (_address, cards) => void received.push(cards) }],
      cards: new CardBuilder(pack),
      helpdeskLang: 'en',
    });
    await handlers['user.notify']!({
      ref: 'SI-1001',
      key: 'ticket.logsRequested',
      values: { ref: 'SI-1001' },
    });
    const [card] = received[0]!;
    expect(card).toMatchObject({
      kind: 'notice',
      lang: 'ja',
      text: pack.message('ticket.logsRequested', 'ja', { ref: 'SI-1001' }),
    });
    expect((card as any).list).toEqual([
      ...(pack.i18n.t('logs.steps', { lng: 'ja', ns: 'common', returnObjects: true }) as unknown as string[]),
      pack.message('logs.sendTerminal', 'ja', { ref: 'SI-1001' }),
    ]);
  });
});

describe('passwords in answers to the helpdesk', () => {
  it('removes a secret sent on its own right after the helpdesk asks, and tells the user', async () => {
    const { chat, tickets } = setup();
    await fillForm(chat);
    await pressTicket(chat.bot, tickets, 'SI-1001', 'ask', { text: 'What did you type?' });
    await chat.say('Hunter#2024');
    expect(texts(chat.last)).toContain(pack.message('password.refused', 'en'));
    await pressTicket(chat.bot, tickets, 'SI-1001', 'ask', { text: 'Which password did you try?' });
    await chat.say('I typed Xk9#mQ2vL twice');
    const answers = (await tickets.get('SI-1001'))!.history.filter((e) => e.kind === 'answered');
    expect(answers.map((e) => e.detail)).toEqual(['[redacted]', 'I typed [redacted] twice']);
    expect(JSON.stringify(await tickets.get('SI-1001'))).not.toMatch(/Hunter#2024|Xk9#mQ2vL/);
  });
});
