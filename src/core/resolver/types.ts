import type { Lang } from '../i18n/languages.js';

export interface Candidate {
  topic: string;
  score: number;
}

/**
 * What the bot replies with:
 * - `fix`: the topic's dialog (`id` is the topic);
 * - `follow-up`: a short follow-up ("still failing") that continues the conversation's topic
 *   (`id` is that topic), or, with no topic to continue, asks which problem it is about;
 * - `did-you-mean`: likely but not sure, the `suggestions` are offered;
 * - `near-miss`: a neighbour problem from another product, redirected, never fixed;
 * - `retirement`: the Skype for Business Online retirement notice;
 * - `smalltalk`: a greeting, thanks or goodbye;
 * - `unknown`: not something the bot knows.
 */
export type AnswerKind =
  'fix' | 'follow-up' | 'did-you-mean' | 'near-miss' | 'retirement' | 'smalltalk' | 'unknown';

export interface Answer {
  kind: AnswerKind;
  /** The topic (fix, follow-up) or the answer (`dialogs/answers/<id>.json`); null otherwise. */
  id: string | null;
}

/** The fields of a resolution, in the order `resolve --json` prints them. */
export const RESOLUTION_FIELDS = [
  'text',
  'topic',
  'confidence',
  'lang',
  'clarify',
  'candidates',
  'suggestions',
  'answer',
] as const;

/** What the resolver makes of one message. */
export interface Resolution {
  /** The message as received. */
  text: string;
  /** The troubleshooting topic whose fix the bot shows, or null when it shows none. */
  topic: string | null;
  /** 0 to 1: how well the best topic explains the message. */
  confidence: number;
  /** The language to answer in: the language the message is written in, else the platform's. */
  lang: Lang;
  /** True when the bot should ask before answering: two topics fit about equally, or the topic itself needs a choice. */
  clarify: boolean;
  /** The best topics, best first (the chosen one included). */
  candidates: Candidate[];
  /** The topics the bot offers as "did you mean" (empty when it answers or knows nothing). */
  suggestions: string[];
  /** What kind of reply the message gets. */
  answer: Answer;
}

export interface ResolveOptions {
  /** The platform's locale for the user, when it has one. */
  locale?: string | null;
  /** The conversation so far: the topic it is about, for short follow-ups ("still failing"). */
  context?: { topic?: string | null };
}
