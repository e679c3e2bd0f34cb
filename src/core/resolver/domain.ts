/**
 * Whether a message is about this product's sign-in at all: it names the product ("Skype for
 * Business", "Lync", "商務用 Skype") or signing in ("log in", "サインイン", "登不上"). The words
 * are content, `domain` in `locales/<lang>/lexicon.json`, read through the analyzer so that every
 * synonym of a word counts ("sfb", "s4b", "logged into").
 *
 * "Did you mean" with sign-in topics is only offered to a message that is about the domain: a
 * printer, an Exchange migration or a Teams licence shares generic words with the topics
 * ("password", "offline", "licence"), and sign-in fixes would send that person the wrong way.
 * The same reading finds this product's own names (`product`) and other products' (`elsewhere`):
 * "the iPad clock", "my Teams licence", "can't sign in to Teams".
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Analyzer, Term } from '../text/analyzer.js';

export class DomainWords {
  /** Each domain word as the analyzer reads it: all of its terms must be in the message. */
  private readonly words: string[][] = [];
  /** Each word's first term: a message without any of them says none of the words. */
  private readonly starts = new Set<string>();

  constructor(
    pack: KnowledgePack,
    analyzer: Analyzer,
    /** The message's terms: the scorer's, read once per message (see Scorer.terms). */
    private readonly terms: (text: string, lang: Lang) => Term[] = (text, lang) => analyzer.terms(text, lang),
    /** Which lexicon list: this product's words, or other products' (`elsewhere`). */
    list: 'domain' | 'elsewhere' | 'product' | 'systems' = 'domain',
    /** Whether a word, as its terms, is kept (another product's name the pack's own topics use is not). */
    keep: (terms: string[]) => boolean = () => true,
  ) {
    const seen = new Set<string>();
    for (const lang of LANGUAGES)
      for (const word of pack.lexicon(lang)[list] ?? []) {
        const terms = analyzer.terms(word, lang);
        // A word the lexicon knows is one term; Han text it does not know is read as its pairs.
        const whole = terms.filter((t) => t.kind !== 'bigram').map((t) => t.text);
        const needed = whole.length ? whole : terms.map((t) => t.text);
        const key = needed.join(' ');
        if (needed.length && !seen.has(key) && keep(needed)) {
          seen.add(key);
          this.words.push(needed);
          this.starts.add(needed[0]!);
        }
      }
  }

  /** True when the message names the product or signing in, in any of its spellings. */
  says(clean: string, lang: Lang): boolean {
    return this.found(clean, lang).length > 0;
  }

  /** The words the message names, each as the analyzer reads it (its terms). */
  found(clean: string, lang: Lang): string[][] {
    const read = this.terms(clean, lang);
    // Most messages hold none of the words: no set is built for them (this runs on every fix).
    if (!read.some((t) => this.starts.has(t.text))) return [];
    const terms = new Set(read.map((t) => t.text));
    return this.words.filter((word) => word.every((t) => terms.has(t)));
  }
}
