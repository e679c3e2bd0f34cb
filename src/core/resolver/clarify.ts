/**
 * Clarifying topics: one error message, several causes. "Server is temporarily unavailable"
 * matches the clarifying topic and each of its options equally; the error picks the family and
 * the rest of the message picks the member.
 */
import type { KnowledgePack } from '../knowledge/pack.js';
import type { ResolverIndex } from './index.js';
import type { Scored, Scorer, Weights } from './scorer.js';

/** A clarifying topic's options, and the words of its own error message and title. */
interface Family {
  options: string[];
  errorTerms: Set<string>;
  /** Every word some option's text uses: only these can say which option the message means. */
  optionTerms: Set<string>;
}

/** Words that half the topics use (the product's name, "sign in") cannot pick an option. */
const COMMON_IDF = Math.log(3);
/** The option the rest of the message points at must beat the next one by this ratio. */
const DECISIVE_RATIO = 1.25;
/**
 * ...on words that weigh together at least as much as one word that at most two topics use
 * (IDF units): one specific word such as "ADFS", not "appears". Relative to the pack, so that a
 * topic rewrite that mentions ADFS once more does not make "ADFS" too common to decide.
 */
const optionEvidence = (topics: number) => Math.log(1 + topics / 2) - 1e-9;

export class Clarifications {
  private readonly families = new Map<string, Family>();

  constructor(
    private readonly pack: KnowledgePack,
    private readonly index: ResolverIndex,
    private readonly scorer: Scorer,
    /** What an option must score on the rest of the message to be chosen directly. */
    private readonly optionThreshold: number,
  ) {
    for (const topic of pack.topics.values()) {
      if (topic.kind !== 'clarify') continue;
      const errorTerms = new Set<string>();
      for (const doc of index.docs)
        if (doc.topic === topic.id && (doc.field === 'error' || doc.field === 'title'))
          for (const t of doc.terms) errorTerms.add(t);
      const options = [...new Set(topic.clarify!.options.flatMap((o) => o.topics))];
      const optionTerms = new Set<string>();
      for (const doc of index.docs)
        if (doc.field === 'bag' && options.includes(doc.topic)) for (const t of doc.terms) optionTerms.add(t);
      this.families.set(topic.id, { options, errorTerms, optionTerms });
    }
  }

  /** A clarifying topic and one of its options are not "two different answers". */
  related(a: string, b: string): boolean {
    const options = (id: string) => this.pack.topics.get(id)?.clarify?.options.flatMap((o) => o.topics) ?? [];
    return options(a).includes(b) || options(b).includes(a);
  }

  /**
   * When the rest of the message points clearly at one option, that option goes first;
   * otherwise the clarifying topic does, and the dialog asks. Changes `scored` in place.
   */
  settle(scored: Scored[], weights: Weights): void {
    const byTopic = new Map(scored.map((s) => [s.topic, s]));
    for (const parent of scored) {
      const family = this.families.get(parent.topic);
      if (!family || !(parent.fields.error > 0)) continue;
      const top = this.pick(family, weights);
      const ceiling = Math.max(parent.score, ...family.options.map((t) => byTopic.get(t)?.score ?? 0));
      const child = top && byTopic.get(top);
      if (child) child.score = ceiling + 0.01;
      else if (!top) parent.score = ceiling + 0.01;
    }
  }

  /** The option the message's words other than the family's error point at decisively, if any. */
  private pick({ options, errorTerms, optionTerms }: Family, weights: Weights): string | undefined {
    // Only the words some option uses can tell the options apart: the rest of a long story
    // (who called, what was tried) is left out, so it does not dilute "the CNAME is missing".
    const rest: Weights = new Map(
      [...weights].filter(
        ([t]) => !errorTerms.has(t) && optionTerms.has(t) && (this.index.idf.get(t) ?? 0) > COMMON_IDF,
      ),
    );
    let restTotal = 0;
    for (const w of rest.values()) restTotal += w;
    const residual = new Map(this.scorer.score(rest, restTotal).map((s) => [s.topic, s]));
    const [top, next] = options
      .map((topic) => ({
        topic,
        score: residual.get(topic)?.score ?? 0,
        evidence: residual.get(topic)?.evidence ?? 0,
      }))
      .sort((a, b) => b.score - a.score);
    const decisive =
      top !== undefined &&
      top.score >= this.optionThreshold &&
      top.evidence >= optionEvidence(this.pack.topics.size) &&
      top.score > (next?.score ?? 0) * DECISIVE_RATIO;
    return decisive ? top.topic : undefined;
  }
}
