/** The phrasings `kb suggest` draws from what people asked: short, redacted, new. */
import { describe, expect, it } from 'vitest';
import { derivePhrasings } from '../../../src/core/outcomes/phrasings.js';
import { realPack, realResolver } from '../../helpers/pack.js';

const resolver = realResolver();
const { analyzer, idf } = resolver.index;
const everyday = (term: string) => (idf.get(term) ?? Infinity) < Math.log(3);

describe('phrasings drawn from questions', () => {
  it("keeps the clause that names the problem, not the whole chatty message, and leaves the product's name out", () => {
    const questions = [
      'hi team!! quick one, skype hates my time zone since the trip. any idea?',
      'skype hates my time zone',
    ];
    expect(derivePhrasings(questions, 'en', analyzer, [], everyday)).toEqual([
      'hates my time zone since the trip',
      'hates my time zone',
    ]);
  });

  it('gives nothing from a question whose password was redacted', () => {
    const questions = ['my pw: [redacted] stopped working on the new laptop'];
    expect(derivePhrasings(questions, 'en', analyzer, [], everyday)).toEqual([]);
  });

  it('drops what the topic already has (the same words in any order) and repeats', () => {
    const known = realPack().phrasings('forgotten-password', 'en');
    const questions = [known[0]!, known[0]!.toUpperCase(), 'forgot the password again after the holiday'];
    expect(derivePhrasings(questions, 'en', analyzer, known, everyday)).toEqual([
      'forgot the password again after the holiday',
    ]);
  });

  it('keeps Japanese and Chinese clauses short, without the Latin product name', () => {
    expect(derivePhrasings(['Skype 跟时区过不去，怎么办？'], 'zh-CN', analyzer, [], everyday)).toEqual([
      '跟时区过不去',
    ]);
    const long = 'きのうから会社のパソコンでもうずっとサインインの画面から先に進めなくて本当に困っています';
    expect(derivePhrasings([long], 'ja', analyzer, [], everyday)).toEqual([]);
  });
});
