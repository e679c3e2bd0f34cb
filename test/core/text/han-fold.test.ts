import { describe, expect, it } from 'vitest';
import { foldHan } from '../../../src/core/text/han.js';
import { developmentMessages } from '../../helpers/dev-messages.js';

/** foldHan as it was first written: every character looked up, the result built one at a time. */
function reference(text: string, japanese: boolean): string {
  const probe = (ch: string) => foldHan(ch, japanese);
  let out = '';
  for (const ch of text) out += probe(ch);
  return out;
}

describe('foldHan copies what it does not fold', () => {
  it('folds the development messages as character by character', () => {
    const texts = developmentMessages();
    for (const text of texts)
      for (const japanese of [true, false]) expect(foldHan(text, japanese)).toBe(reference(text, japanese));
  });

  it('keeps surrogate pairs, lone surrogates and text with nothing to fold', () => {
    const text = 'a𠀋b\ud840x\udc0by 證書 登錄 続く 😀';
    for (const japanese of [true, false]) expect(foldHan(text, japanese)).toBe(reference(text, japanese));
    const plain = 'plain ASCII, kana かな';
    expect(foldHan(plain, false)).toBe(plain);
  });
});
