/** What one dialog step takes (the user's input) and gives (new state, cards, events). */
import type { ActionPayload, Card } from '../cards/model.js';
import type { Lang } from '../i18n/languages.js';
import type { Decision } from '../storage/outcomes.js';
import type { ConversationState } from './state.js';

export interface UserInput {
  /** What the user typed. */
  text?: string;
  /** The button the user pressed. */
  action?: ActionPayload;
  /** The platform's locale for the user, when it has one. */
  locale?: string | null;
}

/** What the resolver made of a question, for the helpdesk's record (see OutcomeStore). */
export interface QuestionEvent {
  type: 'question';
  text: string;
  lang: Lang;
  decision: Decision;
  topic: string | null;
  confidence: number;
  suggestions: string[];
}

export type BotEvent =
  | QuestionEvent
  | { type: 'fixed'; topic: string; stage: string; lang: Lang }
  | { type: 'not-fixed'; topic: string; stage: string; lang: Lang }
  /** A topic button pressed (a "did you mean" suggestion, the help card's list). */
  | { type: 'chosen'; topic: string; lang: Lang }
  | { type: 'cancelled'; lang: Lang }
  | {
      type: 'escalation';
      lang: Lang;
      attempts: ConversationState['attempts'];
      topic: string | null;
      /** `asked`: the user asked for a person; `exhausted`: no stage or topic was left to try. */
      reason: 'asked' | 'exhausted';
    }
  /** The form is complete: open a ticket with it (the bot does, with its storage). */
  | {
      type: 'ticket';
      lang: Lang;
      form: Record<string, string>;
      attempts: ConversationState['attempts'];
      topic: string | null;
      /** Which form this was (its card's token): a form is filed once, however often it arrives. */
      formKey: string;
    }
  | { type: 'uploads-done'; lang: Lang }
  | { type: 'unknown'; text: string; lang: Lang };

export interface StepResult {
  state: ConversationState;
  cards: Card[];
  events: BotEvent[];
}
