/**
 * "Can't sign in" is what almost everyone says (issue 13). A specific cause said beside it is the
 * answer; "can't sign in" said with nothing specific is the triage question, whichever topic also
 * lists those everyday words; and a neighbour's card (a Windows password, a phone's clock) does
 * not take a message that names this product and no other product or device on the words it
 * shares with the topics. Below the threshold, a lead well ahead of every other topic is
 * answered unless a neighbour's card fits nearly as well. These sentences are written for the tests; none comes from an
 * evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { decide, type DecisionInput } from '../../../src/core/resolver/decide.js';
import type { Ranked } from '../../../src/core/resolver/ranker.js';
import { DEFAULT_SETTINGS } from '../../../src/core/resolver/settings.js';
import { decisionInput, ranked } from '../../helpers/decision.js';
import { realPack, realResolver } from '../../helpers/pack.js';

const resolver = realResolver();

describe('a cause said beside "cannot sign in" is the answer, not a question', () => {
  const cases: [Lang, string, string][] = [
    [
      'en',
      "the time shown at the bottom of my screen is way ahead and Lync won't let me sign in",
      'clock-skew',
    ],
    ['ja', '画面の時計が20分ずれていて、Skype for Business にサインインできない', 'clock-skew'],
    ['zh-CN', '电脑右下角的时间比实际快了二十分钟，Skype for Business 登录不上', 'clock-skew'],
    ['zh-TW', '電腦右下角的時間快了半小時，商務用 Skype 一直登入失敗', 'clock-skew'],
    ['zh-CN', 'sfb 登录有问题，改名以后就这样', 'personal-certificate'],
  ];
  it.each(cases)('%s: %s', (_, text, topic) => {
    const r = resolver.resolve(text);
    expect(r.answer).toEqual({ kind: 'fix', id: topic });
  });
});

describe('"cannot sign in" with nothing specific gets the triage question', () => {
  const cases: [Lang, string][] = [
    ['en', "lync won't sign me in, please help"],
    ['ja', 'Skype for Business にサインインできません、助けて'],
    ['zh-TW', '商務用 Skype 登入不了，救命'],
  ];
  it.each(cases)('%s: %s', (_, text) => {
    expect(resolver.resolve(text).answer).toEqual({ kind: 'fix', id: 'triage' });
  });
});

describe('below the threshold, a clear lead is answered', () => {
  const pack = realPack();
  const input = (topics: Ranked[], others: Ranked[] = []): DecisionInput =>
    decisionInput(topics, { others, otherEvidence: () => 3 });

  it('"can\'t sign in" close behind the cause does not make it a question', () => {
    const topics = [
      ranked('clock-skew', 0.3, 0.25),
      ranked('triage', 0.26, 0.22),
      ranked('collect-logs', 0.15, 0.1),
    ];
    expect(decide(pack, DEFAULT_SETTINGS, input(topics)).answer).toEqual({ kind: 'fix', id: 'clock-skew' });
  });

  it('a neighbour well behind the lead does not hold it back; one close to it does', () => {
    const topics = [ranked('clock-skew', 0.3, 0.25), ranked('collect-logs', 0.15, 0.1)];
    const behind = decide(pack, DEFAULT_SETTINGS, input(topics, [ranked('phone-clock', 0.2, 0.2)]));
    expect(behind.answer).toEqual({ kind: 'fix', id: 'clock-skew' });
    const close = decide(pack, DEFAULT_SETTINGS, input(topics, [ranked('phone-clock', 0.27, 0.2)]));
    expect(close.answer.kind).not.toBe('fix');
  });
});

describe("a follow-up about the step the fix asked for stays with the conversation's topic", () => {
  const cases: [Lang, string, string][] = [
    [
      'en',
      "the new starter can't sign in to Lync, I think she was never given a licence",
      'gave her the licence now, still cannot get in, how long should I wait?',
    ],
    [
      'ja',
      '新人が Skype for Business にサインインできない。ライセンスが付いていないのかも',
      'ライセンスを付けたけど、まだ入れない。どのくらい待てばいい？',
    ],
    [
      'zh-CN',
      '新同事登录不了 Skype for Business，可能没分配许可证',
      '许可证已经分配了，还是登不上，要等多久？',
    ],
    ['zh-TW', '新同事登不進商務用 Skype，可能沒有指派授權', '授權剛剛指派好了，還是進不去，要等多久？'],
  ];
  it.each(cases)('%s: %s / %s', (_, first, then) => {
    const topic = resolver.resolve(first).topic;
    expect(topic).toBe('not-licensed');
    expect(resolver.resolve(then, { context: { topic } }).answer).toEqual({
      kind: 'follow-up',
      id: 'not-licensed',
    });
  });
});

describe('a greeting beside "anyone there?" in a conversation is the person waiting, not small talk', () => {
  const cases: [Lang, string][] = [
    ['en', 'hello?? is anybody there'],
    ['zh-CN', '你好？有人吗'],
  ];
  it.each(cases)('%s: %s', (_, text) => {
    expect(resolver.resolve(text, { context: { topic: 'forgotten-password' } }).answer).toEqual({
      kind: 'follow-up',
      id: 'forgotten-password',
    });
    // With no conversation, it is a greeting.
    expect(resolver.resolve(text).answer.kind).toBe('smalltalk');
  });
});

describe('"did you mean" for two tied topics also offers the one whose own saying fits best', () => {
  it('a topic a little behind on the whole text, with the best saying, is among the suggestions', () => {
    const pack = realPack();
    const topics = [
      ranked('signin-address-not-found', 0.79, 0.3),
      ranked('cert-trust-dialog', 0.76, 0.19),
      ranked('clock-skew', 0.69, 0.64),
    ];
    const d = decide(pack, DEFAULT_SETTINGS, decisionInput(topics));
    expect(d.answer.kind).toBe('did-you-mean');
    expect(d.suggestions).toContain('clock-skew');
  });
});

/**
 * A neighbour's card below the answer threshold that outscores the best topic on one incidental
 * word ("...before my 2pm meeting") does not silence a message that names this product and no
 * other: it is offered the likely topics. One that does not name this product is not.
 */
describe("a neighbour's card below the threshold and a message about this product", () => {
  const pack = realPack();
  const topics = [ranked('forgotten-password', 0.26, 0.25), ranked('collect-logs', 0.2, 0.18)];
  const others = [ranked('teams-meetings', 0.29, 0.35)];

  it('offers the likely topics when the message names this product and no other', () => {
    const d = decide(
      pack,
      DEFAULT_SETTINGS,
      decisionInput(topics, { others, otherEvidence: () => 3, saysMore: () => false }),
    );
    expect(d).toMatchObject({ topic: null, answer: { kind: 'did-you-mean' } });
    expect(d.suggestions?.[0]).toBe('forgotten-password');
  });

  it('offers nothing when the message does not name this product', () => {
    const d = decide(
      pack,
      DEFAULT_SETTINGS,
      decisionInput(topics, {
        others,
        saysMore: () => false,
        ownProduct: () => false,
        namesProduct: () => false,
      }),
    );
    expect(d).toMatchObject({ topic: null, answer: { kind: 'unknown' } });
  });

  it('offers nothing when the best topic is only faintly likely', () => {
    const faint = [ranked('user-not-sip-enabled', 0.16, 0.15)];
    const d = decide(
      pack,
      DEFAULT_SETTINGS,
      decisionInput(faint, { others, otherEvidence: () => 3, saysMore: () => false }),
    );
    expect(d.answer.kind).toBe('unknown');
  });
});

describe('an error message quoted beside "back to the sign-in screen" is that error, not the walk-through', () => {
  it.each([
    ['en', 'it says server is temporarily unavail... and then drops me back to the sign in screen'],
    ['ja', 'サーバーが一時的に利用でき…と出て、サインイン画面に戻されます'],
    ['zh-CN', '提示服务器暂时不可用… 然后又跳回登录界面'],
    ['zh-TW', '顯示伺服器暫時無法使用…然後又跳回登入畫面'],
  ])('%s: %s', (_, text) => {
    expect(resolver.resolve(text).topic).toBe('server-unavailable');
  });
});
