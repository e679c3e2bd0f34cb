/**
 * "Can't sign in" is what almost everyone says (issue 13). A specific cause said beside it is the
 * answer; "can't sign in" said with nothing specific is the triage question, whichever topic also
 * lists those everyday words; and a neighbour's card (a Windows password, a phone's clock) does
 * not take a message that names this product and no other product or device on the words it
 * shares with the topics. These sentences are written for the tests; none comes from an
 * evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { realResolver } from '../../helpers/pack.js';

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
