/**
 * Finds the phrases of a fixed list inside a text and replaces them, exactly as one regular
 * expression of them all, longest first, does (`/(?<!L)phrase(?!L)|…/gu`, L a Latin letter or
 * a digit, the guards only at a phrase's Latin edges; a phrase ending in katakana is not followed
 * by the long-vowel mark ー, so "ユーザ" is not found inside "ユーザー"): scanning left to right, the first position
 * where a phrase fits wins, and there the longest phrase whose edges fit; the scan goes on after it.
 *
 * The regular expression tried each of hundreds of alternatives (synonyms, small talk) at every
 * character of a message: folding a long message's synonyms cost more than scoring it. A trie of
 * the phrases costs a lookup per character, and a walk only where a phrase starts.
 */
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;

interface TrieNode {
  next: Map<number, TrieNode>;
  /**
   * The phrase that ends here; whether its last character is Latin (a guarded edge), and whether
   * it is katakana (a katakana word goes on with ー).
   */
  end?: { phrase: string; guarded: boolean; kana: boolean };
}

const KATAKANA_END = /[\p{Script=Katakana}ー]$/u;
const LONG_VOWEL = 0x30fc;

const asciiLatinOrDigit = (unit: number) =>
  (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);

/** The same test as the regular expression's guard, without a call for plain ASCII. */
function latinOrDigit(codePoint: number): boolean {
  return codePoint < 0x80
    ? asciiLatinOrDigit(codePoint)
    : LATIN_OR_DIGIT.test(String.fromCodePoint(codePoint));
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The code point that ends just before `at` (a surrogate pair read whole, as a /u lookbehind does). */
function codePointBefore(text: string, at: number): number {
  const unit = text.charCodeAt(at - 1);
  return isLow(unit) && at >= 2 && isHigh(text.charCodeAt(at - 2)) ? text.codePointAt(at - 2)! : unit;
}

export class Literals {
  private readonly root: TrieNode = { next: new Map() };
  /** One bit per UTF-16 unit some phrase starts with: most characters are ruled out without a lookup. */
  private readonly starts = new Uint8Array(0x10000 / 8);

  /** Empty phrases are left out: they would match between every two characters. */
  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      if (!phrase) continue;
      const first = phrase.charCodeAt(0);
      this.starts[first >> 3]! |= 1 << (first & 7);
      let node = this.root;
      for (let k = 0; k < phrase.length; k++) {
        const unit = phrase.charCodeAt(k);
        let next = node.next.get(unit);
        if (!next) node.next.set(unit, (next = { next: new Map() }));
        node = next;
      }
      node.end = {
        phrase,
        guarded: LATIN_OR_DIGIT.test(phrase[phrase.length - 1]!),
        kana: KATAKANA_END.test(phrase),
      };
    }
  }

  /** `text` with every phrase found replaced by `replacement(phrase)`, called in text order. */
  replace(text: string, replacement: (phrase: string) => string): string {
    let out = '';
    let copied = 0;
    let at = 0;
    while (at < text.length) {
      // Inside a Latin word nothing starts: a phrase starting with a letter must not follow one.
      if (at > 0 && asciiLatinOrDigit(text.charCodeAt(at)) && asciiLatinOrDigit(text.charCodeAt(at - 1))) {
        at++;
        continue;
      }
      const found = this.longestAt(text, at);
      if (found) {
        out += text.slice(copied, at) + replacement(found);
        at = copied = at + found.length;
      } else at += isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** The longest phrase that starts at `at` with both edges fitting, if any. */
  private longestAt(text: string, at: number): string | undefined {
    const first = text.charCodeAt(at);
    if (!(this.starts[first >> 3]! & (1 << (first & 7)))) return undefined;
    let node = this.root.next.get(first);
    if (!node) return undefined;
    // Every phrase starting here starts with this character: one guard for them all.
    if (latinOrDigit(text.charCodeAt(at)) && at > 0 && latinOrDigit(codePointBefore(text, at)))
      return undefined;
    let found: string | undefined;
    for (let k = at + 1; ; k++) {
      const end = node.end;
      if (
        end &&
        !(end.guarded && k < text.length && latinOrDigit(text.codePointAt(k)!)) &&
        !(end.kana && text.charCodeAt(k) === LONG_VOWEL)
      )
        found = end.phrase;
      if (k >= text.length) break;
      const next = node.next.get(text.charCodeAt(k));
      if (!next) break;
      node = next;
    }
    return found;
  }
}
