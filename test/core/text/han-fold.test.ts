import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/core/knowledge/load.js';
import { foldHan } from '../../../src/core/text/han.js';

/** foldHan as it was first written: every character looked up, the result built one at a time. */
function reference(text: string, japanese: boolean): string {
  const probe = (ch: string) => foldHan(ch, japanese);
  let out = '';
  for (const ch of text) out += probe(ch);
  return out;
}

describe('foldHan copies what it does not fold', () => {
  it('folds the development messages as character by character', () => {
    const files = [
      join(projectRoot(), '..', 'shared', 'eval', 'dev.jsonl'),
      join(projectRoot(), 'test', 'fixtures', 'holdout.jsonl'),
      join(projectRoot(), 'test', 'fixtures', 'chat-dev.jsonl'),
    ];
    const texts = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
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
