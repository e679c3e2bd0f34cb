import { describe, expect, it } from 'vitest';
import { looksRandom, REDACTED, redactPasswords } from '../../../src/core/helpdesk/redact.js';

/** Each phrasing with the secret it discloses: the secret must be gone, the rest kept. */
const disclosures: Record<string, [string, string][]> = {
  en: [
    // The twelve the first version caught.
    ['password: Summer2024!', 'Summer2024!'],
    ['my pw is hunter2', 'hunter2'],
    ['the password Winter#9 does not work', 'Winter#9'],
    ['Password=Qwerty123', 'Qwerty123'],
    ['passwd: letmein99', 'letmein99'],
    ['my password is Autumn2023', 'Autumn2023'],
    ['pwd Spring#2022', 'Spring#2022'],
    ['my passcode is 837261', '837261'],
    ['Sign-in address not found, password: Hunter2024!', 'Hunter2024!'],
    ['password was Tr0ub4dor&3', 'Tr0ub4dor&3'],
    ['my password is hunter', 'hunter'],
    ['PASSWORD: ZXCvbn!!', 'ZXCvbn!!'],
    // The nine it missed (issue 12, finding 6).
    ['my pass is Lync2013!', 'Lync2013!'],
    ['password - Sfb#2016x', 'Sfb#2016x'],
    ['password: correct horse battery staple', 'correct horse battery staple'],
    ['the password I use is Bluebird77', 'Bluebird77'],
    ['Pass word: Orange#11', 'Orange#11'],
    ['ｐａｓｓｗｏｒｄ：Ｆｕｌｌ２０２４', 'Full2024'],
    ['ﾊﾟｽﾜｰﾄﾞ: Kana2024', 'Kana2024'],
    ['my password is "open sesame 42"', 'open sesame 42'],
    ['password "correct horse"', 'correct horse'],
    // More of the same ideas.
    ['password for Skype: Blue#Moon5', 'Blue#Moon5'],
    ['the password on my laptop is: Laptop!234', 'Laptop!234'],
    ['I changed my password yesterday and now it is Xk9#mQ2vL', 'Xk9#mQ2vL'],
    ['passphrase = purple monkey dishwasher', 'purple monkey dishwasher'],
  ],
  ja: [
    ['パスワードはAbc12345です', 'Abc12345'],
    ['パスワード: Tokyo2024!', 'Tokyo2024!'],
    ['パスは Osaka#99 です', 'Osaka#99'],
    ['パスワード - Kyoto2025', 'Kyoto2025'],
    ['パスワード：correct horse battery', 'correct horse battery'],
    ['使っているパスワードは Nagoya77 です', 'Nagoya77'],
    ['パス ワード: Sendai#1', 'Sendai#1'],
    ['ﾊﾟｽﾜｰﾄﾞは Kobe2024', 'Kobe2024'],
    ['パスワードは「ひみつ の ことば1」です', 'ひみつ の ことば1'],
    ['昨日パスワードを変えて今は Fuk#8uoka2 にしました', 'Fuk#8uoka2'],
    ['暗証番号は 4721 です', '4721'],
  ],
  'zh-CN': [
    ['密码是 qwerty123', 'qwerty123'],
    ['密码：Beijing2024!', 'Beijing2024!'],
    ['密码 - Shanghai#8', 'Shanghai#8'],
    ['密码：correct horse battery', 'correct horse battery'],
    ['我用的密码是Guangzhou66', 'Guangzhou66'],
    ['密 码：Shenzhen#1', 'Shenzhen#1'],
    ['ｍｉｍａ 密码为 Ｈａｎｇ２０２４', 'Hang2024'],
    ['密码是“open sesame 1”', 'open sesame 1'],
    ['昨天改了密码，现在用 Xi#an2024z', 'Xi#an2024z'],
    ['口令=Chengdu99', 'Chengdu99'],
  ],
  'zh-TW': [
    ['密碼：P@ssw0rd', 'P@ssw0rd'],
    ['密碼是 Taipei101!', 'Taipei101!'],
    ['密碼 - Kaohsiung7', 'Kaohsiung7'],
    ['密碼：correct horse battery', 'correct horse battery'],
    ['我用的密碼為Tainan#2024', 'Tainan#2024'],
    ['密 碼: Taichung#3', 'Taichung#3'],
    ['密碼是「open sesame 2」', 'open sesame 2'],
    ['昨天改了密碼，現在是 Hsin#chu88 了', 'Hsin#chu88'],
  ],
};

describe('redactPasswords', () => {
  for (const [lang, cases] of Object.entries(disclosures))
    it.each(cases)(`removes the password (${lang}) from "%s"`, (text, secret) => {
      const out = redactPasswords(text);
      expect(out.redacted).toBe(true);
      expect(out.text).toContain(REDACTED);
      expect(out.text.normalize('NFKC')).not.toContain(secret);
      for (const part of secret.split(/\s+/).filter((p) => p.length > 3))
        expect(out.text).not.toContain(part);
    });

  it.each([
    'I forgot my password for Skype',
    'password is wrong',
    'reset my password please',
    'password expired yesterday',
    'my password is not accepted since Monday',
    'the password field is greyed out',
    'password-protected file',
    'bypass is broken',
    'password expired, error 0x800B0109 on 16.0.4266, see KB2566790, user@contoso.com',
    'パスワードを忘れました',
    'パスワードが正しくありません',
    'パスワードは変更しました',
    '密码错误',
    '密码是对的',
    '密碼過期了',
    'Sign-in address not found',
  ])('leaves "%s" alone', (text) => expect(redactPasswords(text)).toEqual({ text, redacted: false }));

  it('keeps the rest of the message', () => {
    expect(redactPasswords('my pass is Lync2013! and it fails since Monday').text).toBe(
      `my pass is ${REDACTED} and it fails since Monday`,
    );
    expect(redactPasswords('パスワードはAbc12345です').text).toBe(`パスワードは${REDACTED}です`);
  });

  it('in an answer to a question about a password, removes a bare secret and anything random', () => {
    expect(redactPasswords('Hunter2024!', { passwordContext: true })).toEqual({
      text: REDACTED,
      redacted: true,
    });
    expect(redactPasswords('I typed Xk9#mQ2vL twice', { passwordContext: true }).text).toBe(
      `I typed ${REDACTED} twice`,
    );
    expect(redactPasswords('yes', { passwordContext: true }).redacted).toBe(false);
    expect(redactPasswords('Hunter2024!').redacted).toBe(false);
  });
});

describe('looksRandom', () => {
  it.each(['Tr0ub4dor&3', 'Xk9#mQ2vL', 'a8Kd02LqPz', 'x7f3k9q2m1z8'])('"%s" looks random', (t) =>
    expect(looksRandom(t)).toBe(true),
  );
  it.each([
    '0x800B0109',
    'KB2566790',
    '16.0.4266.1001',
    'user@contoso.com',
    'lyncdiscover.contoso.com',
    'sfb2016',
    'password',
  ])('"%s" does not', (t) => expect(looksRandom(t)).toBe(false));
});

describe('redactPasswords on an answer to the helpdesk', () => {
  it('removes a bare random-looking answer, keeps ordinary ones', () => {
    expect(redactPasswords('Hunter#2024', { answer: true }).text).toBe(REDACTED);
    expect(redactPasswords('Xk9mQ2vLa8', { answer: true }).text).toBe(REDACTED);
    for (const kept of [
      'yes',
      'Windows 10',
      '16.0.4266.1001',
      '0x800B0109',
      'since Monday',
      'Webでも同じです',
    ])
      expect(redactPasswords(kept, { answer: true }).redacted).toBe(false);
  });
});
