/**
 * The words of plain ASCII text, cut exactly where `Intl.Segmenter` (ICU's word rules, Unicode
 * UAX #29) cuts them, without it. Segmenting is most of the cost of reading an English message:
 * ICU hands back an object per word, space and comma. For ASCII the rules are few: letters,
 * digits and `_` join; a `.` or `:` (or `'`) joins letters on both sides, and `.`, `,` or `;`
 * digits on both sides; spaces join spaces; a line break stands alone; anything else is cut. A test
 * compares this with `Intl.Segmenter` on every text of the pack and on random text.
 */

const enum Kind {
  Other,
  Letter,
  Digit,
  /** `.` and `'`: between two letters or two digits. */
  MidNumLet,
  /** `:`: between two letters. */
  MidLetter,
  /** `,` and `;`: between two digits. */
  MidNum,
  /** `_` */
  Connector,
  Space,
  CarriageReturn,
  LineBreak,
}

const KINDS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  KINDS[c] = /[a-z]/i.test(ch)
    ? Kind.Letter
    : /[0-9]/.test(ch)
      ? Kind.Digit
      : ch === '.' || ch === "'"
        ? Kind.MidNumLet
        : ch === ':'
          ? Kind.MidLetter
          : ch === ',' || ch === ';'
            ? Kind.MidNum
            : ch === '_'
              ? Kind.Connector
              : ch === ' '
                ? Kind.Space
                : ch === '\r'
                  ? Kind.CarriageReturn
                  : ch === '\n' || ch === '\v' || ch === '\f'
                    ? Kind.LineBreak
                    : Kind.Other;
}

/** True when there is no word boundary between `at - 1` and `at` (kinds `k`, in text order). */
function joined(k: Uint8Array, at: number): boolean {
  const a = k[at - 1]!;
  const b = k[at]!;
  if (a === Kind.CarriageReturn && b === Kind.LineBreak) return true;
  if (a === Kind.CarriageReturn || a === Kind.LineBreak || b === Kind.CarriageReturn || b === Kind.LineBreak)
    return false;
  if (a === Kind.Space) return b === Kind.Space;
  const wordA = a === Kind.Letter || a === Kind.Digit;
  const wordB = b === Kind.Letter || b === Kind.Digit;
  if (wordA && wordB) return true;
  if (b === Kind.Connector) return wordA || a === Kind.Connector;
  if (a === Kind.Connector) return wordB;
  // Letter . letter, letter : letter, digit . digit, digit , digit: the middle one joins both sides.
  if (
    wordA &&
    (b === Kind.MidNumLet ||
      (b === Kind.MidLetter ? a === Kind.Letter : b === Kind.MidNum && a === Kind.Digit))
  )
    return k[at + 1] === a;
  if (
    wordB &&
    (a === Kind.MidNumLet ||
      (a === Kind.MidLetter ? b === Kind.Letter : a === Kind.MidNum && b === Kind.Digit))
  )
    return at >= 2 && k[at - 2] === b;
  return false;
}

/**
 * The segments of `text` that start with a letter or a digit (the ones `Intl.Segmenter` calls
 * word-like, and the only ones the analyzer reads), in order, and where each starts in `starts`;
 * undefined when `text` is not plain ASCII.
 */
export function asciiWords(text: string, starts: number[] = []): string[] | undefined {
  const n = text.length;
  const kinds = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return undefined;
    kinds[i] = KINDS[c]!;
  }
  // kinds[n] stays Other, so a look past the end never joins.
  const words: string[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && joined(kinds, i)) continue;
    const first = kinds[start];
    if (first === Kind.Letter || first === Kind.Digit) {
      words.push(text.slice(start, i));
      starts.push(start);
    }
    start = i;
  }
  return words;
}
