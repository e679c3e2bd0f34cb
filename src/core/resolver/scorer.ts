/**
 * Scores a message against every document of the index and adds the scores up by topic.
 *
 * Rare words find the candidate documents through their postings; everyday words only add to
 * documents already found, so the cost per message stays flat as the pack grows. A topic's score
 * is its strongest evidence plus a share of the next (see scoring.ts), lowered when the topic
 * explains little of the message with little specific evidence.
 */
import type { Lang } from '../i18n/languages.js';
import type { Term } from '../text/analyzer.js';
import type { ResolverIndex } from './index.js';
import { intersect } from './postings.js';
import { combine, fieldScore, type Field } from './scoring.js';
import type { ResolverSettings } from './settings.js';
import { DocTally } from './tally.js';

/** A message's terms and their weights (IDF, or less for a corrected typo). */
export type Weights = Map<string, number>;

export interface Scored {
  topic: string;
  score: number;
  /** The best score of each kind of document of the topic (0: none matched). */
  fields: Record<Field, number>;
  /** Share of the message's weight the topic's whole text explains. */
  coverage: number;
  /** Sum of the weights of the message's terms that the topic knows. */
  evidence: number;
}

const noFields = (): Record<Field, number> => ({ error: 0, alias: 0, title: 0, description: 0, bag: 0 });

/** A message of everyday words all found together in more documents than this is too general to answer. */
const GENERIC_ABOVE = 1024;
/** Above this many candidate documents, the weakest are dropped before scoring... */
const PRUNE_ABOVE = 256;
/** ...those sharing less than this share of the best document's weight. */
const PRUNE_SHARE = 0.34;
/** At most this many documents, the best scoring, are added up by topic. */
const SCORE_AT_MOST = 256;
/** Texts whose terms are kept at most (a long message's sentences). */
const READ_AT_MOST = 64;
const readKey = (text: string, lang: Lang) => `${lang}\u0000${text}`;

type Settings = Pick<ResolverSettings, 'unknownWord' | 'coverageNeeded' | 'evidenceNeeded'>;

export class Scorer {
  /** The terms of the texts read for the message being answered (see `terms`). */
  private readonly read = new Map<string, Term[]>();
  /** Reused for every message: the scorer answers one message at a time. */
  private readonly tally: DocTally;

  constructor(
    readonly index: ResolverIndex,
    private readonly settings: Settings,
  ) {
    this.tally = new DocTally(index.docs.length);
  }

  /**
   * The analyzer's terms, kept for the message being answered: the whole message, its sentences
   * and what is left around a phrase are each read once, though scoring and the checks after it
   * read them again (segmenting is most of the cost of a long message).
   */
  terms(text: string, lang: Lang): Term[] {
    const key = readKey(text, lang);
    let terms = this.read.get(key);
    if (!terms) {
      if (this.read.size >= READ_AT_MOST) this.read.clear();
      this.read.set(key, (terms = this.index.analyzer.terms(text, lang)));
    }
    return terms;
  }

  /**
   * Keeps the terms of a message's sentences, cut out of the message's own terms when that
   * gives exactly what reading each would (see text/parts.ts): a long Japanese or Chinese
   * message is then segmented once, not twice.
   */
  readParts(text: string, parts: string[], lang: Lang): void {
    const whole = this.read.get(readKey(text, lang));
    if (!whole || this.read.size + parts.length > READ_AT_MOST) return;
    const terms = this.index.analyzer.termsOfParts(text, whole, parts, lang);
    if (terms) parts.forEach((part, i) => this.read.set(readKey(part, lang), terms[i]!));
  }

  /** A new message: the texts read for the last one are forgotten. */
  forget(): void {
    this.read.clear();
  }

  /** The message's terms with their weights, typos corrected; `total` includes unknown words. */
  weigh(clean: string, lang: Lang): { weights: Weights; total: number } {
    const index = this.index;
    const weights: Weights = new Map();
    let total = 0;
    const seen = new Set<string>();
    for (const term of this.terms(clean, lang)) {
      if (seen.has(term.text)) continue;
      seen.add(term.text);
      const idf = index.idf.get(term.text);
      if (idf !== undefined) {
        weights.set(term.text, idf);
        total += idf;
        continue;
      }
      const fix = term.fuzzy ? index.fuzzy.correct(term.text) : undefined;
      if (fix) {
        if (weights.has(fix.term)) continue;
        const w = (index.idf.get(fix.term) ?? 0) * fix.similarity;
        weights.set(fix.term, w);
        total += w;
      } else if (term.kind === 'word') {
        // A word no topic uses explains nothing and lowers every topic's precision. A bare
        // number says less than a word. (Unknown character pairs are fragments, and an unknown
        // compound such as an email address is judged by its parts.)
        const unknown = index.unknownWeight * this.settings.unknownWord;
        total += /^\d+$/.test(term.text) ? unknown / 2 : unknown;
      }
    }
    return { weights, total };
  }

  /** Every topic the weighted terms touch, with its score (uncapped) and its evidence. */
  score(weights: Weights, total: number): Scored[] {
    if (total === 0) return [];
    const matched = this.candidates(weights);
    if (!matched) return [];
    // Each document's own score is cheap to compute; adding it up by topic is not. When hundreds
    // of documents are left (a message of everyday words), only the best of them are added up:
    // a document scoring below hundreds of others cannot carry its topic to the top.
    const docs = matched.docs;
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      const doc = this.index.docs[docs[i]!]!;
      const w = matched.sum(docs[i]!);
      scores[i] = doc.weight * fieldScore(doc.field, Math.min(1, w / doc.norm), Math.min(1, w / total));
    }
    const kept = docs.length > SCORE_AT_MOST ? this.strongest(docs, scores) : undefined;
    const perTopic = new Map<string, Scored>();
    for (let i = 0; i < docs.length; i++) {
      if (kept && !kept[i]) continue;
      const doc = this.index.docs[docs[i]!]!;
      const w = matched.sum(docs[i]!);
      const s = scores[i]!;
      let tally = perTopic.get(doc.topic);
      if (!tally)
        perTopic.set(
          doc.topic,
          (tally = { topic: doc.topic, fields: noFields(), coverage: 0, evidence: 0, score: 0 }),
        );
      if (s > tally.fields[doc.field]) tally.fields[doc.field] = s;
      if (doc.field === 'bag') {
        tally.coverage = Math.min(1, w / total);
        tally.evidence = w;
      }
    }
    const { coverageNeeded, evidenceNeeded } = this.settings;
    const scored = [...perTopic.values()];
    for (const t of scored) {
      // However well one phrase matches, a topic that explains little of the message, with
      // little specific evidence, is not trusted: "where is the Wi-Fi password" shares one word with
      // "forgotten password" and nothing else. A long message full of context words still counts
      // when the words the topic explains are specific enough (a KB number, "msoidsvc", "license").
      const trust = Math.min(1, Math.max(t.coverage / coverageNeeded, t.evidence / evidenceNeeded));
      const f = t.fields;
      t.score = combine([f.error, f.alias, f.title, f.description, f.bag]) * trust;
    }
    return scored;
  }

  /**
   * The candidate documents and the weight of the message's terms each holds, or undefined when
   * the message is made of words too general to point anywhere.
   */
  private candidates(weights: Weights): DocTally | undefined {
    const index = this.index;
    // Rare terms find the candidate documents; common ones only add to documents already found.
    const matched = this.tally;
    matched.reset();
    const common: [string, number][] = [];
    for (const [term, w] of weights) {
      const list = index.postings.get(term)!;
      if (list.length > index.commonPostings) common.push([term, w]);
      else for (let i = 0; i < list.length; i++) matched.add(list[i]!, w);
    }
    if (matched.docs.length === 0 && common.length) {
      const found = this.everydayCandidates(common);
      if (!found) return undefined;
      for (const doc of found.docs) matched.add(doc, found.weight);
    }
    if (common.length) {
      // A typed array sorts numbers without a comparison callback.
      const candidates = Uint32Array.from(matched.docs).sort();
      for (const [term, w] of common)
        intersect(candidates, index.postings.get(term)!, (doc) => matched.add(doc, w));
    }
    if (matched.docs.length > PRUNE_ABOVE) {
      // At thousands of topics, a document that shares only a small part of what the best one
      // shares cannot win; dropping it before scoring keeps the cost per message flat as the
      // pack grows. (After the common words are counted: candidates found by one rare word all
      // weigh the same until then.)
      // A topic's whole text holds most of a long message's words, so the bags are measured
      // against the best bag and the other documents against the best of them: otherwise a
      // pasted error message inside a long story would be dropped beside the bags.
      const docs = this.index.docs;
      let best = 0;
      let bestBag = 0;
      for (const doc of matched.docs)
        if (docs[doc]!.field === 'bag') bestBag = Math.max(bestBag, matched.sum(doc));
        else best = Math.max(best, matched.sum(doc));
      matched.filter((doc, sum) => !(sum < (docs[doc]!.field === 'bag' ? bestBag : best) * PRUNE_SHARE));
    }
    return matched;
  }

  /**
   * Only everyday words: the rarest of them (together, when one is not enough) find the
   * candidates; the words used are taken off `common`, the others add to them afterwards.
   */
  private everydayCandidates(
    common: [string, number][],
  ): { docs: readonly number[]; weight: number } | undefined {
    const postings = this.index.postings;
    common.sort((a, b) => postings.get(a[0])!.length - postings.get(b[0])!.length);
    const [term, rarestWeight] = common.shift()!;
    let w = rarestWeight;
    let found: readonly number[] = postings.get(term)!;
    // In a pack of thousands of topics, the rarest word of such a message may be in thousands
    // of documents: the documents holding the rarest words together are the candidates then
    // (an alias typed word for word holds them all). When even all the words together are in
    // thousands of documents ("user server"), they point at none; the bot asks for more.
    while (found.length > PRUNE_ABOVE && common.length) {
      const [next, nextWeight] = common.shift()!;
      const both: number[] = [];
      intersect(found, postings.get(next)!, (doc) => both.push(doc));
      found = both;
      w += nextWeight;
    }
    if (found.length > GENERIC_ABOVE) return undefined;
    return { docs: found, weight: w };
  }

  /**
   * Which documents to add up by topic when hundreds are left: the SCORE_AT_MOST best scoring
   * (ties with the last one taken in document order, so the answer never varies), and the
   * whole text of each topic they belong to, which says how much of the message the topic
   * explains: without it the topic would not be trusted at all.
   */
  private strongest(docs: readonly number[], scores: Float64Array): Uint8Array {
    const index = this.index;
    const kept = new Uint8Array(docs.length);
    const floor = Float64Array.from(scores).sort()[docs.length - SCORE_AT_MOST]!;
    let room = SCORE_AT_MOST;
    for (const s of scores) if (s > floor) room--;
    const topics = new Set<string>();
    scores.forEach((s, i) => {
      if (s > floor || (s === floor && room-- > 0)) {
        kept[i] = 1;
        topics.add(index.docs[docs[i]!]!.topic);
      }
    });
    docs.forEach((docId, i) => {
      const doc = index.docs[docId]!;
      if (doc.field === 'bag' && topics.has(doc.topic)) kept[i] = 1;
    });
    return kept;
  }
}
