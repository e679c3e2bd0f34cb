/**
 * The loop that teaches the bot new phrasings (`kb suggest`): the questions it could not answer
 * and those whose "did you mean" suggestion the user picked are grouped per language, each
 * group is given the topic it belongs to, and short phrasings are drawn from its messages for
 * a content author to review. The evidence decides the topic, never a guess:
 *
 * - `chosen`: people picked that topic from "did you mean" for these questions;
 * - `nearest`: nobody picked anything, but the resolver's candidates for the group's questions
 *   agree on one topic, clearly ahead of the next and not too faint;
 * - `none`: neither, so no topic is proposed ("where is the cafeteria" belongs to no topic).
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Resolver } from '../resolver/resolver.js';
import type { Outcome } from '../storage/outcomes.js';
import type { Analyzer } from '../text/analyzer.js';
import { groupSimilar } from './groups.js';
import { derivePhrasings } from './phrasings.js';
import { isUnanswered } from './report.js';

export interface Proposal {
  lang: Lang;
  /** The topic the group belongs to; null when the evidence names none. */
  topic: string | null;
  basis: 'chosen' | 'nearest' | 'none';
  /** How many questions the group holds (a question asked twice counts twice). */
  count: number;
  /** The group's questions as asked (passwords redacted), each once. */
  questions: string[];
  /** New phrasings for `topic` in `lang`, drawn from the questions; empty without a topic. */
  phrasings: string[];
}

/** Fewest questions that make a group's nearest candidate evidence. */
const MIN_QUESTIONS = 2;
/** How well, on average, the nearest candidate must fit the group's questions. */
const MIN_MEAN_SCORE = 0.15;
/** How far the nearest candidate must lead the next one, summed over the group (a ratio). */
const MIN_LEAD = 1.5;

/** A term in more than half of the topics (see ResolverIndex.idf: log(1 + topics / df)). */
const EVERYDAY_IDF = Math.log(1 + 2);

interface Member {
  text: string;
  lang: Lang;
  topic: string | null;
  picked: string | null;
}

export function proposePhrasings(
  outcomes: Outcome[],
  deps: { analyzer: Analyzer; resolver: Resolver; pack: KnowledgePack },
): Proposal[] {
  const evidence: Member[] = outcomes
    .filter((o) => o.text && (isUnanswered(o) || o.picked))
    .map((o) => ({ text: o.text, lang: o.lang, topic: o.picked, picked: o.picked }));
  const { idf } = deps.resolver.index;
  const everyday = (term: string) => (idf.get(term) ?? Infinity) < EVERYDAY_IDF;
  return groupSimilar(evidence, deps.analyzer).map(({ members }) => {
    const lang = members[0]!.lang;
    const questions = [...new Set(members.map((m) => m.text))];
    const { topic, basis } = topicOf(members, deps.resolver);
    // A topic picked once may be gone from the content since: the validation will say so.
    const known = topic && deps.pack.topics.has(topic) ? deps.pack.phrasings(topic, lang) : [];
    return {
      lang,
      topic,
      basis,
      count: members.length,
      questions,
      phrasings: topic ? derivePhrasings(questions, lang, deps.analyzer, known, everyday) : [],
    };
  });
}

function topicOf(members: Member[], resolver: Resolver): Pick<Proposal, 'topic' | 'basis'> {
  const picks = members.flatMap((m) => (m.picked ? [m.picked] : []));
  if (picks.length) return { topic: best(tally(picks.map((p) => [p, 1])))[0]![0], basis: 'chosen' };
  if (members.length < MIN_QUESTIONS) return { topic: null, basis: 'none' };
  // The resolver as it is now: every candidate's score, added up over the group's questions.
  const scores = members.flatMap((m) =>
    resolver.resolve(m.text, { locale: m.lang }).candidates.map((c) => [c.topic, c.score] as const),
  );
  const [first, second] = best(tally(scores));
  if (!first) return { topic: null, basis: 'none' };
  const enough = first[1] / members.length >= MIN_MEAN_SCORE && (!second || first[1] >= MIN_LEAD * second[1]);
  return enough ? { topic: first[0], basis: 'nearest' } : { topic: null, basis: 'none' };
}

function tally(pairs: (readonly [string, number])[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, value] of pairs) sums.set(key, (sums.get(key) ?? 0) + value);
  return sums;
}

const best = (sums: Map<string, number>) => [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
