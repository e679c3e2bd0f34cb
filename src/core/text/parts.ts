/**
 * A long message is read whole and then sentence by sentence (see the resolver's ranker).
 * Segmenting a Japanese or Chinese sentence again costs as much as it did inside the message,
 * so the sentences' terms are cut out of the message's own reading instead, where each term's
 * word starts. That is exactly what reading each sentence alone gives when:
 * - the message prepared whole (folded, synonyms rewritten) is its pieces prepared one by one,
 *   put together: no synonym and no case rule reaches across a sentence's end;
 * - only spaces, line breaks and `。 ! ? ;` lie between the sentences: ICU cuts a word at each
 *   of them (a `;` between two digits it does not: "1;2" is one word, so a `;` needs a space);
 * - no sentence starts with a mark that clings to the character before it (a combining accent).
 * Otherwise nothing is cut out, and each sentence is read on its own.
 */
import type { Term } from './analyzer.js';
import { KATAKANA_RUN } from './scripts.js';

/** A reading of a text: the text segmented, and where each term's word starts in it (-1: a katakana run). */
export interface Reading {
  read: string;
  at: number[];
}

const GAP = /^[ \t\n\r\v\f\u0085\u2028\u2029。!?;]*$/u;
const SPACE = /[ \t\n\r\v\f\u0085\u2028\u2029]/u;
const CLINGS = /^[\p{M}\p{Cf}\u{1F3FB}-\u{1F3FF}\uFF9E\uFF9F]/u;

/** The terms of each part, cut out of `whole` (the terms of `text`), or undefined. */
export function partsOf(
  text: string,
  whole: Term[],
  { read, at }: Reading,
  parts: string[],
  prepare: (piece: string) => string,
): Term[][] | undefined {
  const unquoted = (piece: string) => prepare(piece).replace(/'/g, '');
  const gapFits = (gap: string, inner: boolean) =>
    GAP.test(gap) && (!inner || gap.length > 0) && (!gap.includes(';') || SPACE.test(gap));
  let joined = '';
  let from = 0;
  const spans: { start: number; end: number; prepared: string }[] = [];
  for (const part of parts) {
    const start = text.indexOf(part, from);
    if (start < 0) return undefined;
    const gap = unquoted(text.slice(from, start));
    const prepared = prepare(part);
    const piece = prepared.replace(/'/g, '');
    if (!gapFits(gap, spans.length > 0) || CLINGS.test(piece)) return undefined;
    joined += gap;
    spans.push({ start: joined.length, end: joined.length + piece.length, prepared });
    joined += piece;
    from = start + part.length;
  }
  const tail = unquoted(text.slice(from));
  if (!gapFits(tail, false) || joined + tail !== read) return undefined;
  const out: Term[][] = spans.map(() => []);
  let j = 0;
  for (let i = 0; i < whole.length; i++) {
    const a = at[i]!;
    if (a < 0) continue; // katakana runs: read from each part below, as reading it alone lists them
    while (j < spans.length && a >= spans[j]!.end) j++;
    if (j >= spans.length || a < spans[j]!.start) return undefined;
    out[j]!.push(whole[i]!);
  }
  spans.forEach(({ prepared }, k) => {
    for (const m of prepared.matchAll(KATAKANA_RUN)) out[k]!.push({ text: m[0], kind: 'word', fuzzy: false });
  });
  return out;
}
