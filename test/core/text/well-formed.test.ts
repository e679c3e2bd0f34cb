import { describe, expect, it } from 'vitest';
import { wellFormed, wellFormedFields } from '../../../src/core/text/well-formed.js';

describe('wellFormed', () => {
  it('replaces lone surrogates and keeps paired ones', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormed('a\udc00b')).toBe('a\ufffdb');
    expect(wellFormed('end\ud83d')).toBe('end\ufffd');
    expect(wellFormed('ok 😀 \ud83d\ude00')).toBe('ok 😀 😀');
  });

  it('drops NUL, terminal controls and bidi overrides, keeps tabs, new lines and joiners', () => {
    expect(wellFormed('a\u0000b\u001b[2Jc\u0085d\u007f')).toBe('ab[2Jcd');
    expect(wellFormed('x\u202egnp.exe\u2066y\u2069')).toBe('xgnp.exey');
    expect(wellFormed('a\tb\nc\r\nd 👨‍💻 ︎')).toBe('a\tb\nc\r\nd 👨‍💻 ︎');
    expect(wellFormed('サインイン\ufffe')).toBe('サインイン');
  });

  it('cleans every string of a form and drops what is not a string', () => {
    expect(wellFormedFields({ error: 'x\u0000y', os: 'win\ud800', n: 3, o: null })).toEqual({
      error: 'xy',
      os: 'win\ufffd',
    });
  });
});
