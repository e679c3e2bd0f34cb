/**
 * One conversation per topic and language through Bot.handle, the entry point every adapter
 * uses: the steps and links shown, and where Yes and No lead.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Card, TopicCard } from '../../../src/core/cards/model.js';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { Conversation } from '../../helpers/conversation.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
const stepTopics = [...pack.topics.values()].filter((t) => t.kind === 'fix' || t.kind === 'escalate');

function expectTopicCard(
  card: Card,
  topic: string,
  stage: number,
  lang: (typeof LANGUAGES)[number],
): TopicCard {
  expect(card.kind).toBe('topic');
  const c = card as TopicCard;
  const structure = pack.topic(topic);
  const text = pack.text(topic, lang);
  expect(c.topic).toBe(topic);
  expect(c.lang).toBe(lang);
  expect(c.stage.steps).toEqual(text.stages[structure.stages[stage]!]!.steps);
  expect(c.links.map((l) => l.url)).toEqual(structure.links.map((l) => l.urls?.[lang] ?? l.url));
  expect(c.links.map((l) => l.label)).toEqual(structure.links.map((l) => text.links[l.id]));
  expect(c.choices.map((x) => x.payload.action)).toEqual(['fixed', 'fixed']);
  return c;
}

describe.each(LANGUAGES)('in %s', (lang) => {
  describe.each(stepTopics.map((t) => t.id))('%s', (id) => {
    it('shows each stage with its steps and links; No moves on, then to the next likely cause', async () => {
      const chat = new Conversation(`${id}-${lang}-no`);
      await chat.say(pack.text(id, lang).title);
      const structure = pack.topic(id);
      for (let stage = 0; stage < structure.stages.length; stage++) {
        expectTopicCard(chat.card, id, stage, lang);
        await chat.click({ action: 'fixed', value: 'no' });
      }
      const next = structure.next[0];
      if (next) {
        expect(chat.card.kind).toMatch(/topic|question/);
        if (chat.card.kind === 'topic') expect(chat.card.topic).toBe(next);
        expect(chat.card.note).toContain(pack.text(next, lang).title);
      } else {
        // After the last cause: the hand-over, then the form the helpdesk needs.
        expect(chat.last[0]).toMatchObject({ kind: 'notice', title: pack.message('escalation.title', lang) });
        expect(chat.card).toMatchObject({ kind: 'form', lang });
      }
    });

    it('closes kindly on Yes and records that the stage fixed it', async () => {
      const chat = new Conversation(`${id}-${lang}-yes`);
      await chat.say(pack.text(id, lang).title);
      await chat.click({ action: 'fixed', value: 'yes' });
      expect(chat.card).toMatchObject({ kind: 'notice', title: pack.message('closing.title', lang), lang });
      expect(await chat.bot.feedback.list()).toEqual([
        expect.objectContaining({ topic: id, stage: pack.topic(id).stages[0], fixed: true, lang }),
      ]);
    });
  });

  it('asks which cause applies to "server temporarily unavailable", and follows the button', async () => {
    const chat = new Conversation(`clarify-${lang}`);
    await chat.say(pack.text('server-unavailable', lang).errors[0]!);
    expect(chat.card).toMatchObject({ kind: 'question', lang });
    expect(chat.card.choices.map((c) => c.label)).toEqual(
      Object.values(pack.text('server-unavailable', lang).options!),
    );
    await chat.click({ action: 'option', value: 'adfs-sso' });
    expectTopicCard(chat.card, 'server-unavailable-adfs', 0, lang);
  });

  it('walks both causes when the user is not sure', async () => {
    const chat = new Conversation(`not-sure-${lang}`);
    await chat.say(pack.text('server-unavailable', lang).errors[0]!);
    await chat.click({ action: 'option', value: 'not-sure' });
    expectTopicCard(chat.card, 'server-unavailable-dns', 0, lang);
    await chat.click({ action: 'fixed', value: 'no' });
    expectTopicCard(chat.card, 'server-unavailable-adfs', 0, lang);
    await chat.click({ action: 'fixed', value: 'no' });
    // Then the DNS topic's own next likely cause, before the hand-over.
    expectTopicCard(chat.card, pack.topic('server-unavailable-dns').next[0]!, 0, lang);
  });

  it('accepts a typed answer to the clarifying question', async () => {
    const chat = new Conversation(`clarify-typed-${lang}`);
    await chat.say(pack.text('server-unavailable', lang).errors[0]!);
    await chat.say(pack.text('server-unavailable', lang).options!['custom-domain']!);
    expectTopicCard(chat.card, 'server-unavailable-dns', 0, lang);
  });

  it('starts triage on a plain "cannot sign in", offering the error messages in the user language', async () => {
    const chat = new Conversation(`triage-${lang}`);
    await chat.say(pack.text('triage', lang).title);
    expect(chat.card).toMatchObject({ kind: 'triage', lang });
    const labels = chat.card.choices.map((c) => c.label);
    for (const id of pack.topic('triage').triage!.errors)
      expect(labels).toContain(pack.text(id, lang).errors[0]);
    expect(labels).toContain(pack.text('triage', lang).noErrorOption);
    await chat.click({ action: 'topic', value: 'signin-address-not-found' });
    expectTopicCard(chat.card, 'signin-address-not-found', 0, lang);
  });

  it('goes through the common causes when triage has no error message, and takes typed errors', async () => {
    const chat = new Conversation(`triage-none-${lang}`);
    await chat.say(pack.text('triage', lang).title);
    await chat.click({ action: 'option', value: 'none' });
    expectTopicCard(chat.card, pack.topic('triage').triage!.common[0]!, 0, lang);

    const typed = new Conversation(`triage-typed-${lang}`);
    await typed.say(pack.text('triage', lang).title);
    await typed.say(pack.text('user-not-sip-enabled', lang).errors[0]!);
    expectTopicCard(typed.card, 'user-not-sip-enabled', 0, lang);
  });

  it('restarts on a new question asked mid-flow', async () => {
    const chat = new Conversation(`new-question-${lang}`);
    await chat.say(pack.text('personal-certificate', lang).title);
    await chat.say(pack.text('clock-skew', lang).title);
    expectTopicCard(chat.card, 'clock-skew', 0, lang);
  });

  it('cancels, starts over, gives help, and hands over to a person on request', async () => {
    const chat = new Conversation(`commands-${lang}`);
    const commands = pack.commands(lang);
    await chat.say(pack.text('personal-certificate', lang).title);
    await chat.say(commands.cancel[0]!);
    expect(chat.card).toMatchObject({ kind: 'notice', text: pack.message('cancelled', lang) });
    await chat.say(commands.yes[0]!); // nothing is pending any more: not an answer
    expect(chat.card.kind).not.toBe('notice');

    await chat.say(commands.help[0]!);
    expect(chat.card).toMatchObject({ kind: 'help', lang });
    await chat.say(commands.restart[0]!);
    expect(chat.last.map((c) => c.kind)).toEqual(['notice', 'triage']);

    await chat.say(pack.text('clock-skew', lang).title);
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.say(commands.person[0]!);
    const [handover] = chat.last;
    expect(handover).toMatchObject({ kind: 'notice', title: pack.message('escalation.title', lang) });
    if (handover?.kind === 'notice')
      expect(handover.list?.join('\n')).toContain(pack.text('clock-skew', lang).title);
    expect(chat.card).toMatchObject({ kind: 'form', current: 0 });
  });
});

describe('language', () => {
  it('switches language mid-flow and shows the same step again in the new language', async () => {
    const chat = new Conversation('switch');
    await chat.say(pack.text('personal-certificate', 'en').title);
    await chat.click({ action: 'fixed', value: 'no' });
    for (const [typed, lang] of [
      ['日本語で', 'ja'],
      ['用中文', 'zh-CN'],
      ['用繁體中文', 'zh-TW'],
      ['in English', 'en'],
    ] as const) {
      await chat.say(typed);
      expect(chat.last[0]).toMatchObject({ kind: 'notice', text: pack.message('language', lang) });
      expectTopicCard(chat.card, 'personal-certificate', 1, lang);
    }
  });

  it('answers in the language the user writes in, and uses the platform locale for buttons', async () => {
    const chat = new Conversation('locale', {}, 'ja-JP');
    await chat.press({ action: 'topic', value: 'clock-skew' });
    expect(chat.card.lang).toBe('ja');
    await chat.say('I forgot my password');
    expect(chat.card.lang).toBe('en');
    await chat.say('2');
    expect(chat.card.lang).toBe('en');
  });
});

describe('answers and buttons', () => {
  it('takes a typed number or a typed button label as a button press', async () => {
    const chat = new Conversation('typed');
    await chat.say('Sign-in address not found');
    await chat.say('1');
    expect(chat.card).toMatchObject({ kind: 'notice', title: pack.message('closing.title', 'en') });

    const other = new Conversation('typed-label');
    await other.say('Server is temporarily unavailable');
    await other.say('not sure');
    expectTopicCard(other.card, 'server-unavailable-dns', 0, 'en');

    const third = new Conversation('typed-label-2');
    await third.say('Server is temporarily unavailable');
    const resolve = vi.spyOn(third.bot.resolver, 'resolve');
    await third.say('single sign-on with adfs');
    expect(third.card).toMatchObject({ kind: 'topic', topic: 'server-unavailable-adfs' });
    expect(resolve).not.toHaveBeenCalled();
    resolve.mockRestore(); // the resolver is shared by the tests
  });

  it('takes a typed button label in a conversation saved before states kept the labels', async () => {
    const chat = new Conversation('typed-label-old-state');
    await chat.say('Server is temporarily unavailable');
    const saved = await chat.bot.states.get('typed-label-old-state');
    expect(saved!.value.labels).toHaveLength(saved!.value.choices.length);
    delete saved!.value.labels;
    await chat.bot.states.put('typed-label-old-state', saved!.value, saved!.version);
    const resolve = vi.spyOn(chat.bot.resolver, 'resolve');
    await chat.say('single sign-on with adfs');
    expect(chat.card).toMatchObject({ kind: 'topic', topic: 'server-unavailable-adfs' });
    expect(resolve).not.toHaveBeenCalled(); // a button press, not a new question
    resolve.mockRestore();
  });

  it('refuses an old button after the conversation moved on, and shows where it is', async () => {
    const chat = new Conversation('stale');
    await chat.say(pack.text('personal-certificate', 'en').title);
    const old = chat.card.choices.find((c) => c.payload.value === 'yes')!.payload;
    await chat.click({ action: 'fixed', value: 'no' });
    await chat.press(old);
    expect(chat.last[0]).toMatchObject({ kind: 'notice', text: pack.message('stale', 'en') });
    expectTopicCard(chat.card, 'personal-certificate', 1, 'en');
    expect(await chat.bot.feedback.list()).toEqual([]);
  });

  it('says a message is too long instead of guessing', async () => {
    const chat = new Conversation('long');
    await chat.say('x'.repeat(5000));
    expect(chat.card).toMatchObject({
      kind: 'notice',
      text: pack.message('tooLong', 'en', { length: 5000, limit: 4000 }),
    });
  });

  it('offers the closest topics and a person when it does not know', async () => {
    const chat = new Conversation('unknown');
    await chat.say('the coffee machine on floor three is leaking again');
    expect(chat.card.kind).toBe('notFound');
    if (chat.card.kind === 'notFound')
      expect(chat.card.userText).toBe('the coffee machine on floor three is leaking again');
    expect(chat.card.choices.at(-1)?.payload.action).toBe('escalate');
  });

  it('offers a choice when two different topics fit equally, and a pick starts its dialog', async () => {
    const chat = new Conversation('ambiguous');
    await chat.say('users cannot sign in since we changed something');
    expect(chat.card.kind).toBe('notFound');
    const topics = chat.card.choices.filter((c) => c.payload.action === 'topic');
    expect(topics.length).toBeGreaterThanOrEqual(2);
    await chat.press(topics[1]!.payload);
    expect(chat.card).toMatchObject({ kind: 'topic', topic: topics[1]!.payload.value });
  });
});
