/**
 * The lexicon: per-language stop words and synonym groups, edited by content authors in
 * `locales/<lang>/lexicon.json`.
 *
 * Synonym groups are merged across languages into equivalence classes (a variant that two
 * groups share joins them), so that every spelling in a class rewrites to one representative.
 * The same rewrite runs over the knowledge and over the user's message, which is what makes
 * "log in", "login", "sign-on" and "signin" the same word to the matcher.
 */
import type { Lang } from '../i18n/languages.js';
import { fold } from './fold.js';
import { Literals } from './literals.js';

export interface LexiconSource {
  stopwords: string[];
  synonyms: Record<string, string[]>;
}

const LATIN_ONLY = /^[a-z0-9][a-z0-9 .-]*$/;

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

export class Lexicon {
  readonly stopwords: ReadonlySet<string>;
  private readonly rewrite: Map<string, string>;
  /** Every variant, found as whole Latin words ("pw" not inside "pwd"), CJK anywhere (see literals.ts). */
  private readonly variants: Literals;

  constructor(sources: Partial<Record<Lang, LexiconSource>>) {
    const stop = new Set<string>();
    const classes = new UnionFind();
    const members = new Set<string>();
    const canonicals: string[] = [];
    for (const [lang, source] of Object.entries(sources) as [Lang, LexiconSource][]) {
      for (const word of source.stopwords) stop.add(fold(word, lang).trim());
      for (const [canonical, variants] of Object.entries(source.synonyms)) {
        const c = fold(canonical, lang).trim();
        members.add(c);
        canonicals.push(c);
        classes.find(c);
        for (const v of variants) {
          const folded = fold(v, lang).trim();
          if (!folded) continue;
          members.add(folded);
          classes.union(c, folded);
        }
      }
    }
    this.stopwords = stop;
    // One representative per class. A Latin canonical form is preferred: classes join across
    // languages ("password" is a variant in the Chinese lexicon too), and a Latin representative
    // stays one word in every language instead of turning English text into Han characters.
    const byRoot = new Map<string, string[]>();
    for (const m of [...canonicals, ...members]) {
      const root = classes.find(m);
      const list = byRoot.get(root) ?? [];
      if (!list.includes(m)) list.push(m);
      byRoot.set(root, list);
    }
    const representative = new Map<string, string>();
    for (const [root, list] of byRoot) {
      const latin =
        list.find((m) => canonicals.includes(m) && LATIN_ONLY.test(m)) ??
        list.find((m) => LATIN_ONLY.test(m));
      representative.set(root, latin ?? list[0] ?? root);
    }
    this.rewrite = new Map();
    for (const m of members) {
      const rep = representative.get(classes.find(m))!;
      if (rep !== m) this.rewrite.set(m, rep);
    }
    // Latin variants must match whole Latin words ("pw" not inside "pwd"), but a CJK character
    // next to one is a boundary ("skypeに"). CJK variants match anywhere: there are no spaces.
    this.variants = new Literals(this.rewrite.keys());
  }

  /** Rewrites every synonym variant in already-folded text to its class representative. */
  normalize(folded: string): string {
    // A Latin representative is padded with spaces so that it stays a word of its own inside
    // CJK text ("サインインできません" → " signin  cannot ", not "signincannot").
    return this.variants.replace(folded, (m) => {
      const rep = this.rewrite.get(m) ?? m;
      return LATIN_ONLY.test(rep) ? ` ${rep} ` : rep;
    });
  }

  isStopword(token: string): boolean {
    return this.stopwords.has(token);
  }
}
