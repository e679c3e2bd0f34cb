/** What the bot records about each question, through Bot.handle as an adapter calls it. */
import { describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { MemoryOutcomeStore } from '../../../src/core/storage/memory-outcomes.js';
import { MemoryStateStore } from '../../../src/core/storage/memory.js';
import { CachedStateStore } from '../../../src/core/storage/cached.js';
import type { ConversationState } from '../../../src/core/dialogs/state.js';
import { realPack, realResolver } from '../../helpers/pack.js';

const pack = realPack();
const AT = '2026-11-22T00:00:00.000Z';

function setup() {
  const outcomes = new MemoryOutcomeStore();
  const bot = new Bot({ pack, resolver: realResolver(), outcomes, now: () => new Date(AT) });
  const as = (conversation: string, extra: { channel?: string } = {}) => ({
    say: (text: string) =>
      bot.handle({
        conversation,
        text,
        platform: 'slack',
        user: { id: `U-${conversation}`, name: 'Ann Example' },
        ...extra,
      }),
    press: (action: string, value: string) =>
      bot.handle({
        conversation,
        action: { action, value } as never,
        platform: 'slack',
        user: { id: `U-${conversation}`, name: 'Ann Example' },
        ...extra,
      }),
  });
  return { bot, outcomes, as };
}

describe('outcome recording', () => {
  it('records a question fixed at its second stage: decision, stages tried, where it was fixed', async () => {
    const { outcomes, as } = setup();
    const ann = as('c1');
    await ann.say(pack.text('personal-certificate', 'en').title);
    await ann.say('no');
    await ann.say('yes');
    const [o] = await outcomes.list();
    expect(o).toMatchObject({
      conversation: 'c1',
      userId: 'U-c1',
      platform: 'slack',
      chat: 'personal',
      lang: 'en',
      decision: 'fix',
      topic: 'personal-certificate',
      end: 'fixed',
      endedAt: AT,
      fixed: { topic: 'personal-certificate', stage: 'update-credentials', index: 2 },
      tried: [
        { topic: 'personal-certificate', stage: 'delete-signin-info', fixed: false },
        { topic: 'personal-certificate', stage: 'update-credentials', fixed: true },
      ],
    });
    expect(o!.confidence).toBeGreaterThan(0.5);
    expect(JSON.stringify(o)).not.toContain('Ann Example');
  });

  it('keeps an unanswered question with its password redacted, and knows a channel from a personal chat', async () => {
    const { outcomes, as } = setup();
    const desk = as('c2', { channel: 'C-SUPPORT' });
    await desk.say('lync sign in is odd today, account pw: Hunter2024!');
    await desk.say('where is the cafeteria');
    const [suggested, unknown] = await outcomes.list();
    expect(suggested).toMatchObject({ decision: 'did-you-mean', end: 'unanswered', chat: 'channel' });
    expect(suggested!.text).toBe('lync sign in is odd today, account pw: [redacted]');
    expect(unknown).toMatchObject({ decision: 'unknown', end: 'unanswered', topic: null, endedAt: AT });
  });

  it('records the suggestion a user picks as evidence, and follows the picked topic to its end', async () => {
    const { outcomes, as } = setup();
    const ann = as('c3');
    const { cards } = await ann.say('dns');
    const offered = cards.at(-1)!.choices.map((c) => c.payload.value);
    expect(offered.length).toBeGreaterThan(1);
    await ann.press('topic', offered[1]!);
    let [o] = await outcomes.list();
    expect(o).toMatchObject({
      decision: 'did-you-mean',
      suggestions: offered.filter((v) => v !== 'person'),
      picked: offered[1],
      end: null,
    });
    await ann.say('yes');
    [o] = await outcomes.list();
    expect(o).toMatchObject({ end: 'fixed', fixed: { topic: offered[1], index: 1 } });
  });

  it('records a suggestion picked by typing its label, with the question as asked, password redacted', async () => {
    const { outcomes, as } = setup();
    const ann = as('c7');
    const { cards } = await ann.say('dns trouble signing in, my password is Hunter2024!');
    const offered = cards.at(-1)!.choices.filter((c) => c.payload.action === 'topic');
    expect(offered.length).toBeGreaterThan(1);
    await ann.say(offered[1]!.label);
    const [o] = await outcomes.list();
    expect(o).toMatchObject({ decision: 'did-you-mean', picked: offered[1]!.payload.value, end: null });
    expect(o!.text).toBe('dns trouble signing in, my password is [redacted]');
  });

  it('records a hand-over with its ticket and where it came from', async () => {
    const { outcomes, as } = setup();
    const ann = as('c4');
    await ann.say(pack.text('clock-skew', 'en').title);
    await ann.say('no'); // the last stage: on to collect-logs
    await ann.say(pack.commands('en').person[0]!);
    let [o] = await outcomes.list();
    expect(o).toMatchObject({
      end: null,
      escalation: { topic: 'collect-logs', reason: 'asked', ticket: null },
    });
    for (const answer of ['2', 'Windows 10', 'it says no', 'since Monday', '2', pack.commands('en').skip[0]!])
      await ann.say(answer);
    [o] = await outcomes.list();
    expect(o).toMatchObject({ decision: 'fix', topic: 'clock-skew', end: 'escalated' });
    expect(o!.escalation).toEqual({
      topic: 'collect-logs',
      stage: null, // it left collect-logs before answering a stage of it
      reason: 'asked',
      ticket: 'SI-1001',
    });
  });

  it('ends a question as cancelled, and as abandoned when a new question starts', async () => {
    const { outcomes, as } = setup();
    const ann = as('c5');
    await ann.say(pack.text('clock-skew', 'en').title);
    await ann.say(pack.text('personal-certificate', 'en').title);
    await ann.say(pack.commands('en').cancel[0]!);
    expect((await outcomes.list()).map((o) => [o.topic, o.end])).toEqual([
      ['clock-skew', 'abandoned'],
      ['personal-certificate', 'cancelled'],
    ]);
  });

  it('records a topic reached by a button, without a question, as direct', async () => {
    const { outcomes, as } = setup();
    const ann = as('c6');
    await ann.press('topic', 'clock-skew');
    await ann.say('yes');
    expect(await outcomes.list()).toMatchObject([
      { decision: 'direct', topic: 'clock-skew', text: '', end: 'fixed', fixed: { index: 1 } },
    ]);
  });
});

describe('outcome recording by two processes', () => {
  it('records each message once and in full when a conversation moves between processes', async () => {
    // One state store and one outcome store shared, each process with its own caches in front.
    const states = new MemoryStateStore<ConversationState>();
    const outcomes = new MemoryOutcomeStore();
    const process = () =>
      new Bot({
        pack,
        resolver: realResolver(),
        outcomes,
        states: new CachedStateStore(states),
        now: () => new Date(AT),
      });
    const [a, b] = [process(), process()];
    const say = (bot: Bot, text: string) =>
      bot.handle({ conversation: 'c9', text, platform: 'slack', user: { id: 'U-c9' } });
    await say(a, pack.text('personal-certificate', 'en').title);
    await say(b, 'no'); // the other process: a's latest outcome is stale now
    await say(a, 'yes');
    const [o, ...more] = await outcomes.list();
    expect(more).toEqual([]);
    expect(o).toMatchObject({
      end: 'fixed',
      tried: [
        { topic: 'personal-certificate', stage: 'delete-signin-info', fixed: false },
        { topic: 'personal-certificate', stage: 'update-credentials', fixed: true },
      ],
    });
  });
});
