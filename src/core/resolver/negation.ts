/**
 * Words said in denial: "no ADFS, no custom domain", "我们没用自己的域名", "ADFSは使っていない".
 * A clarifying topic's options are told apart by the rest of the message ("Server is temporarily
 * unavailable" and a custom domain, or ADFS); a cause the person says they do not have is no
 * evidence for it. The cues are content (`negation` in `locales/<lang>/lexicon.json`): `before`
 * cues deny what follows them up to the end of the clause ("no", "without", "没有"), `after`
 * cues deny what comes before them in the sentence ("都没动过", "は使っていない").
 *
 * Only the options' choice reads this: "the SRV record is not there" is evidence for DNS, and
 * a topic's own text says "not licensed" and "not SIP enabled".
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Term } from '../text/analyzer.js';
import { fold } from '../text/fold.js';

/** A `before` cue's denial ends at the clause's end (a list's comma included). */
const CLAUSE_END = /[,，、。.;；:：!?！？\n]/u;
/** An `after` cue's denial starts at the sentence's or the previous clause's start, not inside a list. */
const CLAUSE_START = /[,，。.;；:：!?！？\n]/u;
const LATIN = /^[a-z0-9' -]+$/;
/** How many words next to a cue it denies. */
const REACH = 3;

interface Cue {
  text: string;
  /** A Latin cue is a whole word: "no" is not in "know". */
  latin: boolean;
}

export class Denials {
  private readonly before = new Map<Lang, Cue[]>();
  private readonly after = new Map<Lang, Cue[]>();

  constructor(
    pack: KnowledgePack,
    /** Which cues: denial (`negation`), or that something works (`working`, same reading). */
    private readonly list: 'negation' | 'working' = 'negation',
  ) {
    const cues = (list: string[] | undefined, lang: Lang): Cue[] =>
      (list ?? [])
        .map((c) => fold(c, lang).trim())
        .filter(Boolean)
        .map((text) => ({ text, latin: LATIN.test(text) }));
    for (const lang of LANGUAGES) {
      const found = pack.lexicon(lang)[list];
      this.before.set(lang, cues(found?.before, lang));
      this.after.set(lang, cues(found?.after, lang));
    }
  }

  /** The terms of the message that are said in denial. */
  terms(clean: string, lang: Lang, read: (text: string, lang: Lang) => Term[]): Set<string> {
    const text = fold(clean, lang);
    const denied = new Set<string>();
    // A denial reaches the few words next to its cue: "no lyncdiscover or sip CNAME in our DNS
    // zone" denies the records it names, not the DNS the rest of the clause is about.
    const add = (span: string, from: 'start' | 'end') => {
      if (!span.trim()) return;
      const words = read(span, lang).filter((t) => t.kind !== 'bigram');
      const near = from === 'start' ? words.slice(0, REACH) : words.slice(-REACH);
      for (const t of near) denied.add(t.text);
      // Han text is also read as character pairs: those inside the words reached go too.
      for (const t of read(near.map((w) => w.text).join(' '), lang)) denied.add(t.text);
    };
    for (const cue of this.before.get(lang) ?? [])
      for (const at of this.occurrences(text, cue)) {
        const rest = text.slice(at + cue.text.length);
        const end = rest.search(CLAUSE_END);
        add(end < 0 ? rest : rest.slice(0, end), 'start');
      }
    for (const cue of this.after.get(lang) ?? [])
      for (const at of this.occurrences(text, cue)) {
        const head = text.slice(0, at);
        let start = -1;
        for (let i = head.length - 1; i >= 0; i--)
          if (CLAUSE_START.test(head[i]!)) {
            start = i;
            break;
          }
        add(head.slice(start + 1), 'end');
      }
    return denied;
  }

  /**
   * Where a cue is said. A Han cue that something works, right after a negation ("不能用",
   * "沒能用"), says the opposite and is skipped.
   */
  private occurrences(text: string, cue: Cue): number[] {
    const found = occurrences(text, cue);
    if (this.list !== 'working' || cue.latin) return found;
    return found.filter((at) => !NEGATED_HAN.test(text[at - 1] ?? ''));
  }
}

/** The characters that negate the Han word after them. */
const NEGATED_HAN = /[不没沒无無未别別]/u;

function occurrences(text: string, cue: Cue): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(cue.text); at >= 0; at = text.indexOf(cue.text, at + 1)) {
    if (cue.latin) {
      const before = text[at - 1];
      const after = text[at + cue.text.length];
      if ((before && /[a-z0-9]/.test(before)) || (after && /[a-z0-9]/.test(after))) continue;
    }
    found.push(at);
  }
  return found;
}
