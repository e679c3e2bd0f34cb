import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { sentences } from '../../../src/core/resolver/ranker.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { detectLanguage } from '../../../src/core/text/detect-language.js';
import { Lexicon } from '../../../src/core/text/lexicon.js';
import { stripNoise } from '../../../src/core/text/noise.js';
import { developmentMessages } from '../../helpers/dev-messages.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
const analyzer = new Analyzer(new Lexicon(Object.fromEntries(LANGUAGES.map((l) => [l, pack.lexicon(l)]))));

/** Every sentence's terms cut out of the message's, when they are, equal reading the sentence alone. */
function check(texts: { text: string; lang: (typeof LANGUAGES)[number] }[]): { cut: number; read: number } {
  let cut = 0;
  let read = 0;
  for (const { text, lang } of texts) {
    const parts = sentences(text);
    if (parts.length < 2) continue;
    const terms = analyzer.termsOfParts(text, analyzer.terms(text, lang), parts, lang);
    if (!terms) {
      read++;
      continue;
    }
    cut++;
    parts.forEach((part, i) => expect(terms[i], `${text} | ${part}`).toEqual(analyzer.terms(part, lang)));
  }
  return { cut, read };
}

describe("a message's sentences cut out of its own terms", () => {
  it('are the terms of each sentence read alone, on the development messages in their language and every other', () => {
    const messages = developmentMessages().map((text) => stripNoise(text));
    const { cut, read } = check(
      messages.flatMap((text) => [
        { text, lang: detectLanguage(text).lang },
        ...LANGUAGES.map((lang) => ({ text, lang })),
      ]),
    );
    expect(cut).toBeGreaterThan(200);
    expect(read).toBeLessThan(cut / 10);
  });

  it('are read alone when something joins across a sentence end', () => {
    for (const text of ['version 1;2 works. and then', 'abc. \u0301def', '1;2'])
      for (const lang of LANGUAGES) check([{ text, lang }]);
    expect(
      analyzer.termsOfParts('a 1;2 b', analyzer.terms('a 1;2 b', 'en'), ['a 1', '2 b'], 'en'),
    ).toBeUndefined();
  });
});
