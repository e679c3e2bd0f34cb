import { describe, expect, it } from 'vitest';
import { langFromLocale } from '../../../src/core/i18n/languages.js';
import { realPack } from '../../helpers/pack.js';

describe('langFromLocale', () => {
  it.each([
    ['en-US', 'en'],
    ['EN', 'en'],
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['ZH_hk', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });

  it('has no answer for languages the bot does not speak, or no locale', () => {
    expect(langFromLocale('fr-FR')).toBeUndefined();
    expect(langFromLocale('')).toBeUndefined();
    expect(langFromLocale(undefined)).toBeUndefined();
  });
});

describe('i18next fallback chains', () => {
  const i18n = realPack().i18n;
  const title = (lng: string) => i18n.t('clock-skew.title', { lng, ns: 'topics' });

  it('serves each language its own text', () => {
    const titles = new Set(['en', 'ja', 'zh-CN', 'zh-TW'].map(title));
    expect(titles.size).toBe(4);
  });

  it('sends Hong Kong and Macau to Traditional, Singapore to Simplified, never to English', () => {
    expect(title('zh-HK')).toBe(title('zh-TW'));
    expect(title('zh-MO')).toBe(title('zh-TW'));
    expect(title('zh-SG')).toBe(title('zh-CN'));
  });
});
