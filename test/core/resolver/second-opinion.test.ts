/**
 * How the learned reading checks the ranker (second-opinion.ts): its rules
 * with a stand-in reading, then the real pack's reading of stories in every language.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgePack, Resolver } from '../../../src/core/index.js';
import type { Decision } from '../../../src/core/resolver/decide.js';
import type { Ranked } from '../../../src/core/resolver/ranker.js';
import { secondOpinion } from '../../../src/core/resolver/second-opinion.js';
import { DEFAULT_SETTINGS } from '../../../src/core/resolver/settings.js';

const pack = loadKnowledgePack();
const resolver = new Resolver(pack);
const ranked = (topic: string, quoted = 0): Ranked => ({ topic, score: 0.4, raw: 0.4, named: 0.4, quoted });
const fix = (topic: string): Decision => ({ topic, answer: { kind: 'fix', id: topic } });
const dym = (...suggestions: string[]): Decision => ({
  topic: null,
  answer: { kind: 'did-you-mean', id: null },
  suggestions,
});
const related = (a: string, b: string) => resolver['clarifications'].related(a, b);
const opinion = (decision: Decision, topics: Ranked[], choice?: { topic: string; margin: number }) =>
  secondOpinion(pack, DEFAULT_SETTINGS, { decision, topics, choose: () => choice, related });

describe('second opinion: the rules', () => {
  const topics = ['triage', 'personal-certificate', 'mistyped-credentials', 'clock-skew'].map((t) =>
    ranked(t),
  );

  it("offers the topic the whole message points to first, beside the ranker's own choices", () => {
    const d = opinion(dym('triage', 'personal-certificate', 'mistyped-credentials'), topics, {
      topic: 'clock-skew',
      margin: 1,
    });
    expect(d.suggestions).toEqual(['clock-skew', 'triage', 'personal-certificate', 'mistyped-credentials']);
  });

  it('leaves "did you mean" alone when its choice is already offered', () => {
    const d = dym('clock-skew', 'triage');
    expect(opinion(d, topics, { topic: 'clock-skew', margin: 9 })).toBe(d);
  });

  it('turns a fix the message clearly points away from into "did you mean" with both', () => {
    const d = opinion(fix('personal-certificate'), topics, {
      topic: 'clock-skew',
      margin: DEFAULT_SETTINGS.meaningMargin,
    });
    expect(d).toEqual(dym('personal-certificate', 'clock-skew'));
  });

  it('keeps the fix when the reading prefers another topic only slightly', () => {
    const d = fix('personal-certificate');
    expect(opinion(d, topics, { topic: 'clock-skew', margin: DEFAULT_SETTINGS.meaningMargin / 2 })).toBe(d);
  });

  it("keeps a fix that quotes the topic's own error message", () => {
    const d = fix('personal-certificate');
    const quoted = [ranked('personal-certificate', DEFAULT_SETTINGS.threshold), ranked('clock-skew')];
    expect(opinion(d, quoted, { topic: 'clock-skew', margin: 50 })).toBe(d);
  });

  it('never overrules a clarifying question, or a topic with its own option', () => {
    const clarifying = [ranked('server-unavailable'), ranked('server-unavailable-dns')];
    for (const d of [{ ...fix('server-unavailable'), clarify: true }, fix('server-unavailable-dns')])
      expect(opinion(d, clarifying, { topic: 'server-unavailable', margin: 50 })).toBe(d);
    expect(opinion(fix('clock-skew'), topics, { topic: 'triage', margin: 50 })).toEqual(fix('clock-skew'));
  });

  it('offers the cause a message leans towards beside the walk-through, when the ranker found it too', () => {
    expect(opinion(fix('triage'), topics, { topic: 'clock-skew', margin: 50 })).toEqual(
      dym('clock-skew', 'triage'),
    );
    const far = [ranked('triage'), { ...ranked('clock-skew'), score: 0.1 }];
    expect(opinion(fix('triage'), far, { topic: 'clock-skew', margin: 50 })).toEqual(fix('triage'));
    expect(opinion(fix('triage'), topics, { topic: 'clock-skew', margin: 1 })).toEqual(fix('triage'));
  });

  it('never turns "not something I know", a redirect or small talk into anything else', () => {
    for (const d of [
      { topic: null, answer: { kind: 'unknown', id: null } },
      { topic: null, answer: { kind: 'near-miss', id: 'windows-password' } },
      { topic: null, answer: { kind: 'smalltalk', id: 'thanks' } },
    ] as Decision[])
      expect(opinion(d, topics, { topic: 'clock-skew', margin: 50 })).toBe(d);
  });
});

describe('the second opinion on real messages', () => {
  it('a story whose best sayings tie offers the cause every sentence leans towards (zh-CN)', () => {
    const r = resolver.resolve(
      '周二机房断了一次电，恢复以后值班室那几台电脑日期都乱了，有一台显示的还是去年。现在交班要用商务版Skype，所有人都登不上。这是一回事吗？',
    );
    expect(r.answer.kind).toBe('did-you-mean');
    expect(r.suggestions[0]).toBe('clock-skew');
  });

  it('"can\'t sign in" said strongly beside a licence question offers the licence first (zh-CN)', () => {
    const r = resolver.resolve('商务版Skype是不是要有许可证才能登录？我新来的，一直登不进去');
    expect(r.answer.kind).toBe('did-you-mean');
    expect(r.suggestions).toEqual(['not-licensed', 'triage']);
  });

  it('does not second-guess a conversation: a short follow-up keeps its topic', () => {
    const r = resolver.resolve('still the same', { context: { topic: 'clock-skew' } });
    expect(r.topic).toBe('clock-skew');
  });
});
