import { describe, expect, it } from 'vitest';
import { foldHan } from '../../../src/core/text/han.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { Lexicon } from '../../../src/core/text/lexicon.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
const analyzer = new Analyzer(
  new Lexicon({
    en: pack.lexicon('en'),
    ja: pack.lexicon('ja'),
    'zh-CN': pack.lexicon('zh-CN'),
    'zh-TW': pack.lexicon('zh-TW'),
  }),
);
const words = (text: string, lang: Parameters<Analyzer['terms']>[1]) =>
  analyzer
    .terms(text, lang)
    .filter((t) => t.kind !== 'bigram')
    .map((t) => t.text);
const all = (text: string, lang: Parameters<Analyzer['terms']>[1]) =>
  new Set(analyzer.terms(text, lang).map((t) => t.text));

describe('English', () => {
  it('stems, drops stop words and unifies spellings of "sign in"', () => {
    expect(words('The users cannot log in', 'en')).toEqual(words('user can not sign-in', 'en'));
    expect(words('certificates', 'en')).toEqual(words('certificate', 'en'));
    expect(words('the of and to', 'en')).toEqual([]);
  });

  it('keeps dotted names whole and also splits them', () => {
    const terms = analyzer.terms('msoidsvc.exe is blocked', 'en');
    expect(terms.find((t) => t.text === 'msoidsvc.exe')?.kind).toBe('compound');
    expect(terms.map((t) => t.text)).toContain('msoidsvc');
  });

  it('folds full-width letters and case', () => {
    expect(words('ＳＩＰ ＣＮＡＭＥ', 'en')).toEqual(words('sip cname', 'en'));
  });

  it('treats product abbreviations as the product', () => {
    expect(words('S4B', 'en')).toEqual(words('Skype for Business', 'en'));
    expect(words('Lync', 'en')).toEqual(words('SfB', 'en'));
  });

  it('marks long words as typo-correctable and numbers as not', () => {
    const [cert, kb] = analyzer.terms('certificate 2531068', 'en');
    expect(cert?.fuzzy).toBe(true);
    expect(kb?.fuzzy).toBe(false);
  });
});

describe('Japanese', () => {
  it('segments words with Intl.Segmenter and drops particles', () => {
    const terms = words('サインイン アドレスが見つかりません', 'ja');
    expect(terms).toContain('アドレス');
    expect(terms).not.toContain('が');
  });

  it('keeps a katakana loanword whole even when ICU cuts it', () => {
    // ICU cuts トラブルシューティング into トラブル|シューティング.
    const terms = all('トラブルシューティングの手順', 'ja');
    expect(terms.has('トラブルシューティング')).toBe(true);
    expect(terms.has('トラブル')).toBe(true);
  });

  it('folds half-width katakana and shinjitai', () => {
    expect(all('ｻｰﾊﾞｰ', 'ja')).toEqual(all('サーバー', 'ja'));
    expect(foldHan('証明書', true)).toBe(foldHan('證明書', false));
  });
});

describe('Chinese', () => {
  it('matches Traditional and Simplified as the same terms', () => {
    expect(all('個人憑證時發生問題', 'zh-TW')).toEqual(all('个人凭证时发生问题', 'zh-CN'));
    expect(foldHan('伺服器暫時無法使用', false)).toBe('伺服器暂时无法使用');
  });

  it('adds Han bigrams so differently cut phrases still share terms', () => {
    const terms = analyzer.terms('找不到登录地址', 'zh-CN');
    expect(terms.some((t) => t.kind === 'bigram')).toBe(true);
    expect(terms.some((t) => t.kind === 'word')).toBe(true);
  });

  it('unifies regional words through the lexicon', () => {
    expect(all('登陆', 'zh-CN')).toEqual(all('登录', 'zh-CN'));
    expect(all('登入', 'zh-TW')).toEqual(all('登录', 'zh-CN'));
  });
});

describe('a Windows account typed as DOMAIN\\user', () => {
  const account = words('DOMAIN\\user', 'en');

  it('is read as one term', () => {
    expect(account).toHaveLength(1);
  });

  it.each([
    ['en', 'I typed CONTOSO\\jsmith'],
    ['en', 'DOMAIN\\user like for Windows'],
    ['zh-CN', '我输的是 zzrail\\wangjun'],
    ['ja', 'NORTHWIND\\tanaka と入力'],
  ] as const)('%s: is one term whatever the names: %s', (lang, text) => {
    expect(all(text, lang)).toContain(account[0]);
  });

  it.each([
    '%AppData%\\Local\\Microsoft\\Office\\16.0\\Lync\\Tracing',
    'delete the RSA\\S-1-5-21 folder',
    'C:\\Users\\me',
  ])('a folder path or a security id is not one: %s', (text) => {
    expect(all(text, 'en')).not.toContain(account[0]);
  });
});
