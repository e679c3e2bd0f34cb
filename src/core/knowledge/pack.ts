/**
 * The loaded, validated knowledge: topic structures plus an i18next instance that serves every
 * text. Readers ask for a topic's text in a language and get it from `locales/` via i18next.
 */
import type { i18n as I18n, Resource } from 'i18next';
import { createI18n } from '../i18n/i18n.js';
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type {
  CommandsText,
  EscalationSpec,
  LexiconText,
  RawKnowledge,
  TopicStructure,
  TopicText,
} from './types.js';

export class KnowledgePack {
  private constructor(
    readonly topics: ReadonlyMap<string, TopicStructure>,
    readonly i18n: I18n,
    readonly escalation: EscalationSpec,
  ) {}

  static fromRaw(raw: RawKnowledge): KnowledgePack {
    const topics = new Map<string, TopicStructure>();
    for (const { data } of raw.structures) {
      const topic = data as TopicStructure;
      topics.set(topic.id, topic);
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
      createI18n(resources, ['common', 'topics', 'phrasings', 'lexicon', 'commands']),
      raw.escalation?.data as EscalationSpec,
    );
  }

  topic(id: string): TopicStructure {
    const topic = this.topics.get(id);
    if (!topic) throw new Error(`Unknown topic "${id}"`);
    return topic;
  }

  text(id: string, lang: Lang): TopicText {
    return this.i18n.t(id, { lng: lang, ns: 'topics', returnObjects: true }) as unknown as TopicText;
  }

  phrasings(id: string, lang: Lang): string[] {
    return this.i18n.t(id, { lng: lang, ns: 'phrasings', returnObjects: true }) as unknown as string[];
  }

  /** A user-visible message from `locales/<lang>/common.json`. */
  message(key: string, lang: Lang, values: Record<string, string | number> = {}): string {
    return this.i18n.t(key, { lng: lang, ns: 'common', ...values });
  }

  /** The phrases users type for commands (yes, no, help, cancel, ...) in one language. */
  commands(lang: Lang): CommandsText {
    return this.i18n.getResourceBundle(lang, 'commands') as CommandsText;
  }

  lexicon(lang: Lang): LexiconText {
    return this.i18n.getResourceBundle(lang, 'lexicon') as LexiconText;
  }
}
