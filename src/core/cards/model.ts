/**
 * The card model: what the bot shows, independent of any platform. Renderers turn it into an
 * Adaptive Card (Teams), plain text (the terminal, notification fallbacks) or Block Kit (Slack).
 * All text in a card is already in the user's language; `userText`, and the parts of other texts
 * listed in `people`, came from a person and must be shown without interpretation (no markdown,
 * links or mentions).
 */
import type { Lang } from '../i18n/languages.js';

/** What pressing a button means. `token` ties the button to the question it answers. */
export interface ActionPayload {
  action: 'fixed' | 'option' | 'topic' | 'escalate' | 'restart' | 'help' | 'form' | 'ticket';
  value: string;
  token?: string;
  /** Form answers (the escalation form) or inputs (a helpdesk question or note). */
  fields?: Record<string, string>;
}

export interface Choice {
  label: string;
  payload: ActionPayload;
  style?: 'positive' | 'destructive';
}

export interface Link {
  /** The full title, shown in the card's text. */
  label: string;
  url: string;
  /**
   * A short button label ("KB 2541980"): clients cut long button titles off, so only links with
   * one become buttons; every link is listed in full in the card's text.
   */
  short?: string;
}

interface CardBase {
  lang: Lang;
  title: string;
  /**
   * Where the service stands today (Skype for Business Online was retired; Teams replaced it),
   * with its link in `links`. The welcome, help, triage and not-found cards carry it.
   */
  retirement?: string;
  /** A short line shown above the card ("OK, let's try the next step."). */
  note?: string;
  choices: Choice[];
  links: Link[];
  /**
   * What the card's texts quote from a person (a name, the helpdesk's question or note, a form
   * answer, a file name): renderers show every occurrence inert, as typed, never as markup.
   */
  people?: string[];
}

export interface TopicCard extends CardBase {
  kind: 'topic';
  topic: string;
  /** Empty on later stages, like `cause`: only the first stage introduces the topic. */
  symptom: string;
  errorLabel: string;
  error?: string;
  causeLabel: string;
  cause: string;
  stage: { label: string; title: string; intro?: string; steps: string[] };
  linksLabel: string;
  question: string;
  /** When the card is a pinned quick fix: who pinned it, until when, the admin's note, and its end. */
  pin?: { label: string; byline: string; noteLabel?: string; note?: string; status?: string };
}

export interface QuestionCard extends CardBase {
  kind: 'question';
  text?: string;
  question: string;
  /** Invites a typed answer besides the buttons. */
  hint?: string;
}

export interface TriageCard extends CardBase {
  kind: 'triage';
  text: string;
  question: string;
  hint: string;
  /** Label of the button that sends a choice or a typed message (Adaptive Cards form). */
  submit: string;
  token: string;
}

export interface NotFoundCard extends CardBase {
  kind: 'notFound';
  text: string;
  userTextLabel: string;
  userText: string;
  suggestions?: string;
}

export interface WelcomeCard extends CardBase {
  kind: 'welcome';
  text: string;
}

export interface HelpCard extends CardBase {
  kind: 'help';
  text: string;
  commands: string;
}

export interface NoticeCard extends CardBase {
  kind: 'notice';
  text: string;
  listLabel?: string;
  list?: string[];
  secondListLabel?: string;
  secondList?: string[];
  /** Pairs whose values came from a user (what an answered form sent), shown read-only. */
  facts?: { label: string; value: string }[];
}

export interface FormField {
  id: string;
  label: string;
  type: 'choice' | 'text';
  required: boolean;
  maxLength?: number;
  placeholder?: string;
  choices?: { id: string; label: string }[];
}

/** The escalation form: all fields at once where the platform has forms, one at a time in text. */
export interface FormCard extends CardBase {
  kind: 'form';
  intro: string;
  /** How to leave a field out when fields are asked one at a time (the terminal): "type skip". */
  skipHint: string;
  fields: FormField[];
  /** The field asked now, for platforms that ask one at a time. */
  current: number;
  /** A message about the last answer ("please answer this one"), when there is one. */
  problem?: string;
  /** Answers already given (field id → value), filled in again when the form is asked again. */
  values?: Record<string, string>;
  submit: string;
  open: string;
  token: string;
}

/** A ticket as the helpdesk sees it in its channel. */
export interface TicketCard extends CardBase {
  kind: 'ticket';
  ref: string;
  status: string;
  facts: { label: string; value: string }[];
  sections: { label: string; items: string[] }[];
  inputs: { id: 'question' | 'note'; label: string }[];
  /** The ticket version the buttons act on. */
  version: number;
}

/**
 * The weekly digest in the helpdesk channel: the week's headline figures, the topics asked
 * most, and the command that prints the full report.
 */
export interface DigestCard extends CardBase {
  kind: 'digest';
  period: string;
  facts: { label: string; value: string }[];
  topicsLabel: string;
  /** One line per topic asked most ("Personal certificate: 12"), or a line saying there were none. */
  topics: string[];
  reportLabel: string;
  /** The command line, shown as code. */
  command: string;
}

export type Card =
  | DigestCard
  | TopicCard
  | QuestionCard
  | TriageCard
  | NotFoundCard
  | WelcomeCard
  | HelpCard
  | NoticeCard
  | FormCard
  | TicketCard;
export type CardKind = Card['kind'];
export const CARD_KINDS: CardKind[] = [
  'topic',
  'question',
  'triage',
  'notFound',
  'welcome',
  'help',
  'notice',
  'form',
  'ticket',
  'digest',
];
