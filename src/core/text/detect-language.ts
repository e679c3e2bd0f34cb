/**
 * Tells which of the bot's languages a message is written in.
 *
 * The text decides when it can: any kana means Japanese; Han text is Traditional or Simplified
 * by the characters that exist in only one of the two scripts. The platform's locale hint
 * settles what the text cannot (Han characters shared by both scripts, or a message made only
 * of technical tokens such as `msoidsvc.exe`). Han text made only of characters both scripts
 * share is told apart by regional words (登入 in Taiwan, 登录 on the mainland). English is the
 * default.
 */
import { type Lang, langFromLocale } from '../i18n/languages.js';
import { isJapaneseOnly, isSimplifiedOnly, isTraditionalOnly, regionalVocabulary } from './han.js';
import { HAN, KANA } from './scripts.js';

export interface LanguageEvidence {
  lang: Lang;
  /** Where the decision came from: the text itself, the platform hint, or the default. */
  source: 'text' | 'hint' | 'default';
}

/** A few words that only an English sentence contains; technical tokens never do. */
const ENGLISH_MARKERS =
  /\b(?:the|a|an|is|are|was|i|my|we|our|can|cannot|can't|not|to|for|with|how|what|why|when|it|this|that|user|users|sign|signin|log|login|error|help|please|still|get|gets|says|after|keeps|does|doesn't|won't)\b/i;

export function detectLanguage(text: string, localeHint?: string | null): LanguageEvidence {
  const hint = langFromLocale(localeHint);
  let kana = 0;
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  let japanese = 0;
  for (const ch of text) {
    if (KANA.test(ch)) kana++;
    else if (HAN.test(ch)) {
      han++;
      if (isTraditionalOnly(ch)) traditional++;
      else if (isSimplifiedOnly(ch)) simplified++;
      if (isJapaneseOnly(ch)) japanese++;
    }
  }
  if (kana > 0) return { lang: 'ja', source: 'text' };
  if (han > 0) {
    if (traditional > simplified) return { lang: 'zh-TW', source: 'text' };
    if (simplified > traditional) return { lang: 'zh-CN', source: 'text' };
    const words = regionalVocabulary(text);
    if (words.taiwan > words.mainland) return { lang: 'zh-TW', source: 'text' };
    if (words.mainland > words.taiwan) return { lang: 'zh-CN', source: 'text' };
    if (hint && hint !== 'en') return { lang: hint, source: 'hint' };
    if (japanese > 0) return { lang: 'ja', source: 'text' };
    return { lang: 'zh-CN', source: 'default' };
  }
  if (ENGLISH_MARKERS.test(text)) return { lang: 'en', source: 'text' };
  if (hint) return { lang: hint, source: 'hint' };
  return { lang: 'en', source: 'default' };
}
