/**
 * Slack users' locales, from `users.info` (cached for an hour): the language of the text wins
 * over it, and without it the text decides alone.
 */
import { LRUCache } from 'lru-cache';
import type { webApi } from '@slack/bolt';
import { type Logger, silentLogger } from '../../core/log/logger.js';
/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

const LOCALE_TTL_MS = 60 * 60 * 1000;
const LOCALES_KEPT = 10_000;

export class LocaleCache {
  constructor(private readonly log: Logger = silentLogger) {}

  /** Bounded: one entry per user who wrote in the last hour, at most LOCALES_KEPT. */
  private readonly cache = new LRUCache<string, { locale: string | null }>({
    max: LOCALES_KEPT,
    ttl: LOCALE_TTL_MS,
  });

  async get(client: WebClient, user: string): Promise<string | null> {
    const hit = this.cache.get(user);
    if (hit) return hit.locale;
    let locale: string | null = null;
    try {
      const info = await client.users.info({ user, include_locale: true });
      locale = info.user?.locale ?? null;
    } catch (e) {
      // Without the locale the text decides alone; remembered as unknown until the entry expires.
      this.log.info(`users.info failed for the locale of ${user}; the text decides the language`, { err: e });
    }
    this.cache.set(user, { locale });
    return locale;
  }
}
