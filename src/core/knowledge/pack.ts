/**
 * The loaded, validated knowledge: topic structures plus an i18next instance that serves every
 * text. Readers ask for a topic's text in a language and get it from `locales/` via i18next.
 */
import type { i18n as I18n, Resource } from 'i18next';
import { createI18n } from '../i18n/i18n.js';
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type {
  AnswerStructure,
  AnswerText,
  CommandsText,
  EscalationSpec,
  LexiconText,
  RawKnowledge,
  TopicStructure,
  TopicText,
} from './types.js';

export class KnowledgePack {
  /**
   * Resolved texts, kept because the pack never changes once loaded: asking i18next for a whole
   * topic with `returnObjects` walks and copies it on every call, which the load benchmark showed
   * to be the largest cost of answering a message.
   */
  private readonly resolved = new Map<string, unknown>();

  private constructor(
    readonly topics: ReadonlyMap<string, TopicStructure>,
    readonly i18n: I18n,
    readonly escalation: EscalationSpec,
    /** Replies that are not fixes (near-miss redirects, the retirement notice, small talk), by id. */
    readonly answers: ReadonlyMap<string, AnswerStructure> = new Map(),
  ) {}

  static fromRaw(raw: RawKnowledge): KnowledgePack {
    const topics = new Map<string, TopicStructure>();
    for (const { data } of raw.structures) {
      const topic = data as TopicStructure;
      topics.set(topic.id, topic);
    }
    const answers = new Map<string, AnswerStructure>();
    for (const { data } of raw.answers ?? []) {
      const answer = data as AnswerStructure;
      answers.set(answer.id, answer);
    }
    const resources: Resource = {};
    for (const lang of LANGUAGES) {
      const files = raw.locales[lang] ?? {};
      resources[lang] = Object.fromEntries(
        Object.entries(files).map(([ns, file]) => [ns, file.data as Record<string, unknown>]),
      );
    }
    return new KnowledgePack(
      topics,
      createI18n(resources, ['common', 'topics', 'phrasings', 'lexicon', 'commands', 'answers']),
      raw.escalation?.data as EscalationSpec,
      answers,
    );
  }

  topic(id: string): TopicStructure {
    const topic = this.topics.get(id);
    if (!topic) throw new Error(`Unknown topic "${id}"`);
    return topic;
  }

  /** Read-only: the same object is handed to every caller. */
  text(id: string, lang: Lang): TopicText {
    return this.cached(`topics\0${lang}\0${id}`, () =>
      Object.freeze(
        this.i18n.t(id, { lng: lang, ns: 'topics', returnObjects: true }) as unknown as TopicText,
      ),
    );
  }

  /** Read-only: the same array is handed to every caller. */
  phrasings(id: string, lang: Lang): readonly string[] {
    return this.cached(`phrasings\0${lang}\0${id}`, () =>
      Object.freeze(
        this.i18n.t(id, { lng: lang, ns: 'phrasings', returnObjects: true }) as unknown as string[],
      ),
    );
  }

  answer(id: string): AnswerStructure {
    const answer = this.answers.get(id);
    if (!answer) throw new Error(`Unknown answer "${id}"`);
    return answer;
  }

  /** Read-only: an answer's words in one language (`locales/<lang>/answers.json`). */
  answerText(id: string, lang: Lang): AnswerText {
    return this.cached(`answers\0${lang}\0${id}`, () =>
      Object.freeze(
        this.i18n.t(id, { lng: lang, ns: 'answers', returnObjects: true }) as unknown as AnswerText,
      ),
    );
  }

  /** The triage menu's topic id (the one topic of kind `triage`; see validate-roles.ts). */
  get triage(): string {
    return this.topicOfKind('triage');
  }

  /** The hand-over topic's id (the one of kind `escalate`): its links guide log collection. */
  get handOver(): string {
    return this.topicOfKind('escalate');
  }

  private topicOfKind(kind: TopicStructure['kind']): string {
    return this.cached(`kind\0${kind}`, () => {
      const found = [...this.topics.values()].find((t) => t.kind === kind);
      // The validator refuses a pack without one, so only a pack built around it gets here.
      if (!found) throw new Error(`the knowledge pack has no topic of kind "${kind}"`);
      return found.id;
    });
  }

  /** A user-visible message from `locales/<lang>/common.json`. */
  message(key: string, lang: Lang, values?: Record<string, string | number>): string {
    if (values && Object.keys(values).length) return this.i18n.t(key, { lng: lang, ns: 'common', ...values });
    return this.cached(`common\0${lang}\0${key}`, () => this.i18n.t(key, { lng: lang, ns: 'common' }));
  }

  private cached<T>(key: string, make: () => T): T {
    if (this.resolved.has(key)) return this.resolved.get(key) as T;
    const value = make();
    this.resolved.set(key, value);
    return value;
  }

  /** The phrases users type for commands (yes, no, help, cancel, ...) in one language. */
  commands(lang: Lang): CommandsText {
    return this.i18n.getResourceBundle(lang, 'commands') as CommandsText;
  }

  lexicon(lang: Lang): LexiconText {
    return this.i18n.getResourceBundle(lang, 'lexicon') as LexiconText;
  }
}
