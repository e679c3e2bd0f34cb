/**
 * Short phrases found inside a message: small talk ("thanks!", "こんにちは"), follow-ups ("still
 * failing", "还是不行") and commands ("I need to talk to a person"). A phrase matches whole
 * Latin words (CJK has no spaces: anywhere); what is left of the message after the phrases is
 * returned, so the caller can tell "thanks!" from "thanks, but the error is still there".
 */
import { fold } from '../text/fold.js';
import { Literals } from '../text/literals.js';

export interface PhraseHit<T> {
  value: T;
  /** The message with every matched phrase removed, folded. */
  rest: string;
}

/** Folded for matching: width, case, punctuation and repeated spaces do not matter. */
export function foldPhrase(text: string): string {
  return fold(text, 'en')
    .replace(/'/g, '') // "let's" is one word, as the analyzer reads it
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class PhraseMatcher<T> {
  private readonly phrases: Literals;
  private readonly values = new Map<string, T>();

  constructor(phrases: Iterable<[string, T]>) {
    for (const [phrase, value] of phrases) {
      const p = foldPhrase(phrase);
      if (p && !this.values.has(p)) this.values.set(p, value);
    }
    // Longest first, so "good morning" wins over "morning" (see literals.ts).
    this.phrases = new Literals(this.values.keys());
  }

  /** The first phrase found in `text` (by position), and the text without any of them. */
  find(text: string): PhraseHit<T> | undefined {
    return this.findFolded(foldPhrase(text));
  }

  /**
   * The same, for text already folded with `foldPhrase` (one fold for several matchers). With
   * `last`, the last phrase found is the value: "ok bye" is a goodbye, "ok thanks" thanks.
   */
  findFolded(folded: string, which: 'first' | 'last' = 'first'): PhraseHit<T> | undefined {
    let found: T | undefined;
    const rest = this.phrases.replace(folded, (m) => {
      const value = this.values.get(m);
      if (which === 'last' || found === undefined) found = value;
      return ' ';
    });
    return found === undefined ? undefined : { value: found, rest: rest.replace(/\s+/g, ' ').trim() };
  }
}
