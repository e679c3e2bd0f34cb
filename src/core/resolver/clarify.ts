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
  /** Every word some option's own sayings use (not its steps): only these can say which option the message means. */
  optionTerms: Set<string>;
  /**
   * The words of the options' causes as their titles and descriptions state them ("custom
   * domain", "ADFS", "self-signed"): the ones a denial takes away. A record said to be missing
   * ("no sip CNAME") is evidence for its cause, not against it.
   */
  causeTerms: Set<string>;
}

/** Words that a third of the topics use (the product's name, "sign in") cannot pick an option. */
const COMMON_IDF = Math.log(4);
/** The option the rest of the message points at must beat the next one by this ratio. */
const DECISIVE_RATIO = 1.25;
/**
 * ...on words that weigh together at least as much as one word that at most two topics use
 * (IDF units): one specific word such as "ADFS", not "appears". Relative to the pack, so that a
 * topic rewrite that mentions ADFS once more does not make "ADFS" too common to decide.
 */
const optionEvidence = (topics: number) => Math.log(1 + topics / 2) - 1e-9;

/**
 * One Han or kana character left over by the segmenter ("商" of a product name split badly) is a
 * fragment, not a cause: it cannot pick an option.
 */
const distinctive = (term: string) => !/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(term);

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
      const causeTerms = new Set<string>();
      for (const doc of index.docs)
        if (doc.field !== 'bag' && doc.field !== 'error' && options.includes(doc.topic))
          for (const t of doc.terms) {
            optionTerms.add(t);
            if (doc.field !== 'alias') causeTerms.add(t);
          }
      this.families.set(topic.id, { options, errorTerms, optionTerms, causeTerms });
    }
  }

  /**
   * Drops from `weights` the words that could pick an option but are said in denial ("no ADFS",
   * "我们没用自己的域名"): a cause the person says they do not have is no evidence for it, neither
   * for choosing the option nor for the option's own score. `denied` is read only when the
   * message holds such a word.
   */
  dropDenied(weights: Weights, denied: () => ReadonlySet<string>): void {
    let read: ReadonlySet<string> | undefined;
    for (const term of [...weights.keys()]) {
      if (!this.picks(term)) continue;
      read ??= denied();
      if (read.has(term)) weights.delete(term);
    }
  }

  /** True when the word states the cause of some clarifying topic's option. */
  private picks(term: string): boolean {
    if ((this.index.idf.get(term) ?? 0) <= COMMON_IDF || !distinctive(term)) return false;
    for (const family of this.families.values())
      if (family.causeTerms.has(term) && !family.errorTerms.has(term)) return true;
    return false;
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

  /**
   * The option of clarifying topic `parent` that a message's words point at decisively, if any:
   * the answer to its question ("custom domain, or ADFS?").
   */
  answer(parent: string, weights: Weights): string | undefined {
    const family = this.families.get(parent);
    return family && this.pick(family, weights);
  }

  /** The option the message's words other than the family's error point at decisively, if any. */
  private pick({ options, errorTerms, optionTerms }: Family, weights: Weights): string | undefined {
    // Only the words some option uses can tell the options apart: the rest of a long story
    // (who called, what was tried) is left out, so it does not dilute "the CNAME is missing".
    const rest: Weights = new Map(
      [...weights].filter(
        ([t]) =>
          !errorTerms.has(t) &&
          optionTerms.has(t) &&
          distinctive(t) &&
          (this.index.idf.get(t) ?? 0) > COMMON_IDF,
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
