/**
 * What several cards share: a topic's title and links, the retirement notice, and which values
 * in a card quote a person (those are made inert when rendered).
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Link } from './model.js';
import { utcMinute } from '../text/dates.js';

/** Message values that quote a person (see `people` in the card model); the rest are the bot's own. */
const PERSON_VALUES = new Set(['agent', 'question', 'note', 'user', 'name', 'actor', 'detail']);

/** The person-typed values among a message's values, for a card's `people`. */
export function peopleIn(values: Record<string, string | number>): string[] {
  return Object.entries(values)
    .filter(([k, v]) => PERSON_VALUES.has(k) && typeof v === 'string' && v.trim() !== '')
    .map(([, v]) => String(v));
}

/** A card's `people`, once each, or nothing when no one is quoted. */
export const withPeople = (people: string[]) => {
  const unique = [...new Set(people.filter((p) => p.trim() !== ''))];
  return unique.length ? { people: unique } : {};
};

export function topicTitle(pack: KnowledgePack, topic: string, lang: Lang): string {
  return pack.text(topic, lang).title;
}

export function topicLinks(pack: KnowledgePack, topic: string, lang: Lang): Link[] {
  const text = pack.text(topic, lang);
  return pack.topic(topic).links.map((l) => ({
    label: text.links[l.id] ?? l.url,
    url: l.urls?.[lang] ?? l.url,
    ...(l.kb ? { short: pack.message('topic.kb', lang, { kb: l.kb }) } : {}),
  }));
}

/** The retirement notice and its link, for the cards that open or redirect a conversation. */
export function retirement(pack: KnowledgePack, lang: Lang): { retirement: string; links: Link[] } {
  return {
    retirement: pack.message('retirement.text', lang),
    links: [
      {
        label: pack.message('retirement.link', lang),
        short: pack.message('retirement.short', lang),
        url: pack.message('retirement.url', lang),
      },
    ],
  };
}

/** A timestamp as cards show it: minutes, in UTC. */
/** A stored time as cards show it (see text/dates.ts). */
export const shownTime = utcMinute;
