/**
 * The first reply to messages as people write them in a helpdesk channel, family by family and
 * language by language (issue 13). These sentences are written for the tests; none comes from
 * an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { realResolver } from '../../helpers/pack.js';

const resolver = realResolver();
const reply = (text: string, topic: string | null = null) => resolver.resolve(text, { context: { topic } });

type Cases = Record<Lang, [string, string][]>;

describe('chatty messages with background are scored by the sentence that names the problem', () => {
  const cases: Cases = {
    en: [
      [
        "Morning all. Rough week, we moved offices on Monday and half the team is still unpacking. Anyway, Skype for Business on Dana's laptop now says the sign-in address was not found. Any idea?",
        'signin-address-not-found',
      ],
    ],
    ja: [
      [
        'お疲れさまです。今週は引っ越しでバタバタしていて、やっと落ち着いたところです。ところで、経理の端末で Skype for Business を開くと、サインイン アドレスが見つかりませんと表示されます。',
        'signin-address-not-found',
      ],
    ],
    'zh-CN': [
      [
        '大家好，这周刚搬完办公室，很多东西还没弄好。财务那边有台电脑打开 Skype for Business 提示找不到登录地址，怎么办？',
        'signin-address-not-found',
      ],
    ],
    'zh-TW': [
      [
        '大家好，這週剛搬完辦公室，很多東西還沒弄好。財務那邊有台電腦打開商務用 Skype 顯示找不到登入位址，怎麼辦？',
        'signin-address-not-found',
      ],
    ],
  };
  it.each(Object.entries(cases).flatMap(([lang, c]) => c.map(([t, topic]) => [lang, t, topic])))(
    '%s: %s',
    (_, text, topic) => {
      expect(reply(text)).toMatchObject({ topic, answer: { kind: 'fix', id: topic } });
    },
  );
});

describe('a problem described instead of named', () => {
  const cases: Cases = {
    en: [
      ['the clock on that PC drifted and now Lync refuses to sign in', 'clock-skew'],
      ['we reassigned licences last week and two people lost Skype for Business', 'not-licensed'],
    ],
    ja: [
      ['PCの時計がずれていてLyncにサインインできない', 'clock-skew'],
      ['ライセンスを付け替えたらSkype for Businessに入れなくなった人がいる', 'not-licensed'],
    ],
    'zh-CN': [
      ['电脑时间不对 lync登不上', 'clock-skew'],
      ['调整许可证以后有人sfb登不上了', 'not-licensed'],
    ],
    'zh-TW': [
      ['電腦時間不對 lync 登不進去', 'clock-skew'],
      ['調整授權之後有人商務用 Skype 登不進去', 'not-licensed'],
    ],
  };
  it.each(Object.entries(cases).flatMap(([lang, c]) => c.map(([t, topic]) => [lang, t, topic])))(
    '%s: %s',
    (_, text, topic) => {
      const r = reply(text);
      // The right fix, or at least the right topic offered first: never another fix.
      expect(r.topic === topic || r.suggestions[0] === topic, JSON.stringify(r)).toBe(true);
    },
  );
});

describe('an error message half-remembered or cut off', () => {
  it.each([
    ['en', 'it says sign-in address not fo…'],
    ['ja', 'サインイン アドレスが見つかりま…'],
    ['zh-CN', '提示找不到登录地…'],
    ['zh-TW', '顯示找不到登入位…'],
  ])('%s: %s', (_, text) => {
    expect(reply(text).topic).toBe('signin-address-not-found');
  });
});

describe('look-alike problems from other products get a redirect, never a fix', () => {
  const cases: Cases = {
    en: [
      ['my laptop password expired and Windows will not let me log on', 'windows-password'],
      [
        'Remote Desktop warns the remote computer identity cannot be verified, connect anyway?',
        'browser-certificate',
      ],
      ['my iPhone shows the wrong time, how do I fix the phone clock', 'phone-clock'],
      ['Office says unlicensed product, how do I activate it', 'other-licence'],
      ['which SPF and DKIM records do we need for outbound mail', 'mail-dns'],
      ['I forgot the password of my personal Skype account on skype.com', 'consumer-skype'],
      ['the microphone is not working in Teams calls', 'teams-meetings'],
      ['the front end pool services will not start after the cumulative update', 'server-admin'],
      ['locked out of the payroll portal after three wrong passwords', 'other-password'],
    ],
    ja: [
      ['Windowsのパスワードを忘れてパソコンにログオンできない', 'windows-password'],
      ['リモートデスクトップの証明書の警告が出る', 'browser-certificate'],
      ['スマホの時計がずれている', 'phone-clock'],
      ['Officeのライセンス認証ができない', 'other-licence'],
      ['メールのSPFレコードの設定方法', 'mail-dns'],
      ['会議に参加できないしマイクも使えない', 'teams-meetings'],
      ['勤怠システムのパスワードを間違えてロックされた', 'other-password'],
    ],
    'zh-CN': [
      ['电脑开机密码忘了', 'windows-password'],
      ['远程桌面证书警告 要不要连接', 'browser-certificate'],
      ['手机时间不对 怎么改', 'phone-clock'],
      ['Windows未激活 产品密钥在哪', 'other-licence'],
      ['DKIM和SPF记录怎么配', 'mail-dns'],
      ['Teams会议里麦克风不能用', 'teams-meetings'],
      ['薪资系统密码输错被锁了', 'other-password'],
    ],
    'zh-TW': [
      ['筆電開機密碼忘了', 'windows-password'],
      ['遠端桌面跳出憑證警告', 'browser-certificate'],
      ['手機時間不對 怎麼改', 'phone-clock'],
      ['Office啟用失敗 產品金鑰', 'other-licence'],
      ['SPF記錄和DKIM要怎麼設', 'mail-dns'],
      ['Teams會議麥克風不能用', 'teams-meetings'],
      ['差勤系統密碼輸錯被鎖', 'other-password'],
    ],
  };
  it.each(Object.entries(cases).flatMap(([lang, c]) => c.map(([t, id]) => [lang, t, id])))(
    '%s: %s',
    (_, text, id) => {
      expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'near-miss', id }, suggestions: [] });
    },
  );

  it('leaves a bare "password" to the topics: no redirect on a word every system shares', () => {
    const r = reply('password');
    expect(r.answer.kind).not.toBe('near-miss');
    expect([r.topic, ...r.suggestions]).toContain('forgotten-password');
  });
});

describe('the retirement of Skype for Business Online', () => {
  it.each([
    ['en', 'is Skype for Business Online still supported or was it retired?'],
    ['ja', 'Skype for Business Onlineは提供終了したんですか'],
    ['zh-CN', 'Skype for Business Online 已经退役了吗'],
    ['zh-TW', 'Skype for Business Online 是不是已經被淘汰了'],
  ])('%s: %s', (_, text) => {
    expect(reply(text)).toMatchObject({
      topic: null,
      answer: { kind: 'retirement', id: 'skype-online-retirement' },
    });
  });
});

describe('small talk is answered as small talk', () => {
  it.each([
    ['hello!', 'greeting'],
    ['good morning', 'greeting'],
    ['thanks, that did it!', 'thanks'],
    ['ok bye', 'bye'],
    ['こんにちは', 'greeting'],
    ['ありがとうございました！', 'thanks'],
    ['では失礼します', 'bye'],
    ['你好', 'greeting'],
    ['谢谢，搞定了', 'thanks'],
    ['拜拜', 'bye'],
    ['哈囉', 'greeting'],
    ['謝謝 好了', 'thanks'],
    ['掰掰', 'bye'],
    ['ok, got it', 'okay'],
    ['alright, will do', 'okay'],
    ['承知しました', 'okay'],
    ['了解です', 'okay'],
    ['收到', 'okay'],
    ['好的，知道了', 'okay'],
    ['瞭解', 'okay'],
    ['好喔 我試試看', 'okay'],
    ['ok thanks', 'thanks'],
    ['好，谢谢！', 'thanks'],
    ['好 謝謝你！', 'thanks'],
    ['好 感謝！', 'thanks'],
    ['are you an actual person or a bot', 'who-am-i'],
  ])('%s', (text, id) => {
    expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'smalltalk', id } });
  });

  it('reads a greeting with a question as the question', () => {
    expect(reply('hello, Skype says sign-in address not found').topic).toBe('signin-address-not-found');
  });
});

describe('a short follow-up continues the conversation', () => {
  it.each([
    ['en', 'still failing', 'clock-skew'],
    ['en', 'same error', 'personal-certificate'],
    ['ja', '同じエラーです', 'personal-certificate'],
    ['ja', 'まだ直らない', 'clock-skew'],
    ['zh-CN', '还是不行', 'not-licensed'],
    ['zh-CN', '然后呢', 'not-licensed'],
    ['zh-TW', '還是一樣', 'user-not-sip-enabled'],
    ['zh-TW', '然後呢', 'wrong-version'],
  ])('%s: "%s" after %s', (_, text, topic) => {
    expect(reply(text, topic)).toMatchObject({ topic, answer: { kind: 'follow-up', id: topic } });
  });

  it('a follow-up that names another problem goes to that problem', () => {
    expect(reply('still failing, now it says user is not SIP enabled', 'clock-skew').topic).toBe(
      'user-not-sip-enabled',
    );
  });

  it('without a conversation, asks which problem it is about', () => {
    expect(reply('still failing')).toMatchObject({
      topic: null,
      answer: { kind: 'follow-up', id: 'follow-up' },
    });
  });
});

describe('asking for a person, inside a sentence, in every language', () => {
  it.each([
    ['en', 'I need to talk to a person'],
    ['en', 'could I speak to someone from IT please'],
    ['ja', 'すみません、担当者と話したいです'],
    ['zh-CN', '能不能转人工'],
    ['zh-TW', '可以找真人客服嗎'],
  ])('%s: %s', (_, text) => {
    expect(reply(text)).toMatchObject({ topic: 'collect-logs', answer: { kind: 'fix', id: 'collect-logs' } });
  });
});

describe('an acknowledgement inside a conversation does not end it or start another fix', () => {
  it.each([
    ['ok, still the same error', 'en'],
    ['はい、まだダメです', 'ja'],
    ['好的，还是登不上', 'zh-CN'],
  ])('%s', (text) => {
    const r = resolver.resolve(text, { context: { topic: 'clock-skew' } });
    expect(r).toMatchObject({ topic: 'clock-skew', answer: { kind: 'follow-up' } });
  });
});

/**
 * In a conversation about the "server temporarily unavailable" question, what the person tried
 * ("rebooted") or that they do not know the answer is no new problem: the conversation goes on.
 */
describe('a follow-up that says what was tried, or "I don\'t know", continues the conversation', () => {
  it.each([
    ['rebooted the laptop, still the same'],
    ["no idea, I'm not in IT"],
    ['PC を再起動しましたが同じです'],
    ['すみません、よく分からないです'],
    ['重启过了，还是一样'],
    ['不清楚，我就是普通用户'],
    ['重開機也一樣'],
    ['我不知道耶，我只是一般員工'],
  ])('%s', (text) => {
    const r = resolver.resolve(text, { context: { topic: 'server-unavailable' } });
    expect(r).toMatchObject({ topic: 'server-unavailable', answer: { kind: 'follow-up' } });
  });

  it('a new error named after the reboot is the new topic', () => {
    const r = resolver.resolve('rebooted and now it says user is not SIP enabled', {
      context: { topic: 'server-unavailable' },
    });
    expect(r.topic).toBe('user-not-sip-enabled');
  });
});
