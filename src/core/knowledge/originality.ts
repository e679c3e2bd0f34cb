/**
 * The originality check: no sentence the bot says may be a near-copy of the source article.
 * Facts carry over (paths, values, names), sentences do not.
 *
 * Each sentence of `locales/` and each seed become token lists: words in English, characters in
 * Japanese and Chinese. Facts (paths, URLs, registry keys, numbers), UI labels (`**bold**` in the
 * bot's text; bold or bracketed in the article) and the client's error messages become one
 * placeholder token each, on both sides: quoting them is right, but the sentence around them must
 * be the bot's own. A sentence fails when it shares a long run of tokens with a seed, or a
 * shorter run that makes up most of it. Error messages and link titles (the names of Microsoft's
 * pages) are exempt by their place in the data.
 */
import { leaves } from './validate-shared.js';
import { factTokens } from './facts.js';
import type { SeedText } from './seeds.js';

export interface CopiedSentence {
  file: string;
  key: string;
  sentence: string;
  seed: string;
  /** The seed's words that the sentence repeats. */
  passage: string;
  run: number;
}

export interface OriginalityLimits {
  /** A run this long fails whatever the sentence's length. */
  longRun: number;
  /** A run this long fails when it is `share` of the sentence or more. */
  shortRun: number;
  share: number;
}

/** Runs in words for alphabetic text, in characters for Japanese and Chinese. */
export const LIMITS: { latin: OriginalityLimits; cjk: OriginalityLimits } = {
  latin: { longRun: 8, shortRun: 6, share: 0.6 },
  cjk: { longRun: 12, shortRun: 8, share: 0.6 },
};

const PLACEHOLDER = '§';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
// A katakana word is one token (サインイン), like a Latin word; Han and hiragana count by character.
const TOKEN =
  /§|[\p{Script=Katakana}ー・]+|[\p{Script=Han}\p{Script=Hiragana}]|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

interface Token {
  t: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    t: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Replaces what may be quoted (labels, facts, error messages) by one placeholder each. */
export function neutralize(text: string, quotable: readonly string[]): string {
  let out = text
    .normalize('NFKC')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*\*\*?([^*]+?)\*?\*\*/g, ` ${PLACEHOLDER} `)
    .replace(/\[([^\]\n]{1,80})\](?:\*{4})?/g, ` ${PLACEHOLDER} `);
  for (const q of quotable) if (q.length > 3) out = out.split(q.normalize('NFKC')).join(` ${PLACEHOLDER} `);
  for (const fact of [...factTokens(out)].sort((a, b) => b.length - a.length))
    out = out.split(fact).join(` ${PLACEHOLDER} `);
  return out;
}

/** A seed ready for comparison: its tokens, and an index of their n-grams. */
interface PreparedSeed {
  file: string;
  original: string;
  text: string;
  tokens: Token[];
  grams: Map<string, number[]>;
}

const GRAM = 4;
const gram = (tokens: Token[], i: number) =>
  tokens
    .slice(i, i + GRAM)
    .map((x) => x.t)
    .join('\u0001');

function prepareSeed(seed: SeedText, quotable: readonly string[]): PreparedSeed {
  const text = neutralize(seed.text, quotable);
  const tokens = tokenize(text);
  const grams = new Map<string, number[]>();
  for (let i = 0; i + GRAM <= tokens.length; i++) {
    const g = gram(tokens, i);
    const list = grams.get(g);
    if (list) list.push(i);
    else grams.set(g, [i]);
  }
  return { file: seed.file, original: seed.text, text, tokens, grams };
}

/** The longest run of the sentence's tokens found in a seed, with where it is. */
function longestRun(
  tokens: Token[],
  seeds: PreparedSeed[],
): { run: number; seed?: PreparedSeed; at: number } {
  let best: { run: number; seed?: PreparedSeed; at: number } = { run: 0, at: 0 };
  for (let i = 0; i + GRAM <= tokens.length; i++) {
    const g = gram(tokens, i);
    for (const seed of seeds) {
      for (const p of seed.grams.get(g) ?? []) {
        let n = GRAM;
        while (
          i + n < tokens.length &&
          p + n < seed.tokens.length &&
          tokens[i + n]!.t === seed.tokens[p + n]!.t
        )
          n++;
        // A run made of placeholders alone is quoting, not copying.
        const words = tokens.slice(i, i + n).filter((x) => x.t !== PLACEHOLDER).length;
        if (words >= GRAM && n > best.run) best = { run: n, seed, at: p };
      }
    }
  }
  return best;
}

/** Splits a text into sentences (Latin and CJK full stops, question and exclamation marks). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Keys whose text is quoted, not written: the client's error messages and page titles. */
export const QUOTED_KEY = /(?:^|\.)errors\[\d+\]$|(?:^|\.)links\.[^.]+$/;

export interface LocaleText {
  file: string;
  data: unknown;
}

/**
 * Every sentence of the given locale files that repeats a seed, with the seed's passage.
 * `quotable` lists texts that may be quoted anywhere (the client's error messages).
 */
export function findCopiedSentences(
  files: readonly LocaleText[],
  seeds: readonly SeedText[],
  quotable: readonly string[],
  limits = LIMITS,
): CopiedSentence[] {
  const prepared = seeds.map((s) => prepareSeed(s, quotable));
  const found: CopiedSentence[] = [];
  for (const { file, data } of files) {
    for (const [key, value] of leaves(data)) {
      if (typeof value !== 'string' || QUOTED_KEY.test(key)) continue;
      // Quoted messages go first: an error message of two sentences must not be split in two.
      let text = value.normalize('NFKC');
      for (const q of quotable)
        if (q.length > 3) text = text.split(q.normalize('NFKC')).join(` ${PLACEHOLDER} `);
      for (const sentence of sentences(text)) {
        const tokens = tokenize(neutralize(sentence, []));
        const cjk = tokens.filter((x) => CJK.test(x.t)).length > tokens.length / 2;
        const limit = cjk ? limits.cjk : limits.latin;
        const best = longestRun(tokens, prepared);
        const copied =
          best.run >= limit.longRun ||
          (best.run >= limit.shortRun && best.run >= limit.share * tokens.length);
        if (!copied || !best.seed) continue;
        const first = best.seed.tokens[best.at]!;
        const last = best.seed.tokens[best.at + best.run - 1]!;
        found.push({
          file,
          key,
          sentence,
          seed: best.seed.file,
          passage: best.seed.text.slice(first.start, last.end).replace(/\s+/g, ' '),
          run: best.run,
        });
      }
    }
  }
  return found;
}

export function formatCopied(c: CopiedSentence): string {
  return `${c.file}: ${c.key}: "${c.sentence}" repeats ${c.seed}: "${c.passage}" (${c.run} in a row)`;
}
