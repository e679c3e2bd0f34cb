/**
 * The shape of the knowledge pack. Structure (which topics exist, their stages, links, the facts
 * they must state, where a flow goes next) lives in `dialogs/topics/<id>.json`; every word a user
 * reads lives in `locales/<lang>/`. Neither needs code changes to edit.
 */
import type { Lang } from '../i18n/languages.js';

export const TOPIC_KINDS = ['fix', 'clarify', 'triage', 'escalate'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface LinkSpec {
  id: string;
  url: string;
  /** Microsoft Knowledge Base article number, when the link is a KB article. */
  kb?: string;
  /** The same page in another language, where Microsoft publishes one (`url` is the fallback). */
  urls?: Partial<Record<Lang, string>>;
}

/** Where a client error message is worded as the client shows it (see `client-errors.ts`). */
export interface ErrorSourceSpec {
  text: string;
  url: string;
  note?: string;
}

export interface ClarifyOption {
  id: string;
  /** The topics to walk through, in order, when the user picks this option. */
  topics: string[];
}

export interface TopicStructure {
  id: string;
  kind: TopicKind;
  /** Literal facts (paths, values, names) that every language's text for this topic must state. */
  facts: string[];
  /** Where each fact comes from: a public Microsoft page for every entry of `facts`. */
  citations?: Record<string, string>;
  /** Cited wordings of the client's error messages that the article's copies do not quote right. */
  errorSources?: Partial<Record<Lang, ErrorSourceSpec[]>>;
  stages: string[];
  links: LinkSpec[];
  /** Topics worth trying after this one, most likely first. */
  next: string[];
  clarify?: { options: ClarifyOption[] };
  triage?: { errors: string[]; common: string[] };
}

/** What a reply that is not a fix is: a neighbour's redirect, the retirement notice, small talk, a follow-up. */
export const ANSWER_KINDS = ['near-miss', 'retirement', 'smalltalk', 'follow-up'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A reply that is not a fix (`dialogs/answers/<id>.json`); its words are in `locales/<lang>/answers.json`. */
export interface AnswerStructure {
  id: string;
  kind: AnswerKind;
  links: LinkSpec[];
}

export interface AnswerText {
  title: string;
  text: string;
  /** Optional bullet points (what the bot covers, where to go instead). */
  list?: string[];
  links: Record<string, string>;
  /** How people ask about it: what the resolver recognises it by. */
  phrasings: string[];
}

export interface StageText {
  title: string;
  intro?: string;
  steps: string[];
}

export interface TopicText {
  title: string;
  symptom: string;
  /** The client's error messages, worded exactly as the client shows them in this language. */
  errors: string[];
  cause: string;
  question?: string;
  options?: Record<string, string>;
  noErrorOption?: string;
  stages: Record<string, StageText>;
  links: Record<string, string>;
}

export interface LexiconText {
  stopwords: string[];
  synonyms: Record<string, string[]>;
  /** Words that say a message is about this product's sign-in (its names, signing in). */
  domain?: string[];
  /**
   * Other products and devices (Teams, Outlook, an iPad, a printer, DKIM): a message that names one
   * and not this product (`product`) is about that product, and gets no sign-in fix. Not Windows:
   * the client runs on it, and people name it beside this product's errors.
   */
  elsewhere?: string[];
  /** This product's own names: a message naming it is about it, whatever else it mentions. */
  product?: string[];
  /**
   * Kinds of system ("system", "portal", "platform", "システム", "系统"): a message that quotes an
   * error message beside one and does not name this product is about that system's error
   * ("the booking portal says server temporarily unavailable"). Not `elsewhere` words: "the
   * system made me change my password" is still this product's question.
   */
  systems?: string[];
  /**
   * Denial cues ("no", "without", "没有" before what they deny; "は使っていない", "都没动过" after
   * it): a cause the person says they do not have does not pick a clarifying topic's option.
   */
  negation?: { before?: string[]; after?: string[] };
  /**
   * Cues that something works ("Outlook works fine", "Teams都正常", "Teamsは普通に使えてます"),
   * the same shape as `negation`: another product said to work is a comparison, not the subject.
   */
  working?: { before?: string[]; after?: string[] };
}

/** The raw files, as read from disk, before validation. */
export interface RawKnowledge {
  structures: { file: string; data: unknown }[];
  /** dialogs/answers/*.json */
  answers?: { file: string; data: unknown }[];
  /** dialogs/escalation.json */
  escalation?: RawFile;
  locales: Partial<Record<Lang, LocaleFiles>>;
}

/** The files of one language, by namespace. */
export type LocaleFiles = Partial<
  Record<'topics' | 'phrasings' | 'lexicon' | 'common' | 'commands' | 'answers', RawFile>
>;

export interface RawFile {
  file: string;
  data: unknown;
}

/** Phrases users type for commands, in one language (`locales/<lang>/commands.json`). */
export interface CommandsText {
  yes: string[];
  no: string[];
  notSure: string[];
  help: string[];
  cancel: string[];
  restart: string[];
  person: string[];
  done: string[];
  skip: string[];
  switchTo: Record<Lang, string[]>;
}

/** The escalation form and upload rules (`dialogs/escalation.json`). */
export interface EscalationSpec {
  form: {
    id: string;
    type: 'choice' | 'text';
    required: boolean;
    maxLength?: number;
    choices?: string[];
    /** The field asks for the problem itself (the exact error): a question typed there answers it. */
    describesProblem?: boolean;
    /** The shape of a typed answer (a domain name): text of that shape is never a new question. */
    pattern?: string;
  }[];
  uploads: { maxFiles: number; maxBytes: number; extensions: string[] };
  /** The facts of the log-collection steps (`logs.steps` in common.json), each with its source. */
  logs?: { facts: string[]; citations: Record<string, string> };
}
