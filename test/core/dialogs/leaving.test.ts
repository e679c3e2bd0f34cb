/**
 * Getting out of the escalation form and of a flow, through Bot.handle: a new question, help,
 * cancel and "a person" typed while the form is open, and what cancel forgets.
 */
import { describe, expect, it } from 'vitest';
import type { Card, FormCard, NoticeCard } from '../../../src/core/cards/model.js';
import { Helpdesk } from '../../../src/core/helpdesk/service.js';
import { MemoryOutbox, MemoryTicketStore } from '../../../src/core/helpdesk/memory.js';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { Conversation } from '../../helpers/conversation.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();

function setup(id: string) {
  const tickets = new MemoryTicketStore(new MemoryOutbox());
  const helpdesk = new Helpdesk({ tickets, uploads: pack.escalation.uploads, channels: [] });
  return { chat: new Conversation(`${id}-${Math.random()}`, { helpdesk }), tickets };
}

/** Answers the form's fields one at a time; the domain is optional. */
async function fillForm(chat: Conversation, domain = 'skip') {
  await chat.say('1');
  await chat.say('Windows 11');
  await chat.say('The server is temporarily unavailable');
  await chat.say('since this morning');
  await chat.say('1');
  await chat.say(domain);
}

const kinds = (cards: Card[]) => cards.map((c) => c.kind);

describe.each(LANGUAGES)('the escalation form in %s', (lang) => {
  const commands = pack.commands(lang);

  it('leaves the form for a new question typed instead of an answer, and answers it', async () => {
    const { chat } = setup(`form-question-${lang}`);
    await chat.say(commands.person[0]!);
    expect(chat.card).toMatchObject({ kind: 'form', current: 0 });
    await chat.say(pack.text('clock-skew', lang).title);
    expect(chat.last[0]).toMatchObject({ kind: 'notice', text: pack.message('form.left', lang) });
    expect(chat.card).toMatchObject({ kind: 'topic', topic: 'clock-skew', lang });
    // The form is closed: "no" now answers the topic card, it is not a form answer.
    await chat.say(commands.no[0]!);
    expect(chat.card.kind).not.toBe('form');
  });

  it('stays in the form, saying so, when the user asks for a person again', async () => {
    const { chat } = setup(`form-person-${lang}`);
    await chat.say(commands.person[0]!);
    await chat.say('1');
    await chat.say(commands.person[0]!);
    expect(chat.last).toHaveLength(1);
    expect(chat.card).toMatchObject({
      kind: 'form',
      current: 1,
      problem: pack.message('form.alreadyEscalating', lang),
    });
  });

  it('leaves the form on help, and takes the next message as a question', async () => {
    const { chat } = setup(`form-help-${lang}`);
    await chat.say(commands.person[0]!);
    await chat.say(commands.help[0]!);
    expect(chat.card).toMatchObject({ kind: 'help', lang });
    await chat.say(pack.text('personal-certificate', lang).title);
    expect(kinds(chat.last)).toEqual(['topic']);
  });

  it('leaves the form on cancel', async () => {
    const { chat } = setup(`form-cancel-${lang}`);
    await chat.say(commands.person[0]!);
    await chat.say(commands.cancel[0]!);
    expect(chat.card).toMatchObject({ kind: 'notice', text: pack.message('cancelled', lang) });
    await chat.say(pack.text('clock-skew', lang).title);
    expect(kinds(chat.last)).toEqual(['topic']);
  });
});

describe('answers that look like questions', () => {
  it('takes a question typed as the exact error as that answer, and a domain as the domain', async () => {
    const { chat, tickets } = setup('form-answers');
    await chat.say('talk to a person');
    await chat.say('1');
    await chat.say('Windows 11');
    await chat.say('Lync says user is not SIP enabled');
    expect(chat.card).toMatchObject({ kind: 'form', current: 3 });
    await chat.say('since this morning');
    await chat.say('1');
    await chat.say('contoso.com'); // the resolver alone would take it for mistyped credentials
    expect((await tickets.get('SI-1001'))?.form).toMatchObject({
      error: 'Lync says user is not SIP enabled',
      domain: 'contoso.com',
    });
  });

  it('leaves at a later field too, and keeps asking when an answer is only not valid', async () => {
    const { chat } = setup('form-later');
    await chat.say('talk to a person');
    await chat.say('Netscape'); // no choice and no question: the field is asked again
    expect(chat.card).toMatchObject({
      kind: 'form',
      current: 0,
      problem: pack.message('form.invalid', 'en', { field: pack.message('form.fields.client.label', 'en') }),
    });
    await chat.say("I can't sign in"); // the problem being escalated, not a new one
    expect(chat.card).toMatchObject({ kind: 'form', current: 0 });
    await chat.say('1');
    await chat.say('Windows 11');
    await chat.say('Cannot sign in');
    await chat.say('Actually Lync now says user is not SIP enabled');
    expect(chat.card).toMatchObject({ kind: 'topic', topic: 'user-not-sip-enabled' });
  });
});

describe('cancel', () => {
  it('forgets what was tried: the next hand-over lists only the new question, with its topic', async () => {
    const { chat, tickets } = setup('cancel-attempts');
    await chat.say(pack.text('personal-certificate', 'en').title);
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.say('cancel');
    await chat.say(pack.text('cert-trust-dialog', 'en').title);
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.say('talk to a person');
    const handover = chat.last[0] as NoticeCard;
    expect(handover.list).toHaveLength(1);
    expect(handover.list!.join('\n')).toContain(pack.text('cert-trust-dialog', 'en').title);
    expect(handover.list!.join('\n')).not.toContain(pack.text('personal-certificate', 'en').title);
    await fillForm(chat);
    const ticket = (await tickets.get('SI-1001'))!;
    expect(ticket.topic).toBe('cert-trust-dialog');
    expect(ticket.attempts.map((a) => a.topic)).toEqual(['cert-trust-dialog']);
  });

  it('leaves no topic behind: a hand-over after cancel, or after a filed ticket, has none', async () => {
    const { chat, tickets } = setup('cancel-topic');
    await chat.say(pack.text('personal-certificate', 'en').title);
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.say('cancel');
    await chat.say('talk to a person');
    expect((chat.last[0] as NoticeCard).list).toEqual([pack.message('escalation.nothingTried', 'en')]);
    await fillForm(chat);
    expect((await tickets.get('SI-1001'))!.topic).toBeNull();

    await chat.say(pack.text('clock-skew', 'en').title);
    await chat.click({ action: 'fixed', value: 'yes' });
    await chat.say('talk to a person');
    await fillForm(chat);
    expect((await tickets.get('SI-1002'))!.topic).toBe('clock-skew');
    await chat.say('talk to a person'); // the upload step of SI-1002: its topic stays with it
    await fillForm(chat);
    expect((await tickets.get('SI-1003'))!.topic).toBeNull();
  });
});

describe('a card sent back with nothing chosen', () => {
  it('asks again and says what is missing, in the user language', async () => {
    for (const lang of LANGUAGES) {
      const chat = new Conversation(`empty-submit-${lang}`);
      await chat.say(pack.commands(lang).restart[0]!);
      expect(chat.card.kind).toBe('triage');
      const out = await chat.bot.handle({ conversation: chat.id, locale: null });
      expect(out.cards).toHaveLength(1);
      expect(out.cards[0]).toMatchObject({ kind: 'triage', note: pack.message('nothingChosen', lang) });
      const form = (await chat.say(pack.commands(lang).person[0]!)).at(-1) as FormCard;
      expect(form.kind).toBe('form');
    }
  });
});
