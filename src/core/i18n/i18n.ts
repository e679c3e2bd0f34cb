/**
 * One i18next instance per knowledge pack. Everything a user reads comes from `locales/` through
 * it; code only names keys. Resources are handed over already loaded and validated, so
 * initialisation is synchronous and a missing key can never silently fall back at run time.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { LANGUAGES } from './languages.js';

export function createI18n(resources: Resource, namespaces: string[]): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    // Explicit chains: Traditional and Simplified never fall back to each other, and
    // region variants that reach i18next directly map onto the script they read.
    fallbackLng: {
      'zh-HK': ['zh-TW', 'en'],
      'zh-MO': ['zh-TW', 'en'],
      'zh-SG': ['zh-CN', 'en'],
      default: ['en'],
    },
    supportedLngs: [...LANGUAGES, 'zh-HK', 'zh-MO', 'zh-SG'],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    ns: namespaces,
    defaultNS: namespaces[0] ?? 'translation',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
