import { RESOLUTION_FIELDS } from '../../../src/core/resolver/types.js';
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessageTooLongError } from '../../../src/core/errors.js';
import { Resolver } from '../../../src/core/resolver/resolver.js';
import { realPack, realResolver } from '../../helpers/pack.js';

const resolver = realResolver();
const topic = (text: string, locale?: string) => resolver.resolve(text, locale ? { locale } : {}).topic;

describe('error messages pasted into noisy text', () => {
  it('finds the error inside other words, quotes, mentions, emoji and links', () => {
    expect(
      topic(
        '<at>SignInBot</at> morning all, three users get "Sign-in address not found" 😩 https://intranet.example/ticket/42',
      ),
    ).toBe('signin-address-not-found');
    expect(
      topic(
        '<@U0LAN0Z89> client popped up: “the authentication service may be incompatible with this version of the program”',
      ),
    ).toBe('wrong-version');
  });

  it('survives line breaks and typos inside the pasted error', () => {
    expect(
      topic('got this:\nThere was a problem aquiring a personal\ncertificate that is required to sign in'),
    ).toBe('personal-certificate');
    expect(topic('Sign-in adress not foud')).toBe('signin-address-not-found');
  });

  it('lets a verbatim error win over loose word overlap with other topics', () => {
    // "password" and "sign in" also point at the credentials topics; the pasted error decides.
    const result = resolver.resolve('after a password change: User is not SIP enabled, when signing in');
    expect(result.topic).toBe('user-not-sip-enabled');
  });

  it('matches the client error in every language', () => {
    expect(topic('「サインインに必要な個人証明書を取得するときに問題が発生しました」と出ます')).toBe(
      'personal-certificate',
    );
    expect(topic('一直提示：找不到登录地址')).toBe('signin-address-not-found');
    expect(topic('跳出「驗證服務可能與這一版的程式不相容」')).toBe('wrong-version');
  });

  it('matches Traditional text against Simplified knowledge and the other way round', () => {
    expect(topic('用戶未啟用 SIP')).toBe('user-not-sip-enabled');
    expect(topic('使用者未启用 SIP')).toBe('user-not-sip-enabled');
  });

  it('reads full-width text', () => {
    expect(topic('Ｕｓｅｒ ｉｓ ｎｏｔ ＳＩＰ ｅｎａｂｌｅｄ')).toBe('user-not-sip-enabled');
  });
});

describe("the error told in the user's own words", () => {
  it('hears "cannot find" as the client\'s "not found", without taking every "find" for it', () => {
    expect(topic('Lync keeps saying it cannot find my sign-in address')).toBe('signin-address-not-found');
    expect(topic("it couldn't find my certificate")).toBe('personal-certificate');
  });

  it('does not count greetings and "since yesterday" against the question', () => {
    expect(topic('こんにちは。昨日から Skype にサインインできません')).toBe('triage');
    expect(topic('早上好，昨天开始登录不了 Skype')).toBe('triage');
    expect(topic('早安，昨天開始 Skype 就登入不了')).toBe('triage');
  });

  it('hears 使えない as the 利用できません of the Japanese error', () => {
    expect(topic('サインインしようとするとサーバーが使えないと出ます')).toBe('server-unavailable');
  });
});

describe('thresholds', () => {
  it('says it does not know rather than offering a wrong fix', () => {
    for (const text of [
      'where is the coffee machine',
      'Excel keeps crashing when I open a big file',
      '打印机没墨了',
      '今日の天気は？',
    ]) {
      const r = resolver.resolve(text);
      expect(r.topic, text).toBeNull();
      expect(r.clarify).toBe(false);
    }
  });

  it('still reports the closest candidates when it does not know', () => {
    const r = resolver.resolve('my password for the payroll site');
    expect(r.topic).toBeNull();
    expect(r.candidates[0]?.topic).toMatch(/password|credentials/);
  });

  it('moves with the threshold settings (the answer band and the clear-lead band below it)', () => {
    const strict = new Resolver(realPack(), resolver.index, { threshold: 0.99, leadFloor: 0.99 });
    expect(strict.resolve('my PC clock seems wrong and now sign-in fails').topic).toBeNull();
    expect(resolver.resolve('my PC clock seems wrong and now sign-in fails').topic).toBe('clock-skew');
  });

  it('answers an empty or noise-only message with no topic', () => {
    expect(resolver.resolve('').topic).toBeNull();
    expect(resolver.resolve('<at>Bot</at> 👍 https://example.com').topic).toBeNull();
  });
});

describe('clarifying', () => {
  it('asks when one error message has two causes and nothing else is said', () => {
    for (const text of [
      'Server is temporarily unavailable',
      'サーバーが一時的に利用できません',
      '服务器暂时不可用',
      '伺服器暫時無法使用',
    ]) {
      const r = resolver.resolve(text);
      expect(r.topic, text).toBe('server-unavailable');
      expect(r.clarify).toBe(true);
    }
  });

  it('picks the cause directly when the rest of the message names it', () => {
    expect(topic('Server is temporarily unavailable. We federate with ADFS for single sign-on')).toBe(
      'server-unavailable-adfs',
    );
    expect(topic('server temporarily unavailable on our custom domain, is a CNAME missing?')).toBe(
      'server-unavailable-dns',
    );
  });

  it('asks when two unrelated topics fit about equally, instead of picking one', () => {
    const r = resolver.resolve('users cannot sign in since we changed something');
    expect(r).toMatchObject({ topic: null, answer: { kind: 'did-you-mean', id: null } });
    expect(r.suggestions).toEqual(r.candidates.slice(0, r.suggestions.length).map((c) => c.topic));
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
  });

  it('starts the guided triage for a plain "cannot sign in"', () => {
    for (const text of [
      "I can't sign in to Lync",
      'Skype for Business にサインインできません',
      '商务版 Skype 登录不了',
      '商務用 Skype 登入不了',
    ]) {
      expect(topic(text), text).toBe('triage');
    }
  });
});

describe('language', () => {
  it('follows the language of the text, then the platform locale', () => {
    expect(resolver.resolve('パスワードを忘れてしまいました', { locale: 'en-US' }).lang).toBe('ja');
    expect(resolver.resolve('msoidsvc.exe', { locale: 'zh-TW' }).lang).toBe('zh-TW');
    expect(resolver.resolve('msoidsvc.exe').lang).toBe('en');
    expect(resolver.resolve('忘記密碼怎麼辦').lang).toBe('zh-TW');
  });
});

describe('the result', () => {
  it('has the documented shape, candidates best first, scores between 0 and 1', () => {
    const r = resolver.resolve('TrustModelData GPO');
    expect(Object.keys(r)).toEqual(RESOLUTION_FIELDS);
    expect(r.topic).toBe('cert-trust-dialog');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    const scores = r.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.candidates[0]!.topic).toBe(r.topic);
  });

  it('refuses a message longer than it reads, with a coded error', () => {
    const long = 'x'.repeat(resolver.settings.maxLength + 1);
    expect(() => resolver.resolve(long)).toThrow(MessageTooLongError);
    try {
      resolver.resolve(long);
    } catch (e) {
      expect((e as MessageTooLongError).code).toBe(ErrorCode.MessageTooLong);
    }
  });
});
