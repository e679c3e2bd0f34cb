/**
 * The learned reading (meaning.ts) checks the ranker's decision on a new question, the way a
 * colleague reads over a helpdesk's shoulder:
 *
 * - "did you mean": the topic the whole message points to, among the ranked ones, is offered
 *   first (beside the ranker's own, so the card may hold one more). The ranker offers the topics
 *   with the best single saying; in a long story those are often tied, and the one every sentence
 *   leans towards is left out.
 * - a fix the whole message clearly points away from (by `meaningMargin`) becomes "did you mean"
 *   with both: a story that mentions a new address and, in passing, something about a
 *   certificate gets both topics, not the first one's fix alone. A fix resting on the topic's
 *   own error message quoted, a clarifying question and the logs-to-collect answer (asked for
 *   by name, measured: vetoing it cost right answers and gained none) are left alone.
 * - the "can't sign in" walk-through beside a cause the whole message leans towards becomes
 *   "did you mean" with the cause first (see `walkThrough`).
 *
 * It never turns "not something I know" or a neighbour's redirect into a fix, and never adds a
 * topic the ranker did not find.
 */
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Decision } from './decide.js';
import type { Choice } from './meaning.js';
import type { Ranked } from './ranker.js';
import type { ResolverSettings } from './settings.js';

export interface SecondOpinionInput {
  decision: Decision;
  /** The troubleshooting topics, best first. */
  topics: Ranked[];
  /** The learned reading's choice among the given topics. */
  choose: (among: string[]) => Choice | undefined;
  /** A clarifying topic and one of its options are not two different answers. */
  related: (a: string, b: string) => boolean;
}

export function secondOpinion(
  pack: KnowledgePack,
  settings: Pick<ResolverSettings, 'suggestions' | 'threshold' | 'meaningMargin' | 'suggestRatio'>,
  { decision, topics, choose, related }: SecondOpinionInput,
): Decision {
  const kind = decision.answer.kind;
  if (kind !== 'did-you-mean' && kind !== 'fix') return decision;
  const among = topics.map((c) => c.topic);
  if (kind === 'did-you-mean') {
    const offered = decision.suggestions ?? [];
    const choice = choose(among.filter((t) => pack.topic(t).kind !== 'triage'));
    if (!choice || offered.includes(choice.topic) || offered.some((t) => related(t, choice.topic)))
      return decision;
    // One more than the ranker offers at most: the ranker's own choices stay on the card.
    return { ...decision, suggestions: [choice.topic, ...offered].slice(0, settings.suggestions + 1) };
  }
  const fixed = decision.topic!;
  const ranked = topics.find((c) => c.topic === fixed);
  const topicKind = pack.topic(fixed).kind;
  if (topicKind === 'triage' && ranked) return walkThrough(pack, settings, decision, ranked, topics, choose);
  if (topicKind !== 'fix' || decision.clarify || !ranked || (ranked.quoted ?? 0) >= settings.threshold)
    return decision;
  const choice = choose(among);
  if (!choice || choice.topic === fixed || choice.margin < settings.meaningMargin) return decision;
  if (related(fixed, choice.topic) || pack.topic(choice.topic).kind === 'triage') return decision;
  return {
    topic: null,
    answer: { kind: 'did-you-mean', id: null },
    suggestions: [fixed, choice.topic],
  };
}

/**
 * "Can't sign in" (the walk-through) said strongly beside a cause the whole message leans
 * towards ("同事说可能是我的账号没开 Skype 的许可证... 一直登不进去"): the cause is offered first,
 * the walk-through beside it. Only a cause the ranker found at least `suggestRatio` as well.
 */
function walkThrough(
  pack: KnowledgePack,
  settings: Pick<ResolverSettings, 'suggestRatio' | 'meaningMargin'>,
  decision: Decision,
  triage: Ranked,
  topics: Ranked[],
  choose: SecondOpinionInput['choose'],
): Decision {
  const causes = topics
    .filter((c) => pack.topic(c.topic).kind === 'fix' && c.score >= triage.score * settings.suggestRatio)
    .map((c) => c.topic);
  const choice = causes.length ? choose([triage.topic, ...causes]) : undefined;
  if (!choice || choice.topic === triage.topic || choice.margin < settings.meaningMargin) return decision;
  return {
    topic: null,
    answer: { kind: 'did-you-mean', id: null },
    suggestions: [choice.topic, triage.topic],
  };
}
