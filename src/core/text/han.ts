/**
 * Traditional/Simplified Chinese and Japanese kanji folding, from OpenCC's character tables.
 *
 * Matching folds every Han character to one form (Simplified), so a question typed in
 * Traditional matches knowledge written in Simplified and the other way round. Japanese
 * shinjitai (証, 続) are first lifted to their traditional forms (證, 續), which then fold too.
 * The same tables tell language detection which characters exist only in one script.
 */
import jpShinjitaiToTraditional from 'opencc-js/dict/JPShinjitaiCharacters';
import simplifiedToTraditional from 'opencc-js/dict/STCharacters';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import mainlandToTaiwanPhrases from 'opencc-js/dict/TWPhrases';
import taiwanToMainlandPhrases from 'opencc-js/dict/TWPhrasesRev';

function parseCharTable(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of table.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && [...from].length === 1) map.set(from, [...to][0] ?? to);
  }
  return map;
}

const T2S = parseCharTable(traditionalToSimplified);
const S2T = parseCharTable(simplifiedToTraditional);
const JP2T = parseCharTable(jpShinjitaiToTraditional);
/** No character below this one is mapped (and no surrogate is, so none is cut in two). */
const UNMAPPED_BELOW = Math.min(0xd800, ...[...T2S.keys(), ...JP2T.keys()].map((c) => c.codePointAt(0)!));

/** True when the character is written differently in Simplified Chinese (so it is Traditional). */
export function isTraditionalOnly(ch: string): boolean {
  return T2S.has(ch) && !S2T.has(ch);
}

/** True when the character is written differently in Traditional Chinese (so it is Simplified). */
export function isSimplifiedOnly(ch: string): boolean {
  return S2T.has(ch) && !T2S.has(ch);
}

/** True for Japanese shinjitai that are neither Traditional nor Simplified Chinese forms. */
export function isJapaneseOnly(ch: string): boolean {
  return JP2T.has(ch) && !T2S.has(ch) && !S2T.has(ch);
}

/**
 * Folds Han characters to Simplified for matching. `japanese` also maps shinjitai first;
 * it is only applied to Japanese text, because a few shinjitai are different characters in Chinese.
 */
export function foldHan(text: string, japanese: boolean): string {
  // Characters below the first one the tables map (Latin, kana, punctuation) stay as they are:
  // only what changes is copied, and text with nothing to fold is returned as it is.
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < UNMAPPED_BELOW) continue;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const lifted = japanese ? (JP2T.get(ch) ?? ch) : ch;
    const folded = T2S.get(lifted) ?? lifted;
    if (folded !== ch) {
      out += text.slice(copied, i) + folded;
      copied = i + ch.length;
    }
    i += ch.length - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Words only one region uses, from OpenCC's Taiwan phrase tables: 登入, 位址, 使用者, 伺服器 are
 * Taiwanese; 登录, 用户, 服务器 mainland. They tell Traditional from Simplified when a message uses
 * only characters the two scripts share ("找不到登入位址").
 */
let regional: { taiwan: Map<string, string[]>; mainland: Map<string, string[]> } | undefined;

function phraseKeys(table: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of table.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && [...from].length >= 2 && [...from].length <= 4) keys.add(from);
  }
  return keys;
}

function byFirstChar(words: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of words) {
    const first = [...w][0]!;
    map.set(first, [...(map.get(first) ?? []), w]);
  }
  return map;
}

function regionalWords() {
  if (!regional) {
    const taiwan = phraseKeys(taiwanToMainlandPhrases);
    const mainlandTraditional = phraseKeys(mainlandToTaiwanPhrases);
    const mainland = new Set<string>();
    for (const w of mainlandTraditional) {
      const simplified = foldHan(w, false);
      if (!taiwan.has(w)) mainland.add(simplified);
    }
    for (const w of [...taiwan]) if (mainlandTraditional.has(w) || mainland.has(w)) taiwan.delete(w);
    regional = { taiwan: byFirstChar(taiwan), mainland: byFirstChar(mainland) };
  }
  return regional;
}

/** Counts words typical of Taiwan and of the mainland in the text. */
export function regionalVocabulary(text: string): { taiwan: number; mainland: number } {
  const { taiwan, mainland } = regionalWords();
  const chars = [...text];
  let tw = 0;
  let cn = 0;
  for (let i = 0; i < chars.length; i++) {
    const rest = chars.slice(i, i + 4).join('');
    if (taiwan.get(chars[i]!)?.some((w) => rest.startsWith(w))) tw++;
    if (mainland.get(chars[i]!)?.some((w) => rest.startsWith(w))) cn++;
  }
  return { taiwan: tw, mainland: cn };
}
