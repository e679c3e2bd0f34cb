import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { fold } from '../../../src/core/text/fold.js';
import { Literals } from '../../../src/core/text/literals.js';
import { developmentMessages } from '../../helpers/dev-messages.js';
import { realPack } from '../../helpers/pack.js';
import { seededRandom } from '../../helpers/random.js';

/** The regular expression the trie replaces, built as the lexicon and the phrase matcher built it. */
function reference(phrases: string[]): (text: string, replacement: (m: string) => string) => string {
  const latin = /[\p{Script=Latin}\p{N}]/u;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...new Set(phrases.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const head = latin.test(p[0]!) ? '(?<![\\p{Script=Latin}\\p{N}])' : '';
      const tail = latin.test(p[p.length - 1]!)
        ? '(?![\\p{Script=Latin}\\p{N}])'
        : /[\p{Script=Katakana}ー]$/u.test(p)
          ? '(?!ー)'
          : '';
      return `${head}${escape(p)}${tail}`;
    });
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  return (text, replacement) => text.replace(pattern, replacement);
}

/** Replaces each match with its position in the list of matches and the match, so order shows. */
function compare(phrases: string[], texts: string[]): void {
  const regex = reference(phrases);
  const trie = new Literals(phrases);
  for (const text of texts) {
    let n = 0;
    let m = 0;
    expect(
      trie.replace(text, (p) => `<${n++}:${p}>`),
      text,
    ).toBe(regex(text, (p) => `<${m++}:${p}>`));
  }
}

describe('Literals: the same matches as the regular expression of all the phrases', () => {
  it('on the pack synonyms and the development messages, folded', () => {
    const pack = realPack();
    const phrases = LANGUAGES.flatMap((lang) =>
      Object.entries(pack.lexicon(lang).synonyms).flatMap(([c, vs]) =>
        [c, ...vs].map((v) => fold(v, lang).trim()),
      ),
    );
    const texts = developmentMessages().map((text) => fold(text, 'en'));
    expect(texts.length).toBeGreaterThan(500);
    compare(phrases, texts);
  });

  it('on random text around Latin, CJK, astral and lone-surrogate edges', () => {
    const phrases = [
      'sign',
      'sign in',
      'sign in now',
      'in',
      'gn i',
      'é',
      'éa',
      '𝟏x',
      'x𝟏',
      '登录',
      '登',
      'ab',
      'b',
    ];
    const alphabet = [...phrases, 'a', 'x', ' ', '1', '𝟏', '😀', '\ud83d', '\ude00', '録', 'é', '-', 'n'];
    const next = seededRandom(13);
    const texts = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: Math.floor(next() * 12) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join(''),
    );
    compare(phrases, texts);
  });

  it('leaves a text with nothing to replace as it is, and ignores an empty phrase', () => {
    const trie = new Literals(['', 'pw']);
    expect(trie.replace('pwd', () => 'password')).toBe('pwd');
    expect(trie.replace('my pw', () => 'password')).toBe('my password');
  });
});

describe('Literals: a katakana word goes on with the long-vowel mark', () => {
  it('"ユーザ" is not found inside "ユーザー", but is before a kanji', () => {
    const trie = new Literals(['ユーザ']);
    expect(trie.replace('ユーザー名', () => 'X')).toBe('ユーザー名');
    expect(trie.replace('ユーザ名', () => 'X')).toBe('X名');
  });

  it('matches the reference on text with long-vowel marks', () => {
    compare(
      ['ユーザ', 'ユーザー', 'サーバ', 'サー', 'ー'],
      ['ユーザーとサーバーのユーザ名', 'サーバ ー ユーザ', 'ーーユーザ'],
    );
  });
});
