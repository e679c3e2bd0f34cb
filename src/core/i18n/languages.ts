/**
 * The languages the bot speaks, and how a platform's locale hint maps onto them.
 *
 * Platforms send BCP-47 tags in any casing (`ja-JP`, `zh-hant-tw`, `ZH_hk`). Chinese needs care:
 * i18next's own fallback would send `zh-TW` to English unless told otherwise, so the mapping
 * from region/script to Traditional or Simplified is explicit here and tested.
 */
export const LANGUAGES = ['en', 'ja', 'zh-CN', 'zh-TW'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Maps a locale hint to one of the supported languages, or `undefined` when the hint names a
 * language the bot does not speak (the caller then relies on the text alone).
 */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const parts = locale.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  const [language, ...rest] = parts;
  if (language === 'en') return 'en';
  if (language === 'ja') return 'ja';
  if (language === 'zh') {
    if (rest.includes('hant')) return 'zh-TW';
    if (rest.includes('hans')) return 'zh-CN';
    if (rest.some((r) => TRADITIONAL_REGIONS.has(r))) return 'zh-TW';
    return 'zh-CN';
  }
  return undefined;
}
