/**
 * Folding makes equivalent spellings identical before matching: NFKC turns full-width Latin and
 * digits (ＳＩＰ，１２３) and half-width katakana into their usual forms, case is dropped, and Han
 * characters fold to one script (see han.ts).
 */
import type { Lang } from '../i18n/languages.js';
import { foldHan } from './han.js';

export function fold(text: string, lang: Lang): string {
  return foldHan(
    text
      .normalize('NFKC')
      .toLowerCase()
      // Typographic apostrophes and dashes typed by phones and word processors.
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u2010-\u2015\u2212]/g, '-'),
    lang === 'ja',
  );
}
