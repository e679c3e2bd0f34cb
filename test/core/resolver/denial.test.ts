/**
 * A cause the person says they do not have is no evidence for it (issue 13): "Server is
 * temporarily unavailable" with "no ADFS, no custom domain" is the clarifying topic (which cause?),
 * not the DNS fix; a cause said plainly still picks its option, and a missing record is still
 * DNS evidence. The denial cues are content (`negation` in locales/<lang>/lexicon.json). These
 * sentences are written for the tests; none comes from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import { Denials } from '../../../src/core/resolver/negation.js';

const resolver = realResolver();

describe('a denied cause does not pick the option', () => {
  const cases: [Lang, string][] = [
    [
      'en',
      "SfB says the server is temporarily unavailable. We don't use ADFS and have no custom domain, everything is on onmicrosoft",
    ],
    [
      'ja',
      'Skype for Business がサーバーは一時的に利用できませんと出ます。ADFS は使っていないし、独自ドメインも使っていない',
    ],
    ['zh-CN', 'Skype for Business 提示服务器暂时不可用，我们没用ADFS，也没有自定义域名'],
    ['zh-TW', '商務用 Skype 說伺服器暫時無法使用，我們沒有 ADFS，也沒有自訂網域'],
  ];
  it.each(cases)('%s: %s', (_, text) => {
    const r = resolver.resolve(text);
    expect(r.answer).toEqual({ kind: 'fix', id: 'server-unavailable' });
    expect(r.clarify).toBe(true);
  });
});

describe('a cause said plainly, or a record said missing, still picks its option', () => {
  const cases: [Lang, string, string][] = [
    [
      'en',
      'SfB says the server is temporarily unavailable, we use ADFS with a self-signed certificate',
      'server-unavailable-adfs',
    ],
    [
      'en',
      "SfB says server temporarily unavailable, there is no SRV record for sip in our custom domain's DNS",
      'server-unavailable-dns',
    ],
  ];
  it.each(cases)('%s: %s', (_, text, topic) => {
    expect(resolver.resolve(text).answer).toEqual({ kind: 'fix', id: topic });
  });
});

describe('denial cues reach the words next to them', () => {
  const denials = new Denials(realPack());
  const read = (text: string, lang: Lang) => realResolver().index.analyzer.terms(text, lang);
  it('"no" denies the few words after it, up to the end of the clause', () => {
    const denied = denials.terms('no ADFS here, the custom domain is fine', 'en', read);
    expect(denied.has('adf')).toBe(true);
    expect(denied.has('custom')).toBe(false);
  });
  it('"no" inside another word is no cue', () => {
    expect(denials.terms('I know ADFS well', 'en', read).size).toBe(0);
  });
  it('a Japanese cue denies the words before it', () => {
    expect(denials.terms('ADFS は使っていない', 'ja', read).has('adf')).toBe(true);
  });
});
