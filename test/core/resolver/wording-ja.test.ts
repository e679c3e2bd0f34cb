/**
 * Japanese wording (issue 13): the ways people in Japan say a sign-in problem reach the same
 * answer as the textbook phrasing. Each sentence stands for one family the Japanese lexicon and
 * phrasings were taught: the clock said as "ずれてる"; a chatty or polite "it worked until
 * yesterday, what do I check first?" and a relayed "a user called, no details"; an employee
 * number or the Windows DOMAIN\user typed as the sign-in address and "弾かれる"; the
 * server-unavailable error paraphrased ("しばらくしてからやり直して"); waiting for a new domain; an
 * old Lync from a CD; a former OCS or Lync Server; Skype for Business Online not enabled or a
 * licence forgotten; "で、どうすれば？" continuing the conversation; a Windows password rule, a file
 * server, a polite request for a person; chat tone ("泣"), Kansai forms ("入られへん"), the product
 * spelt "ビジネス版Skype", and "どこ見れば" (where to look) told apart from "見つからない" (not
 * found). They are written for the tests: none comes from an evaluation set, and each gets a
 * different answer with main's locales/ja.
 */
import { describe, expect, it } from 'vitest';
import { realResolver } from '../../helpers/pack.js';

const resolver = realResolver();

describe('a Japanese way of saying a cause gets that cause', () => {
  const cases: [string, string][] = [
    ['タスクバーの時計がずれてて Lync にサインインできません', 'clock-skew'],
    ['SfB のサインイン画面で社員番号とパスワードを入れても何度も弾かれます', 'mistyped-credentials'],
    [
      'Windows のログオンと同じ CONTOSO\\suzuki で Lync にサインインしようとするとはじかれる',
      'mistyped-credentials',
    ],
    [
      'Skype for Business を起動すると、しばらくしてからやり直してくださいみたいなメッセージが出て入れない',
      'server-unavailable',
    ],
    [
      '独自ドメインを追加して新しいアドレスに切り替えたら Lync にサインインできない人がいる。しばらく待つしかない？',
      'dns-propagation',
    ],
    [
      '実家にあった昔の Lync 2010 の CD からインストールしたら、会社のアドレスでサインインできません',
      'wrong-version',
    ],
    [
      '昔オンプレで Lync Server を使っていて今は Office 365 です。古参の社員だけ SfB にサインインできず、新しく入った人は入れます',
      'user-not-sip-enabled',
    ],
    [
      '派遣さんのアカウントで Skype for Business Online が有効になっていないみたい。管理センターのどこを見ればいい？',
      'not-licensed',
    ],
    ['新入社員のアカウントに SfB のライセンスを付け忘れてたかも。サインインできない', 'not-licensed'],
  ];
  it.each(cases)('%s', (text, topic) => {
    const r = resolver.resolve(text);
    expect(r.answer.kind).toBe('fix');
    expect(r.topic).toBe(topic);
  });
});

describe('"cannot sign in" with nothing specific, however it is wrapped, is the triage question', () => {
  const cases = [
    '朝から Skype for Business に入れません。昨日までは普通に使えてたし、何も変えてないです。まず何を確認すればいい？',
    'お世話になっております。今朝から Lync にログインできず困っております。昨日の夕方までは問題なく使えておりました。まず何を確認すればよろしいでしょうか。',
    'ユーザーからスカイプに入れないと電話があったけど詳細不明。何から聞けばいい？',
    'lync入れない泣',
    'ビジネス版Skypeにサインインできない',
    'スカイプ入られへん、なんでやろ',
    'Lyncにサインインできないんだけど、どこ見ればいいかわからん',
  ];
  it.each(cases)('%s', (text) => {
    expect(resolver.resolve(text)).toMatchObject({ topic: 'triage', answer: { kind: 'fix', id: 'triage' } });
  });
});

describe('the conversation and the chat around a problem', () => {
  it('"で、どうすれば？" after a forgotten password continues that topic', () => {
    const r = resolver.resolve('で、どうすればいいですか？管理者に頼めばいい？', {
      context: { topic: 'forgotten-password' },
    });
    expect(r).toMatchObject({ topic: 'forgotten-password', answer: { kind: 'follow-up' } });
  });

  it('a polite request for a person hands over', () => {
    expect(resolver.resolve('担当者の方と直接話したいです')).toMatchObject({
      topic: 'collect-logs',
      answer: { kind: 'fix', id: 'collect-logs' },
    });
  });
});

describe('a look-alike from another system gets no sign-in fix', () => {
  it('a Windows password rule is the Windows card', () => {
    expect(
      resolver.resolve('Windows のパスワードを変えようとしたら複雑さの要件を満たしていませんと出る'),
    ).toMatchObject({
      topic: null,
      answer: { kind: 'near-miss', id: 'windows-password' },
    });
  });

  it('a shared folder that cannot be reached is not the server-unavailable fix', () => {
    const r = resolver.resolve('共有フォルダにつながらない、サーバーに接続できませんと出る');
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });
});

/**
 * Japanese wording, second round (issue 13, after chat-dev-5 and chat-dev-6): each sentence
 * stands for one family the Japanese lexicon and phrasings were taught then. Another system's
 * terminal (an MES, a time recorder, a door card reader) gets no sign-in fix for its password or
 * its clock; "いつまで使えるの" is the retirement question, also when a customer asked it; a long
 * absence and "I don't remember what I set" are a forgotten password, and so is the forced change
 * after a temporary one; a licence clean-up is not-licensed; moving DNS hosts or an SRV record
 * left on the old server is server-unavailable-dns; "tried again and again" beside the quoted
 * server-unavailable error is not the VPN card; "waited, still the same, what next?" continues the
 * conversation instead of pointing at DNS propagation. They are written for the tests: none comes
 * from an evaluation set, and each gets a different answer with main's locales/ja.
 */
describe('Japanese wording, second round: the families chat-dev-5 and chat-dev-6 showed', () => {
  const noFix = [
    'MESの端末に入るパスワードを忘れた',
    '打刻機の時間が5分進んでる',
    '入退室のカードリーダーの時刻が何分かずれている',
  ];
  it.each(noFix)('another system: %s', (text) => {
    const r = resolver.resolve(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });

  const retirement = [
    'SfB Onlineっていつまで使えるの？',
    'お客様からLync Onlineはいつまで使えるか聞かれました',
  ];
  it.each(retirement)('the retirement question: %s', (text) => {
    expect(resolver.resolve(text)).toMatchObject({
      topic: null,
      answer: { kind: 'retirement', id: 'skype-online-retirement' },
    });
  });

  const causes: [string, string][] = [
    ['半年ぶりに出社したら、前に何を設定したか覚えてなくてSkypeに入れない', 'forgotten-password'],
    ['仮パスワードを渡したんですが、次のサインインで変更を求められるのは普通ですか', 'forgotten-password'],
    ['ライセンスを整理したら営業の二人がSfBに入れなくなったと連絡ありました', 'not-licensed'],
    [
      'DNSの管理会社を変えたら、Skype for Businessでサーバーが一時的に利用できませんと出るようになった',
      'server-unavailable-dns',
    ],
    ['_sip._tls のSRVレコードが古いサーバーのままで、SfBにサインインできない', 'server-unavailable-dns'],
    ['Lyncで何度やってもサーバーが一時的に利用できませんと出ます', 'server-unavailable'],
  ];
  it.each(causes)('%s', (text, topic) => {
    expect(resolver.resolve(text)).toMatchObject({ topic, answer: { kind: 'fix', id: topic } });
  });

  it('"waited, still the same, what next?" continues the conversation', () => {
    const r = resolver.resolve('一晩待っても変わらないです。次は何を確認すれば？', {
      context: { topic: 'server-unavailable' },
    });
    expect(r).toMatchObject({ topic: 'server-unavailable', answer: { kind: 'follow-up' } });
  });
});

describe('"サインインアドレス" written as one word reads like the error\'s "サインイン アドレス"', () => {
  it.each([
    'サーバーがサインインアドレスに対して信頼されているか確認できません。接続しますか？',
    'サインインアドレスに対してサーバーが信頼されているかどうかを検証できません',
  ])('the trust prompt: %s', (text) => {
    expect(resolver.resolve(text).topic).toBe('cert-trust-dialog');
  });

  it('and a login address typed wrong is still the typing topic', () => {
    expect(resolver.resolve('ログインアドレスを間違えて入力していました。サインインできません').topic).toBe(
      'mistyped-credentials',
    );
  });
});
