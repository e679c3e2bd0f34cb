import type { Lang } from '../i18n/languages.js';

export interface Candidate {
  topic: string;
  score: number;
}

/** What the resolver makes of one message. */
export interface Resolution {
  /** The message as received. */
  text: string;
  /** The best topic, or null when the message is outside what the bot knows. */
  topic: string | null;
  /** 0 to 1: how well the best topic explains the message. */
  confidence: number;
  /** The language to answer in: the language the message is written in, else the platform's. */
  lang: Lang;
  /** True when the bot should ask before answering: two topics fit about equally, or the topic itself needs a choice. */
  clarify: boolean;
  /** The best topics, best first (the chosen one included). */
  candidates: Candidate[];
}

export interface ResolveOptions {
  /** The platform's locale for the user (BCP-47, any casing), when it has one. */
  locale?: string | null;
}
