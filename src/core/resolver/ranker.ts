/**
 * Ranks the topics (and the replies that are not fixes) for a message, best first.
 *
 * A long message is scored as a whole and by each of its sentences: a story about the week and
 * what was tried dilutes the one sentence that names the problem.
 */
import type { Lang } from '../i18n/languages.js';
import type { Clarifications } from './clarify.js';
import type { Denials } from './negation.js';
import type { Scorer } from './scorer.js';
import type { ResolverSettings } from './settings.js';
import type { Candidate } from './types.js';

/** A candidate with its uncapped score: two topics both capped at 1 are still told apart. */
export type Ranked = Candidate & {
  raw: number;
  /** The best score of one of the topic's own sayings (error, phrasing, title, symptom), not its whole text. */
  named: number;
  /** How well the message quotes one of the topic's error messages (0 for replies without one). */
  quoted?: number;
  /**
   * How well the topic's best sentence fits, uncapped, when the topic's score was capped to
   * the sentence cap (see `rankMessage`): topics tied at the cap are told apart by it.
   */
  part?: number;
};

/**
 * Best first by the uncapped score, then by the best sentence's fit (topics tied at the sentence
 * cap), then by id (the answer never varies).
 */
export const byScore = (a: Ranked, b: Ranked) =>
  b.raw - a.raw ||
  (b.part ?? b.raw) - (a.part ?? a.raw) ||
  (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

/** A message's sentences: cut after sentence punctuation and at line breaks (not inside `a.b`). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[。！？!?\n;；]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NOTHING: ReadonlySet<string> = new Set();

export class Ranker {
  constructor(
    private readonly scorer: Scorer,
    private readonly clarifications: Clarifications,
    private readonly settings: Pick<
      ResolverSettings,
      'threshold' | 'ambiguity' | 'sentenceLead' | 'namedFloor'
    >,
    private readonly denials: Denials,
  ) {}

  /** Every topic the message touches, best first; `score` is capped at 1, `raw` is not. */
  rank(clean: string, lang: Lang, ignored: ReadonlySet<string> = NOTHING): Ranked[] {
    const weighed = this.scorer.weigh(clean, lang);
    const { weights } = weighed;
    let { total } = weighed;
    // Words the message says nothing about the problem with ("Outlook works fine") are not read.
    for (const t of ignored) {
      const w = weights.get(t);
      if (w === undefined) continue;
      total -= w;
      weights.delete(t);
    }
    this.clarifications.dropDenied(weights, () =>
      this.denials.terms(clean, lang, (text, l) => this.scorer.terms(text, l)),
    );
    const scored = this.scorer.score(weights, total);
    this.clarifications.settle(scored, weights);
    return scored
      .map(({ topic, score, fields: f }) => ({
        topic,
        score: Math.min(1, score),
        raw: score,
        named: Math.max(f.error, f.alias, f.title, f.description),
        quoted: f.error,
      }))
      .sort(byScore);
  }

  /**
   * The whole message, and when it fits no topic well enough, each of its sentences too; each
   * topic keeps its best.
   */
  rankMessage(clean: string, lang: Lang, ignored: ReadonlySet<string> = NOTHING): Ranked[] {
    const whole = this.rank(clean, lang, ignored);
    if ((whole[0]?.score ?? 0) >= this.settings.threshold) return whole;
    const parts = sentences(clean);
    if (parts.length < 2) return whole;
    // A sentence can make the whole message's best topic sure; any other topic a sentence
    // points at is only offered ("did you mean"), never answered on one sentence's word.
    const [lead, runnerUp] = whole;
    // A lead of a few background words the topic's whole text happens to hold is no lead.
    const clear =
      lead !== undefined &&
      lead.score >= this.settings.sentenceLead &&
      (runnerUp === undefined ||
        runnerUp.raw < lead.raw * this.settings.ambiguity ||
        this.clarifications.related(lead.topic, runnerUp.topic));
    const first = clear ? lead.topic : undefined;
    const cap = this.settings.threshold - 0.001;
    const best = new Map(whole.map((c) => [c.topic, c]));
    // Capped topics tie; how well each fits the whole message still tells them apart.
    const wholeRaw = new Map(whole.map((c) => [c.topic, c.raw]));
    this.scorer.readParts(clean, parts, lang);
    for (const part of parts)
      for (const c of this.rank(part, lang, ignored)) {
        // A sentence counts for a topic it names by one of the topic's own sayings: a short
        // one ("请问这是什么情况？") matches some topic's steps' words, and would push the topic the
        // message names out of the best few.
        if (c.named < this.settings.namedFloor) continue;
        const seen = best.get(c.topic);
        const score = c.topic === first ? c.score : Math.min(c.score, cap);
        const raw = c.topic === first ? c.raw : Math.min(c.raw, cap);
        if (!seen || raw > seen.raw)
          best.set(c.topic, { ...c, score, raw, part: wholeRaw.get(c.topic) ?? 0 });
      }
    return [...best.values()].sort(byScore);
  }
}
