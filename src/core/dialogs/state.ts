/**
 * A conversation's state: what the bot is waiting for and what has been tried. It is plain
 * JSON so that any store (memory, a local folder, PostgreSQL) can keep it.
 */
import type { Lang } from '../i18n/languages.js';
import type { ActionPayload } from '../cards/model.js';

export type Awaiting = 'fixed' | 'clarify' | 'triage' | 'choose' | 'form' | 'upload';

export interface Flow {
  /** The topic on screen ('' for a hand-over that no topic led to). */
  topic: string;
  /** Index of the stage on screen, for topics with stages. */
  stage: number;
  /** Topics still to try, most likely first. */
  queue: string[];
  /** Topics already shown in this flow (never shown twice). */
  visited: string[];
  awaiting: Awaiting;
  /** For `choose`: the topics offered. */
  options?: string[];
  /** For `form`: the field asked now and the answers so far (passwords already redacted). */
  form?: { index: number; values: Record<string, string> };
}

export interface Attempt {
  topic: string;
  stage: string;
  fixed: boolean;
}

export interface ConversationState {
  lang: Lang;
  flow?: Flow;
  /** Increases with every card that asks something; buttons carry it, so old buttons are recognised. */
  token: number;
  /** The buttons of the last card, in order: typing "2" presses the second. */
  choices: ActionPayload[];
  /**
   * The same buttons' labels, normalized as typed text is, so that typing a label presses its
   * button without rebuilding the card. Absent in states saved before it existed.
   */
  labels?: string[];
  /**
   * Whether this conversation ever filed a ticket. Only then can a message be the answer the
   * helpdesk is waiting for, so only then is the ticket looked up. States saved before this
   * existed lack it and are looked up as before.
   */
  ticketed?: boolean;
  /** Stages shown in this conversation and whether they fixed it, for the helpdesk hand-over. */
  attempts: Attempt[];
}

export function initialState(lang: Lang): ConversationState {
  return { lang, token: 0, choices: [], attempts: [], ticketed: false };
}
