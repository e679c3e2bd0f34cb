import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { asciiWords } from '../../../src/core/text/ascii-words.js';
import { realPack } from '../../helpers/pack.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** What the analyzer reads of `Intl.Segmenter`'s segments: the word-like ones starting with a letter or digit. */
const icu = (text: string) =>
  [...segmenter.segment(text)]
    .filter((s) => s.isWordLike && /^[a-z0-9]/i.test(s.segment))
    .map((s) => s.segment);

describe('asciiWords cuts ASCII text where Intl.Segmenter does', () => {
  it('on every text of the pack that is plain ASCII, lower-cased as the analyzer reads it', () => {
    const pack = realPack();
    const texts = new Set<string>();
    for (const topic of pack.topics.values())
      for (const lang of LANGUAGES) {
        const text = pack.text(topic.id, lang);
        for (const t of [
          text.title,
          text.symptom,
          text.cause,
          ...text.errors,
          ...pack.phrasings(topic.id, lang),
        ])
          texts.add(t);
        for (const stage of Object.values(text.stages) as { steps: string[] }[])
          for (const s of stage.steps) texts.add(s);
      }
    let checked = 0;
    for (const text of texts)
      for (const t of [text, text.toLowerCase()]) {
        const words = asciiWords(t);
        if (words === undefined) continue;
        expect(words, t).toEqual(icu(t));
        checked++;
      }
    expect(checked).toBeGreaterThan(500);
  });

  it('on every string of up to four characters from each kind of character, and on random text', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      '9',
      '.',
      "'",
      ',',
      ';',
      ':',
      '_',
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '-',
      '@',
      '"',
      '!',
      '/',
      '\\',
      '\u0085',
    ];
    const ascii = alphabet.filter((c) => c < '\u0080');
    let strings = [''];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => ascii.map((c) => s + c));
      for (const s of strings) expect(asciiWords(s), JSON.stringify(s)).toEqual(icu(s));
    }
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let i = 0; i < 20000; i++) {
      const s = Array.from(
        { length: 1 + Math.floor(next() * 14) },
        () => ascii[Math.floor(next() * ascii.length)],
      ).join('');
      expect(asciiWords(s), JSON.stringify(s)).toEqual(icu(s));
    }
    expect(asciiWords('caf\u00e9')).toBeUndefined();
  });
});
