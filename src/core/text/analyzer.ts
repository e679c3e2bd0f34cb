/**
 * The analyzer turns text into matching terms, the same way for the knowledge and for a message.
 *
 *   text → fold (NFKC, case, Han script) → synonyms → words (Intl.Segmenter) → terms
 *
 * - Latin words are stemmed (Porter), stop words dropped, and dotted names such as
 *   `msoidsvc.exe` kept whole and also split into their parts.
 * - Japanese and Chinese have no spaces: `Intl.Segmenter` finds the words, and runs of Han
 *   characters also yield overlapping character pairs (bigrams), which still match when the
 *   segmenter cuts a phrase differently than the knowledge text was cut.
 */
import { stemmer } from 'stemmer';
import type { Lang } from '../i18n/languages.js';
import { asciiWords } from './ascii-words.js';
import { fold } from './fold.js';
import { type Reading, partsOf } from './parts.js';
import type { Lexicon } from './lexicon.js';
import { CJK, KATAKANA_RUN } from './scripts.js';

/** `compound`: a dotted or @-joined name kept whole; its parts are terms of their own too. */
export type TermKind = 'word' | 'compound' | 'bigram';

export interface Term {
  text: string;
  kind: TermKind;
  /** True when the term could be typo-corrected (a Latin word long enough to misspell). */
  fuzzy: boolean;
}

/** Where terms go: an array, or a check that stops reading at the first term it is looking for. */
interface Sink {
  push(term: Term): unknown;
}

const segmenters = {
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
  zh: new Intl.Segmenter('zh', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
};

const ONLY_HIRAGANA = /^\p{Script=Hiragana}+$/u;
const NON_HAN = /[^\p{Script=Han}]+/u;
const NON_HAN_END = /[^\p{Script=Han}]$/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}._@\\-]*$/u;

/**
 * A Windows account typed as DOMAIN\user ("CONTOSO\jsmith", "zzrail\wangjun"): whatever the
 * names, it is one thing, the user name in the domain format, read as one term. Not a folder
 * path ("AppData\Local\Microsoft": a part next to another backslash) nor a security id
 * ("RSA\S-1-5-21...").
 */
const ACCOUNT =
  /(?<![\\\p{L}\p{N}%_.-])[a-z][a-z0-9-]{1,15}\\(?!s-1-)[a-z0-9][a-z0-9._-]{0,30}(?![\\\p{L}\p{N}_-])/gu;

/** Latin words whose terms are remembered: chat repeats its words, and stemming one is not free. */
const REMEMBERED_WORDS = 10_000;

export class Analyzer {
  /** The terms of each Latin word read lately (frozen: every caller shares them). */
  private readonly latinTerms = new Map<string, readonly Term[]>();
  /** Where the terms `terms` returned come from, to cut a message's sentences out of them. */
  private readonly readings = new WeakMap<Term[], Reading>();

  constructor(private readonly lexicon: Lexicon) {}

  /** Folded, synonym-normalized text: the form both the index and the matcher read. */
  prepare(text: string, lang: Lang): string {
    return this.lexicon.normalize(fold(text, lang).replace(ACCOUNT, ' domainuser '));
  }

  terms(text: string, lang: Lang): Term[] {
    const out: Term[] = [];
    const at: number[] = [];
    const read = this.read(text, lang, out, () => false, at);
    this.readings.set(out, { at, read });
    return out;
  }

  /**
   * The terms of each of `parts` (the sentences of `text`, in order), cut out of `terms(text)`
   * instead of segmenting each again; undefined when they cannot be shown to be `terms(part)`
   * (see parts.ts), and the parts are read one by one.
   */
  termsOfParts(text: string, whole: Term[], parts: string[], lang: Lang): Term[][] | undefined {
    const reading = this.readings.get(whole);
    return reading && partsOf(text, whole, reading, parts, (piece) => this.prepare(piece, lang));
  }

  /**
   * True when some term of `text` passes `test`, the terms read in the order `terms` lists them.
   * Reading stops at the first that does: a check decided by a long message's first words does
   * not segment the rest (segmenting is most of the analyzer's cost).
   */
  some(text: string, lang: Lang, test: (term: Term) => boolean): boolean {
    let found = false;
    const sink = { push: (term: Term) => (found ||= test(term)) };
    this.read(text, lang, sink, () => found);
    return found;
  }

  /**
   * Sends the terms of `text` to `out`, in order, until `done` says enough were read; `at` gets
   * where each one's word starts in the text segmented, which is returned (a katakana run: -1).
   */
  private read(text: string, lang: Lang, out: Sink, done: () => boolean, at?: number[]): string {
    const prepared = this.prepare(text, lang);
    const read = prepared.replace(/'/g, '');
    let pos = 0;
    const sink: Sink = at ? { push: (term: Term) => (at.push(pos), out.push(term)) } : out;
    const starts: number[] = [];
    const english = lang === 'en' ? asciiWords(read, starts) : undefined;
    if (english) {
      // Plain ASCII English: no CJK word, pair or katakana run; the words ICU would cut, cut
      // without it (see ascii-words.ts).
      for (let i = 0; i < english.length; i++) {
        if (done()) return read;
        pos = starts[i]!;
        if (LATIN_WORD.test(english[i]!)) this.latinWord(english[i]!, sink);
      }
      return read;
    }
    const segmenter = lang === 'ja' ? segmenters.ja : lang === 'en' ? segmenters.en : segmenters.zh;
    // Bigrams run over the Han text of the words kept: a stop word or a non-Han word breaks the run,
    // so fillers (一直, 是不是) never make pairs with the words around them.
    let run = '';
    let runAt = 0;
    const flush = () => {
      const chars = [...run];
      pos = runAt;
      for (let i = 0; i + 1 < chars.length; i++)
        sink.push({ text: chars[i]! + chars[i + 1]!, kind: 'bigram', fuzzy: false });
      run = '';
    };
    for (const { segment, index, isWordLike } of segmenter.segment(read)) {
      if (done()) return read;
      pos = index;
      if (isWordLike && CJK.test(segment) && this.cjkWord(segment, sink)) {
        for (const piece of segment.split(NON_HAN)) {
          if (!piece) flush();
          else {
            if (!run) runAt = index;
            run += piece;
          }
        }
        if (NON_HAN_END.test(segment)) flush();
        continue;
      }
      flush();
      pos = index;
      if (isWordLike && LATIN_WORD.test(segment)) this.latinWord(segment, sink);
    }
    flush();
    // ICU cuts some katakana loanwords (サインイン → サイン|イン); the whole run is a term too.
    pos = -1;
    for (const m of prepared.matchAll(KATAKANA_RUN)) {
      if (done()) return read;
      sink.push({ text: m[0], kind: 'word', fuzzy: false });
    }
    return read;
  }

  /** Adds a CJK word unless it is a stop word; says whether it was kept. */
  private cjkWord(segment: string, out: Sink): boolean {
    if (this.lexicon.isStopword(segment)) return false;
    // Short hiragana segments are particles and inflections (に, が, ます), not topic words.
    if (ONLY_HIRAGANA.test(segment) && segment.length <= 2) return false;
    out.push({ text: segment, kind: 'word', fuzzy: false });
    return true;
  }

  private latinWord(segment: string, out: Sink): void {
    let terms = this.latinTerms.get(segment);
    if (!terms) {
      if (this.latinTerms.size >= REMEMBERED_WORDS) this.latinTerms.clear();
      this.latinTerms.set(segment, (terms = this.readLatinWord(segment).map((t) => Object.freeze(t))));
    }
    for (const term of terms) out.push(term);
  }

  private readLatinWord(segment: string): Term[] {
    const word = segment.replace(/^[._@\\-]+|[._@\\-]+$/g, '');
    if (!word || this.lexicon.isStopword(word)) return [];
    const parts = word.split(/[._@\\-]+/).filter(Boolean);
    if (parts.length > 1) {
      const out: Term[] = [{ text: word, kind: 'compound', fuzzy: false }];
      for (const part of parts) {
        if (!this.lexicon.isStopword(part) && part.length > 1) out.push(this.latinTerm(part));
      }
      return out;
    }
    return [this.latinTerm(word)];
  }

  private latinTerm(word: string): Term {
    if (/^\d+$/.test(word)) return { text: word, kind: 'word', fuzzy: false };
    const stem = stemmer(word);
    return { text: stem, kind: 'word', fuzzy: stem.length >= 5 };
  }
}
