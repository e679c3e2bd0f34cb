/**
 * The learned reading (meaning.ts): a naive Bayes model over the pack's own documents, built
 * with the index, choosing among the topics it is given.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgePack, Resolver } from '../../../src/core/index.js';

const pack = loadKnowledgePack();
const resolver = new Resolver(pack);

describe('the learned reading of the real pack', () => {
  const choose = (text: string, among?: string[]) => {
    const lang = resolver.resolve(text).lang;
    const weights = resolver['scorer'].weigh(text, lang).weights;
    return resolver['meaning'].choose(weights, among ?? [...pack.topics.keys()]);
  };

  it.each([
    [
      'en',
      "We added our own domain to Office 365 yesterday and changed the DNS at the registrar this morning. Some people can get into Skype for Business and some can't. Should we just give it a day?",
      'dns-propagation',
    ],
    [
      'ja',
      '昨日、独自ドメインを追加してDNSも変えてもらいました。Skype for Businessに入れる人と入れない人がいます。少し待てば直りますか？',
      'dns-propagation',
    ],
    [
      'zh-CN',
      '周二机房断了一次电，恢复以后值班室那几台电脑日期都乱了，有一台显示的还是去年。现在交班要用商务版Skype，所有人都登不上。这是一回事吗？',
      'clock-skew',
    ],
    [
      'zh-TW',
      '上禮拜廠區跳電，之後好幾台電腦的時間都跑掉了，接著大家都說商務用 Skype 登不進去。兩件事有關嗎？',
      'clock-skew',
    ],
  ])('%s: weighs every word of a story: %s', (_lang, text, topic) => {
    expect(choose(text)?.topic).toBe(topic);
  });

  it('chooses only among the topics it is given, and not from one', () => {
    const text = '周二机房断了一次电，恢复以后值班室那几台电脑日期都乱了。现在大家用Lync都登录不了';
    expect(choose(text, ['triage', 'not-licensed'])?.topic).toMatch(/triage|not-licensed/);
    expect(choose(text, ['clock-skew'])).toBeUndefined();
    expect(choose(text, ['clock-skew', 'no-such-topic'])).toBeUndefined();
  });
});
