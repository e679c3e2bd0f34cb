/**
 * What the bot offers outside a conversation's dialog, for every platform alike: topic search
 * (a compose-box search, a home page), the help and welcome cards led by the channel's pinned
 * quick fixes, a topic's card to share, and the pinned fixes that lead an answer in a channel.
 * Platforms call these through `Bot` and only render what comes back.
 */
import type { CardBuilder } from './cards/build.js';
import type { Card, TopicCard } from './cards/model.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from './i18n/languages.js';
import type { Incoming } from './incoming.js';
import type { KnowledgePack } from './knowledge/pack.js';
import type { PinService } from './pins/service.js';
import type { Platform } from './platform.js';
import type { Resolver } from './resolver/resolver.js';
import { detectLanguage } from './text/detect-language.js';

/** Where a search or a greeting happens: pinned quick fixes belong to a channel of a platform. */
export interface Place {
  locale?: string | null | undefined;
  platform?: Platform;
  channel?: string;
}

/** A topic found by a search: its card (first stage, nothing to press) and a preview. */
export interface FoundTopic {
  topic: string;
  title: string;
  symptom: string;
  card: TopicCard;
}

export class Catalog {
  constructor(
    private readonly pack: KnowledgePack,
    private readonly resolver: Resolver,
    private readonly pins: PinService,
    private readonly cards: CardBuilder,
  ) {}

  /**
   * Topics for a search box: the channel's pinned quick fixes first, then the topics the words
   * point at (above the resolver's suggestion floor), or every fix when nothing was typed.
   */
  async search(text: string, place: Place, limit: number): Promise<{ lang: Lang; found: FoundTopic[] }> {
    const typed = text.trim();
    const lang = typed
      ? detectLanguage(typed, place.locale).lang
      : (langFromLocale(place.locale) ?? DEFAULT_LANG);
    let topics: string[];
    if (!typed) topics = this.fixes();
    else {
      const result = this.resolver.resolve(typed.slice(0, this.resolver.settings.maxLength), {
        locale: place.locale ?? null,
      });
      const floor = this.resolver.settings.suggestFloor;
      topics = result.candidates.filter((c) => c.score >= floor).map((c) => c.topic);
    }
    const pinned = await this.pinnedTopics(place);
    const found = [...new Set([...pinned.map((p) => p.topic), ...topics])].flatMap((id) => {
      if (!this.pack.topic(id).stages.length) return [];
      const { title, symptom } = this.pack.text(id, lang);
      return [{ topic: id, title, symptom, card: { ...this.shareCard(id, lang), question: '' } }];
    });
    return { lang, found: found.slice(0, limit) };
  }

  /** Every fix the bot knows, with its title and symptom in `lang` (a home page's list). */
  topicList(lang: Lang): { topic: string; title: string; symptom: string }[] {
    return this.fixes().map((topic) => ({ topic, ...this.pack.text(topic, lang) }));
  }

  /** A topic's card to post for others: its first stage, nothing to press. */
  shareCard(topic: string, lang: Lang): TopicCard {
    return { ...this.cards.topic(topic, 0, lang, '0'), choices: [] };
  }

  /** The help card, led by the channel's pinned quick fixes. */
  async helpCards(place: Place): Promise<Card[]> {
    const lang = langFromLocale(place.locale) ?? DEFAULT_LANG;
    return [...(await this.pinnedCards(place, lang)), this.cards.help(lang, '0')];
  }

  /** The cards to greet a channel or a user with: the channel's pinned quick fixes first. */
  async welcomeCards(place: Place): Promise<Card[]> {
    const welcome = this.cards.welcome(langFromLocale(place.locale) ?? DEFAULT_LANG, '0');
    return [...(await this.pinnedCards(place, welcome.lang)), welcome];
  }

  /**
   * In a channel with pinned quick fixes, a question about a pinned topic (or a plain "can't
   * sign in") and the help card are led by the pinned cards, with a link to the pinned post.
   */
  async pinnedFirst(incoming: Incoming, cards: Card[], lang: () => Promise<Lang>): Promise<Card[]> {
    const active = await this.pinnedTopics(incoming);
    if (!active.length) return [];
    const shown = cards[0]?.lang ?? (await lang());
    const help = cards.some((c) => c.kind === 'help' || c.kind === 'welcome');
    const asked = incoming.text
      ? this.resolver.resolve(incoming.text.slice(0, this.resolver.settings.maxLength)).topic
      : null;
    const family = asked ? this.family(asked) : [];
    const matching =
      help || asked === this.pack.triage ? active : active.filter((p) => family.includes(p.topic));
    return matching.map((p) => this.cards.pinned(p, shown, { withPostLink: true }));
  }

  private fixes(): string[] {
    return [...this.pack.topics.values()].filter((t) => t.kind === 'fix').map((t) => t.id);
  }

  private async pinnedTopics(place: Place) {
    return place.platform && place.channel ? this.pins.active(place.platform, place.channel) : [];
  }

  private async pinnedCards(place: Place, lang: Lang): Promise<Card[]> {
    return (await this.pinnedTopics(place)).map((p) => this.cards.pinned(p, lang, { withPostLink: true }));
  }

  /**
   * A topic and the topics its clarifying question chooses between: a pinned fix for the DNS
   * cause answers "the server is temporarily unavailable" before the bot asks which cause.
   */
  private family(topic: string): string[] {
    const options = this.pack.topic(topic).clarify?.options ?? [];
    return [topic, ...options.flatMap((o) => o.topics)];
  }
}
