/**
 * Character classes shared by language detection and tokenization.
 * Unicode script properties keep these exact without hand-written code point ranges.
 */
export const HAN = /\p{Script=Han}/u;
export const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
export const HAN_RUN = /\p{Script=Han}+/gu;
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A run of katakana (and the long-vowel mark): one loanword, however ICU cuts it. */
export const KATAKANA_RUN = /[\p{Script=Katakana}\u30fc]{2,}/gu;
export const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

export function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const ch of text) if (re.test(ch)) n++;
  return n;
}
