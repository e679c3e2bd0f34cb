/**
 * What became of each question people asked the bot: what the resolver decided, and how it
 * ended. The helpdesk's report, the "unanswered questions" list and `kb suggest` read these.
 * Kept for a retention period (OUTCOME_RETENTION_DAYS), then swept.
 */
import type { Platform } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';

/**
 * What the resolver decided for the question (the resolver's answer kinds), or `direct` for a
 * conversation that reached a topic or the helpdesk without a typed question (a topic button,
 * "a person").
 */
export type Decision =
  'fix' | 'follow-up' | 'did-you-mean' | 'near-miss' | 'retirement' | 'smalltalk' | 'unknown' | 'direct';

/** How it ended; null while the conversation is still on it. */
export type OutcomeEnd = 'fixed' | 'escalated' | 'cancelled' | 'abandoned' | 'unanswered' | 'redirected';

export interface Tried {
  topic: string;
  stage: string;
  fixed: boolean;
}

export interface Outcome {
  id: number;
  conversation: string;
  /** The platform's user id, kept only to forget a user on request; never shown in a report. */
  userId: string | null;
  platform: Platform;
  chat: 'personal' | 'channel';
  lang: Lang;
  startedAt: string;
  /** The last thing that happened (an answer, a button); an open outcome idle too long was abandoned. */
  updatedAt: string;
  /** The question as asked, passwords redacted; empty for `direct`. */
  text: string;
  decision: Decision;
  /** The topic the resolver chose (fix, follow-up) or found closest (others); null when none. */
  topic: string | null;
  confidence: number;
  /** The "did you mean" topics offered. */
  suggestions: string[];
  /** The suggestion the user picked: evidence that the question means that topic. */
  picked: string | null;
  /** Every stage answered in this outcome, in order. */
  tried: Tried[];
  /** Topics of the pinned quick fixes shown with the answer. */
  pins: string[];
  end: OutcomeEnd | null;
  endedAt: string | null;
  /** Where it was fixed: the topic, the stage and its position (1 = the topic's first stage). */
  fixed: { topic: string; stage: string; index: number } | null;
  /** Where the hand-over to a person started, why, and the ticket once the form was sent. */
  escalation: {
    topic: string | null;
    stage: string | null;
    reason: 'asked' | 'exhausted';
    ticket: string | null;
  } | null;
}

export type NewOutcome = Omit<
  Outcome,
  'id' | 'picked' | 'tried' | 'end' | 'endedAt' | 'fixed' | 'escalation'
> &
  Partial<Pick<Outcome, 'end' | 'endedAt'>>;

export type OutcomePatch = Partial<
  Pick<Outcome, 'updatedAt' | 'picked' | 'tried' | 'end' | 'endedAt' | 'fixed' | 'escalation' | 'pins'>
>;

export interface OutcomeStore {
  /**
   * Records a new question. The conversation's outcome still open is ended first: unanswered
   * when it offered suggestions nobody picked, abandoned otherwise.
   */
  start(outcome: NewOutcome): Promise<Outcome>;
  /** The conversation's most recent outcome, open or not. */
  latest(conversation: string): Promise<Outcome | undefined>;
  update(id: number, patch: OutcomePatch): Promise<void>;
  /** Outcomes started in [since, until), oldest first. */
  list(range?: { since?: string; until?: string }): Promise<Outcome[]>;
  /** Deletes the outcomes started before `before` (the retention period); returns how many. */
  sweep(before: string): Promise<number>;
  /** Deletes every outcome of one user; returns how many. */
  forget(userId: string): Promise<number>;
}

/** How a still-open outcome ends when the conversation moves on or goes quiet. */
export function endOfOpen(o: Pick<Outcome, 'decision' | 'picked'>): OutcomeEnd {
  return o.decision === 'did-you-mean' && !o.picked ? 'unanswered' : 'abandoned';
}
