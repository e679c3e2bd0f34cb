import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary } from '../../../src/core/resolver/fuzzy.js';

describe('FuzzyVocabulary', () => {
  const vocab = new FuzzyVocabulary(['certif', 'propag', 'msoidsvc', 'synchron', 'address']);

  it('corrects a misspelling to the closest word of the same start and similar length', () => {
    expect(vocab.correct('adress')?.term).toBe('address');
    expect(vocab.correct('msoidsv')?.term).toBe('msoidsvc');
    expect(vocab.correct('certfi')?.term).toBe('certif');
  });

  it('rates the correction below an exact match', () => {
    const fix = vocab.correct('adress');
    expect(fix?.similarity).toBeLessThan(1);
    expect(fix?.similarity).toBeGreaterThan(0.5);
  });

  it('answers a word it has seen from memory, the same as the first time, misses too', () => {
    const fresh = new FuzzyVocabulary(['certif', 'propag', 'address']);
    const first = fresh.correct('adress');
    expect(fresh.correct('adress')).toEqual(first);
    expect(fresh.correct('printer')).toBeUndefined();
    expect(fresh.correct('printer')).toBeUndefined();
    // Past its bound the memory lets the oldest words go, and answers stay the same.
    for (let i = 0; i < 10_050; i++) fresh.correct(`word${i}`);
    expect(fresh.correct('adress')).toEqual(first);
  });

  it('leaves unrelated words alone', () => {
    expect(vocab.correct('printer')).toBeUndefined();
    expect(vocab.correct('zzzzzz')).toBeUndefined();
  });
});
