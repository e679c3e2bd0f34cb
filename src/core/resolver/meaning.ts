/**
 * A second reading of a message, learned from the pack's own text: a naive Bayes model over the
 * topics' documents (errors, sayings, titles, causes, steps), trained when the index is built,
 * with nothing downloaded and no cloud service.
 *
 * The ranker scores a message by its best-fitting document: one saying that matches well wins,
 * whatever else the message says. This model weighs every word the message shares with each
 * topic, the everyday ones too: "we added our domain yesterday, is there a delay?" has no saying
 * of its own, but "domain", "yesterday" and "delay" together belong to DNS propagation. It never
 * answers on its own: it is asked to choose among the topics the ranker already found (see
 * second-opinion.ts).
 */
import type { ResolverIndex } from './index.js';
import type { Weights } from './scorer.js';

export interface Choice {
  topic: string;
  /** How much more likely the choice is than the runner-up, in IDF-weighted log units. */
  margin: number;
}

/** Per-term document counts by topic, read from the postings when a term is first asked about. */
type Counts = Map<string, number>;

const COUNTS_AT_MOST = 20_000;

export class Meaning {
  /** Terms in each topic's documents, counted with repeats across documents. */
  private readonly sizes = new Map<string, number>();
  private readonly counts = new Map<string, Counts>();
  private readonly vocabulary: number;

  constructor(
    private readonly index: ResolverIndex,
    isTopic: (id: string) => boolean,
    /** Added to every count, so that a word a topic never uses lowers it without ruling it out. */
    private readonly smoothing: number,
  ) {
    for (const doc of index.docs)
      if (isTopic(doc.topic)) this.sizes.set(doc.topic, (this.sizes.get(doc.topic) ?? 0) + doc.terms.size);
    this.vocabulary = index.postings.size;
  }

  /**
   * The most likely of `among` for a message's weighted terms (each term counts by its weight, so
   * a rare word says more than "sign in"), or undefined when fewer than two topics are known.
   */
  choose(weights: Weights, among: readonly string[]): Choice | undefined {
    const topics = among.filter((t) => this.sizes.has(t));
    if (topics.length < 2) return undefined;
    const a = this.smoothing;
    const logA = Math.log(a);
    let weightSum = 0;
    for (const w of weights.values()) weightSum += w;
    const scores = topics.map((t) => weightSum * (logA - Math.log(this.sizes.get(t)! + a * this.vocabulary)));
    for (const [term, w] of weights) {
      const counts = this.countsOf(term);
      if (!counts) continue;
      topics.forEach((t, i) => {
        const c = counts.get(t);
        if (c) scores[i]! += w * (Math.log(c + a) - logA);
      });
    }
    let best = 0;
    for (let i = 1; i < topics.length; i++) if (scores[i]! > scores[best]!) best = i;
    let runnerUp = -Infinity;
    scores.forEach((s, i) => {
      if (i !== best && s > runnerUp) runnerUp = s;
    });
    return { topic: topics[best]!, margin: scores[best]! - runnerUp };
  }

  private countsOf(term: string): Counts | undefined {
    let counts = this.counts.get(term);
    if (counts) return counts;
    const postings = this.index.postings.get(term);
    if (!postings) return undefined;
    counts = new Map();
    for (const d of postings) {
      const topic = this.index.docs[d]!.topic;
      if (this.sizes.has(topic)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    if (this.counts.size >= COUNTS_AT_MOST) this.counts.clear();
    this.counts.set(term, counts);
    return counts;
  }
}
