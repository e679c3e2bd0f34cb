/**
 * Slack users' locales, from `users.info` (cached for an hour): the language of the text wins
 * over it, and without it the text decides alone.
 */
import type { WebClient } from '@slack/web-api';

const LOCALE_TTL_MS = 60 * 60 * 1000;

export class LocaleCache {
  private readonly cache = new Map<string, { locale: string | null; expires: number }>();

  async get(client: WebClient, user: string): Promise<string | null> {
    const hit = this.cache.get(user);
    if (hit && hit.expires > Date.now()) return hit.locale;
    let locale: string | null = null;
    try {
      const info = await client.users.info({ user, include_locale: true });
      locale = info.user?.locale ?? null;
    } catch {
      // Without the locale the text decides alone.
    }
    this.cache.set(user, { locale, expires: Date.now() + LOCALE_TTL_MS });
    return locale;
  }
}
