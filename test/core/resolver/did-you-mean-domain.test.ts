/**
 * "Did you mean" is offered only for a message about this product's sign-in (issue 13): one
 * that names the product or signing in, quotes a topic's own saying nearly whole, or continues
 * a conversation about a topic. A message that only shares generic words with the topics (a
 * migration, a calendar, a printer, a VPN) gets "not something I know" or a look-alike's card.
 * These sentences are written for the tests; none comes from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { decide, type DecisionInput } from '../../../src/core/resolver/decide.js';
import { DomainWords } from '../../../src/core/resolver/domain.js';
import type { Ranked } from '../../../src/core/resolver/ranker.js';
import { DEFAULT_SETTINGS } from '../../../src/core/resolver/settings.js';
import { decisionInput, ranked } from '../../helpers/decision.js';
import { realPack, realResolver } from '../../helpers/pack.js';

const resolver = realResolver();
const reply = (text: string, topic: string | null = null) => resolver.resolve(text, { context: { topic } });

type Cases = Record<Lang, string[]>;
const each = (cases: Cases) => Object.entries(cases).flatMap(([lang, texts]) => texts.map((t) => [lang, t]));

describe('a message about something else gets no sign-in topics offered', () => {
  const cases: Cases = {
    en: ['the shared mailbox migration to exchange online has been stuck for a day'],
    ja: ['給与データの移行が二日間止まっている', 'Outlook の予定表を同僚に見せるにはどうする'],
    'zh-CN': ['Outlook日历怎么共享给同事'],
    'zh-TW': ['Outlook 行事曆怎麼分享給同事'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.suggestions).toEqual([]);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('did-you-mean');
  });
});

describe('thanks for a fix, said the British way, is small talk', () => {
  it.each(['cheers, sorted it!', 'that did the trick, thank you'])('%s', (text) => {
    expect(reply(text)).toMatchObject({ topic: null, suggestions: [], answer: { kind: 'smalltalk' } });
  });
});

describe('a VPN sign-in and a printer get their look-alike card', () => {
  const cases: Record<Lang, [string, string][]> = {
    en: [
      ['GlobalProtect says my VPN login failed again', 'vpn'],
      ['the printer on floor 2 is offline again', 'printer'],
    ],
    ja: [
      ['AnyConnect の VPN にログインできない', 'vpn'],
      ['プリンターがオフラインになってる', 'printer'],
    ],
    'zh-CN': [
      ['FortiClient VPN 登录失败', 'vpn'],
      ['打印机又卡纸了', 'printer'],
    ],
    'zh-TW': [
      ['AnyConnect VPN 一直登入失敗', 'vpn'],
      ['印表機又卡紙了', 'printer'],
    ],
  };
  const rows = Object.entries(cases).flatMap(([lang, list]) => list.map(([t, id]) => [lang, t, id]));
  it.each(rows)('%s: %s', (_, text, id) => {
    expect(reply(text!)).toMatchObject({ topic: null, suggestions: [], answer: { kind: 'near-miss', id } });
  });

  it('a Skype for Business sign-in described with the same generic words keeps its own answer', () => {
    for (const text of [
      'from home, Lync says authentication failed when I sign in',
      'Lync shows me offline and won’t sign in',
      'Skype for Business がオフラインのままサインインできない',
      'Skype for Business 一直显示脱机，登录不了',
      '在家商務用 Skype 登不進去，顯示驗證失敗',
    ])
      expect(reply(text).answer.kind, text).not.toBe('near-miss');
  });
});

describe('a vague question that names the product or signing in still gets "did you mean" or the triage question', () => {
  const cases: Cases = {
    en: ['lync sign in stopped working after the weekend'],
    ja: ['在宅だと Skype for Business にサインインできない'],
    'zh-CN': ['Lync 登录不太对劲，好像是上周开始的'],
    'zh-TW': ['登入一直不成功，好像改了什麼設定'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    const r = reply(text);
    // "Did you mean" with the likely causes, or triage's own question ("what do you see?"):
    // either way help, never "not something I know".
    if (r.answer.kind === 'fix') expect(r.topic).toBe('triage');
    else {
      expect(r.answer.kind).toBe('did-you-mean');
      expect(r.suggestions.length).toBeGreaterThan(0);
    }
  });
});

it("a name change is no longer vague: it is the personal certificate topic's clue (the sign-in address changed)", () => {
  expect(reply('lync sign in stopped working after my name changed').topic).toBe('personal-certificate');
});

describe('the domain, decided on the ranked topics', () => {
  const pack = realPack();
  const input = (topics: Ranked[], inDomain: boolean): DecisionInput =>
    decisionInput(topics, { ownProduct: () => false, inDomain: () => inDomain });
  const likely = [ranked('server-unavailable', 0.3, 0.2), ranked('collect-logs', 0.25, 0.2)];

  it('likely topics are offered only when the message is about the domain', () => {
    expect(decide(pack, DEFAULT_SETTINGS, input(likely, true))).toMatchObject({
      answer: { kind: 'did-you-mean' },
      suggestions: ['server-unavailable', 'collect-logs'],
    });
    expect(decide(pack, DEFAULT_SETTINGS, input(likely, false))).toEqual({
      topic: null,
      answer: { kind: 'unknown', id: null },
    });
  });

  it('a sure fix is withheld when the message is about another product', () => {
    const sure = [ranked('clock-skew', 0.9, 0.8)];
    expect(decide(pack, DEFAULT_SETTINGS, input(sure, false)).answer).toEqual({
      kind: 'fix',
      id: 'clock-skew',
    });
    const other = { ...input(sure, false), elsewhere: () => true };
    expect(decide(pack, DEFAULT_SETTINGS, other)).toEqual({
      topic: null,
      answer: { kind: 'unknown', id: null },
    });
  });

  it('a topic’s own saying quoted nearly whole is the domain’s evidence (a truncated error)', () => {
    const quoted = [ranked('user-not-sip-enabled', 0.3, 0.7), ranked('not-licensed', 0.25, 0.3)];
    expect(decide(pack, DEFAULT_SETTINGS, input(quoted, false)).answer.kind).toBe('did-you-mean');
  });

  it('two sure topics are asked about only inside the domain', () => {
    const two = [ranked('server-unavailable', 0.6, 0.5), ranked('collect-logs', 0.58, 0.5)];
    expect(decide(pack, DEFAULT_SETTINGS, input(two, true))).toMatchObject({
      answer: { kind: 'did-you-mean' },
      clarify: true,
    });
    expect(decide(pack, DEFAULT_SETTINGS, input(two, false)).answer.kind).toBe('unknown');
  });

  it('in a conversation about a topic, a short vague message still continues it', () => {
    expect(reply('and what else could it be?', 'clock-skew')).toMatchObject({
      topic: 'clock-skew',
      answer: { kind: 'follow-up', id: 'clock-skew' },
    });
  });
});

describe('domain words', () => {
  const words = new DomainWords(realPack(), realResolver().index.analyzer);
  it('are the product’s names and signing in, in every spelling and language', () => {
    for (const [text, lang] of [
      ['s4b keeps crashing', 'en'],
      ['I logged into the portal', 'en'],
      ['ログインが通らない', 'ja'],
      ['スカイプフォービジネスが落ちる', 'ja'],
      ['一直登不上', 'zh-CN'],
      ['商務用 Skype 當掉了', 'zh-TW'],
      ['還是登不進去', 'zh-TW'],
    ] as [string, Lang][])
      expect(words.says(text, lang), text).toBe(true);
  });

  it('are not the generic words the topics share with other products', () => {
    for (const [text, lang] of [
      ['authentication failed, password expired, printer offline', 'en'],
      ['認証に失敗しました、パスワードの期限切れ', 'ja'],
      ['认证失败，密码过期，脱机', 'zh-CN'],
      ['驗證失敗，密碼過期，離線', 'zh-TW'],
    ] as [string, Lang][])
      expect(words.says(text, lang), text).toBe(false);
  });
});
