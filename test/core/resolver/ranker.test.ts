/**
 * The order of topics whose scores were capped at the sentence cap: a long message whose
 * sentences each point somewhere gets "did you mean" with the best few topics, and which few
 * (and in which order) must depend on how well each fits the message, not on their names.
 */
import { describe, expect, it } from 'vitest';
import { byScore, type Ranked } from '../../../src/core/resolver/ranker.js';

const capped = (topic: string, part: number): Ranked => ({
  topic,
  score: 0.349,
  raw: 0.349,
  named: 0.3,
  part,
});

describe('byScore', () => {
  it('orders by the uncapped score first', () => {
    const a: Ranked = { topic: 'a', score: 0.5, raw: 0.5, named: 0.4 };
    const b: Ranked = { topic: 'b', score: 0.6, raw: 0.6, named: 0.1 };
    expect([a, b].sort(byScore).map((c) => c.topic)).toEqual(['b', 'a']);
  });

  it('tells topics tied at the sentence cap apart by how well each fits the whole message', () => {
    const sorted = [capped('alpha', 0.12), capped('zulu', 0.31), capped('mike', 0.2)].sort(byScore);
    expect(sorted.map((c) => c.topic)).toEqual(['zulu', 'mike', 'alpha']);
  });

  it('falls back to the id only when everything else is equal, so the answer never varies', () => {
    const sorted = [capped('b', 0.2), capped('a', 0.2)].sort(byScore);
    expect(sorted.map((c) => c.topic)).toEqual(['a', 'b']);
  });
});

describe('a sentence counts for a topic it names', () => {
  it("no topic reaches the sentence cap on its steps' words alone", async () => {
    const { realResolver } = await import('../../helpers/pack.js');
    const resolver = realResolver();
    const text =
      '今天分院接了好几台急诊手术，刚忙完想在Skype上跟其他分院说一下调拨的事，结果登不上，显示服务器暂时不可用。等了一个小时再试还是一样，旁边同事也是。请问这是什么情况？';
    const ranked = resolver.rankMessage(text, 'zh-CN');
    const fromSentences = ranked.filter((c) => c.part !== undefined);
    expect(fromSentences.length).toBeGreaterThan(0);
    for (const c of fromSentences)
      expect(c.named, c.topic).toBeGreaterThanOrEqual(resolver.settings.namedFloor);
    expect(ranked.slice(0, 3).map((c) => c.topic)).toContain('server-unavailable');
  });
});
