/**
 * A message about another product or device (Teams, Exchange, Outlook, OneDrive, an iPad or a
 * phone, a printer, a VPN, mail DNS) that shares a topic's words ("licence", "clock", "offline")
 * gets a look-alike's card or "not something I know", never a sign-in fix (issue 13); a sign-in
 * question about this product that mentions another one in passing keeps its fix. Asking whether
 * the bot is a person is small talk, not a hand-over. These sentences are written for the tests;
 * none comes from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { realResolver } from '../../helpers/pack.js';

const resolver = realResolver();
const reply = (text: string) => resolver.resolve(text);

type Cases = Record<Lang, string[]>;
const each = (cases: Cases) => Object.entries(cases).flatMap(([lang, texts]) => texts.map((t) => [lang, t]));

describe('another product or device: no fix', () => {
  const cases: Cases = {
    en: [
      'our Exchange licence vanished after the renewal',
      'the clock on my iPad runs a few minutes behind',
      'OneDrive says it is offline and will not sync my files',
    ],
    ja: ['Exchange のライセンスが消えてしまった', 'タブレットの時計が五分ほど進んでいる'],
    'zh-CN': ['我的 OneDrive 许可证突然没有了', '平板电脑的时钟慢了几分钟'],
    'zh-TW': ['我的 Exchange 授權被拿掉了', '平板電腦的時鐘慢了幾分鐘', 'iPhone 的時鐘快了三分鐘'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });
});

describe("signing in to another product is not this product's sign-in: no fix", () => {
  const cases: Cases = {
    en: ['cannot log in to OneDrive on the new laptop, it says my password is wrong'],
    ja: ['Outlook にサインインできない、パスワードが違うと言われる'],
    'zh-CN': ['Teams 登录不了，一直说密码不对'],
    'zh-TW': ['手機上的 Teams 帳號登入不了，說密碼錯誤'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });
});

describe("another product's licence or a device clock gets its look-alike card", () => {
  const cases: [Lang, string, string][] = [
    ['en', 'where did my Outlook licence go', 'other-licence'],
    ['ja', 'Outlook のライセンスが見つからない', 'other-licence'],
    ['zh-CN', 'Exchange 许可证被收回了', 'other-licence'],
    ['zh-TW', 'Teams 授權好像被收回了', 'other-licence'],
    ['en', 'my iPad shows the wrong time', 'phone-clock'],
    ['zh-TW', '平板的時鐘快了十分鐘', 'phone-clock'],
  ];
  it.each(cases)('%s: %s', (_, text, id) => {
    expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'near-miss', id } });
  });
});

describe('a sign-in question about this product that mentions another one keeps its fix', () => {
  const cases: Cases = {
    en: ['Outlook works, but Skype for Business says the user name or password is incorrect'],
    ja: ['Outlook は使えるのに Skype for Business にサインインできない、パスワードが違うと出る'],
    'zh-CN': ['Outlook 正常，但是 Skype for Business 登录提示密码不正确'],
    'zh-TW': ['Outlook 正常，但是商務用 Skype 登入時說密碼不正確'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    expect(reply(text).answer.kind).toMatch(/^(fix|did-you-mean)$/);
  });
});

describe('a phone mentioned beside this product and its own error keeps the fix, not the phone-clock card', () => {
  const cases: Cases = {
    en: ['my Android phone shows user name or password is incorrect when I sign in to Skype for Business'],
    ja: ['iPhone の Skype for Business でサインインするとユーザー名またはパスワードが正しくありませんと出る'],
    'zh-CN': ['手机上的 Skype for Business 登录时提示用户名或密码不正确'],
    'zh-TW': ['手機上的商務用 Skype 登入時顯示使用者名稱或密碼不正確'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    expect(reply(text)).toMatchObject({ topic: 'mistyped-credentials', answer: { kind: 'fix' } });
  });
});

describe('asking whether the bot is a person is small talk', () => {
  const cases: Cases = {
    en: ['sorry, am I talking to a bot?', 'is this a bot or a human'],
    ja: ['ボットですか？'],
    'zh-CN': ['你是机器人吗？'],
    'zh-TW': ['你是真人嗎？'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'smalltalk', id: 'who-am-i' } });
  });
});

/**
 * A forgotten password or another app's "server temporarily unavailable", in a message that
 * does not name this product, where the neighbour's card fits about as well as the fix: the
 * neighbour's card, never this product's fix.
 */
describe("a neighbour's problem told without naming this product gets the neighbour's card", () => {
  const cases: [Lang, string, string][] = [
    ['en', 'forgot the password for my laptop, cannot get past the login screen', 'windows-password'],
    ['ja', 'ノートPCのWindowsパスワードを忘れてログインできません', 'windows-password'],
    ['zh-CN', '忘了 Windows 开机密码，电脑进不去了', 'windows-password'],
    ['zh-TW', '筆電的 Windows 密碼忘記了，進不了桌面', 'windows-password'],
    ['en', "can't get into my laptop this morning, it says the password is incorrect", 'windows-password'],
    ['zh-CN', '早上电脑开机登录不了，一直提示密码错误', 'windows-password'],
  ];
  it.each(cases)('%s: %s', (_, text, id) => {
    expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'near-miss', id } });
  });
});

it("a word the mail records' card shares with the DNS topics' steps ('dns' alone) offers the DNS topics", () => {
  const r = reply('dns');
  expect(r.answer.kind).toBe('did-you-mean');
  expect(r.suggestions).toContain('dns-propagation');
});

describe("another product's 'server temporarily unavailable' is not this product's error", () => {
  const cases: Cases = {
    en: ['the VPN app keeps saying server temporarily unavailable when I work from home'],
    ja: ['在宅で VPN につなぐと「サーバーが一時的に利用できません」と出る'],
    'zh-CN': ['在家连 VPN 一直提示服务器暂时不可用'],
    'zh-TW': ['在家連 VPN 一直跳出伺服器暫時無法使用'],
  };
  it.each(each(cases))('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });

  it('the error beside the DNS records its own fix talks about keeps the fix', () => {
    expect(
      reply('server temp unavailable, and our DNS host only has the MX record for the domain'),
    ).toMatchObject({
      topic: 'server-unavailable-dns',
    });
  });
});

describe('a Wi-Fi network asking to trust its certificate is not the Skype for Business trust prompt', () => {
  const cases: [Lang, string][] = [
    ['en', 'joining the guest WiFi pops up a certificate not trusted box, do I connect anyway?'],
    ['ja', '会社の Wi-Fi につなぐと証明書が信頼されていないと出ます。このまま接続していい？'],
    ['zh-CN', '连公司 WiFi 时弹出证书不受信任，要不要继续连？'],
    ['zh-TW', '連公司 Wi-Fi 跳出憑證不受信任的視窗，要繼續連嗎？'],
  ];
  it.each(cases)('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });

  it('the trust prompt itself, on the office Wi-Fi, keeps its fix', () => {
    expect(
      reply('on the office WiFi Lync says it cannot verify the server is trusted, connect anyway?'),
    ).toMatchObject({
      topic: 'cert-trust-dialog',
    });
  });
});

describe("'team' is a word, 'Teams' the product", () => {
  it('a message about my team and this product keeps its fix', () => {
    expect(
      reply(
        'my whole team can sign in to Skype for Business except me, it says the server is temporarily unavailable',
      ),
    ).toMatchObject({ topic: 'server-unavailable' });
  });

  it('everyone else on the team having it working is no retirement question', () => {
    expect(
      reply(
        "I started this month and everyone else on my team has Skype for Business working, mine just won't sign in",
      ).answer.kind,
    ).not.toBe('retirement');
  });
});

describe('whether to keep Lync or go to Teams is the retirement question', () => {
  it.each([
    [
      'en',
      "we keep getting asked whether it's worth fixing Lync at all or if we should just go over to Teams",
    ],
    ['ja', 'Lync まだ保守が必要ですか？それとも全員 Teams に切り替えるべき？'],
    ['zh-CN', '领导问 Lync 还要不要继续维护，还是全员改用 Teams'],
    ['zh-TW', '主管問還要不要繼續維護 Lync，還是全部改用 Teams'],
  ])('%s: %s', (_, text) => {
    expect(reply(text)).toMatchObject({ topic: null, answer: { kind: 'retirement' } });
  });
});

it("this product's own error beside a home Wi-Fi keeps its fix", () => {
  expect(reply("sign in address not fou... only in the office, on my home wifi it's fine").topic).toBe(
    'signin-address-not-found',
  );
});

describe("another system's own error is not this product's", () => {
  it.each([
    ['en', 'the POS at the front counter says server temporarily unavailable and we cannot take payments'],
    ['ja', '店のレジで「サーバーが一時的に利用できません」と出て会計できません'],
    ['zh-CN', '收银系统一直提示服务器暂时不可用，没法收款'],
    ['zh-TW', '收銀機一直跳伺服器暫時無法使用，沒辦法結帳'],
  ])('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });

  it('no other product is read as a word every message may hold ("システム", "系统", "system")', () => {
    const resolver = realResolver();
    const generic = new Set(['システム', '系统', 'system', 'server', 'ticket', 'book', '计算']);
    for (const lang of ['en', 'ja', 'zh-CN', 'zh-TW'] as const)
      for (const word of resolver.pack.lexicon(lang).elsewhere ?? []) {
        const terms = resolver.index.analyzer.terms(word, lang);
        const whole = terms.filter((t) => t.kind !== 'bigram').map((t) => t.text);
        const read = (whole.length ? whole : terms.map((t) => t.text)).filter((t) => !generic.has(t));
        expect(read.length, `${lang}: ${word}`).toBeGreaterThan(0);
      }
  });
});

describe("this product named, its own topic well ahead: a neighbour's few words do not take the message", () => {
  // "stored" and "send to Microsoft" are the server-admin card's words, "bouncing" the mail
  // records'; the fix leads by far on its own sayings.
  it.each([
    [
      'en',
      'Where are the Skype for Business client logs stored? I need to send them to Microsoft',
      'collect-logs',
    ],
    [
      'en',
      "I changed my Skype for Business password before the holidays and can't remember it, it keeps bouncing me",
      'forgotten-password',
    ],
    [
      'ja',
      'Skype for Businessのクライアントログはどこに保存されていますか？マイクロソフトに送りたいです',
      'collect-logs',
    ],
    ['zh-CN', 'Skype for Business 客户端日志存在哪里？要发给微软', 'collect-logs'],
    ['zh-TW', '商務用 Skype 的用戶端記錄檔存在哪裡？要寄給微軟', 'collect-logs'],
  ])('%s: %s', (_, text, topic) => {
    expect(reply(text).topic).toBe(topic);
  });

  it('an on-premises server problem named beside the product is still the server card', () => {
    const r = reply(
      'our Skype for Business Server 2015 front end service will not start, the event log blames a certificate',
    );
    expect(r.topic).toBeNull();
    expect(r.answer).toEqual({ kind: 'near-miss', id: 'server-admin' });
  });
});

describe('a desk phone or a phone system (PBX) failing to register is not this product: no fix, no suggestions', () => {
  it.each([
    ['en', "our Yealink desk phones won't register to the PBX, says SIP registration failed"],
    ['ja', '会議室の電話機がPBXに登録できません。SIP登録失敗と表示されます'],
    ['zh-CN', '办公室的话机注册不上PBX，提示SIP注册失败'],
    ['zh-TW', '公司總機的分機 SIP 註冊失敗，話機打不出去'],
  ])('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.suggestions).toEqual([]);
  });
});

describe('an inventory system or a Windows login, as people name them, is not this product', () => {
  it.each([
    ['zh-TW', '進銷存系統一直顯示伺服器暫時無法使用'],
    ['zh-CN', '进销存系统一直提示服务器暂时不可用'],
    ['ja', 'Windowsのログインパスワードを忘れてPCに入れません'],
    ['en', 'forgot my windows password, stuck at the ctrl-alt-del screen on the lab laptop'],
  ])('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.suggestions).toEqual([]);
  });
});

describe("an error quoted beside a kind of system (a portal, a booking system), this product unnamed, is that system's", () => {
  it.each([
    ['en', "the booking portal shows 'server temporarily unavailable' since this morning"],
    ['ja', '受注管理システムで「サーバーが一時的に利用できません」と出ます'],
    ['zh-CN', '报销系统一直提示服务器暂时不可用'],
    ['zh-TW', '請假系統一直顯示伺服器暫時無法使用'],
  ])('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.suggestions).toEqual([]);
  });

  it.each([
    [
      'ja',
      'エラー: the authentication service may be incompatible with this version of the program\nポータルから入れ直せばいい？',
      'wrong-version',
    ],
    [
      'en',
      'Skype for Business says server temporarily unavailable, our intranet portal is fine',
      'server-unavailable',
    ],
  ])(
    '%s: a kind of system its own fix talks about, or this product named, keeps the fix: %s',
    (_, text, topic) => {
      expect(reply(text).topic).toBe(topic);
    },
  );
});

describe('a Windows sign-in screen saying the password is wrong gets the Windows card', () => {
  it.each([
    [
      'ja',
      '朝PCを起動したらWindowsのサインイン画面で「ユーザー名またはパスワードが正しくありません」と言われて入れません',
    ],
    ['zh-TW', '開機的時候 Windows 一直說使用者名稱或密碼不正確，進不了桌面'],
    ['zh-CN', '电脑开机登录提示用户名或密码不正确，进不了桌面'],
    [
      'en',
      "the Windows sign-in screen says the user name or password is incorrect, I can't get to the desktop",
    ],
  ])('%s: %s', (_, text) => {
    expect(reply(text).answer).toEqual({ kind: 'near-miss', id: 'windows-password' });
  });
});

describe("another vendor's licence (Adobe Acrobat) gets no fix", () => {
  it.each([
    ['en', 'Acrobat keeps telling me my licence has expired'],
    ['ja', 'Acrobatのライセンスが切れたと出ます'],
    ['zh-CN', 'Acrobat 提示许可证已过期'],
    ['zh-TW', 'Acrobat 一直說授權過期'],
  ])('%s: %s', (_, text) => {
    const r = reply(text);
    expect(r.topic).toBeNull();
    expect(r.suggestions).toEqual([]);
  });
});

describe('the retirement asked about its accounts is the retirement notice, not a fix sharing its words', () => {
  it.each([
    ['en', 'After Skype for Business Online is retired, can our accounts still sign in?'],
    ['ja', 'Skype for Business Onlineが廃止になったら、うちのアカウントはまだサインインできますか'],
    ['zh-CN', 'Skype for Business Online 退役以后，我们的账号还能不能登录？'],
    ['zh-TW', 'Skype for Business Online 退役之後，我們這些帳號還能登入嗎'],
  ])('%s: %s', (_, text) => {
    expect(reply(text).answer).toEqual({ kind: 'retirement', id: 'skype-online-retirement' });
  });
});
