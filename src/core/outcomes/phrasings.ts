/**
 * New phrasings drawn from what people asked: a phrasing is how people name a problem, not a
 * whole chatty message. From each question the clause that carries the group's shared words is
 * kept, if it is short; phrasings the topic already has (the same words, in any order) and
 * repeats are dropped. A question with a redacted password gives none: what was around the
 * password is not how anyone names a problem, and a phrasing must never hint at one.
 *
 * Words that nearly every topic uses (the product's name: Skype, Lync) are left out: they say
 * nothing about which problem it is, and adding them to one topic would blur every other.
 */
import type { Lang } from '../i18n/languages.js';
import type { Analyzer } from '../text/analyzer.js';

/** The most phrasings proposed for one group. */
const MAX_PHRASINGS = 5;
/** The longest phrasing kept: words where words are spaced, characters in Japanese and Chinese. */
const MAX_WORDS = 8;
const MAX_CJK_CHARS = 20;
/** The redaction mark a question carries where a password was (see helpdesk/redact.ts). */
const REDACTED = '[redacted]';

/** Where a clause ends: sentence ends, commas and semicolons in every script, line breaks. */
const CLAUSE_BREAK = /[.!?;:\n。！？；：，、]+|,\s+|\s+-\s+/u;
/** Quotes, brackets and punctuation around a clause. */
const EDGES = /^[\s"'“”‘’「」『』()（）[\]…~-]+|[\s"'“”‘’「」『』()（）[\]…~.,!?;:。！？，、-]+$/gu;

export function derivePhrasings(
  questions: string[],
  lang: Lang,
  analyzer: Analyzer,
  known: readonly string[],
  /** True for a term most topics use (low weight in the resolver's index). */
  everyday: (term: string) => boolean,
): string[] {
  const key = (text: string) => [...new Set(analyzer.terms(text, lang).map((t) => t.text))].sort().join(' ');
  const seen = new Set(known.map(key));
  const shared = sharedTerms(questions, lang, analyzer);
  const out: string[] = [];
  for (const question of questions) {
    if (out.length >= MAX_PHRASINGS) break;
    if (question.includes(REDACTED)) continue;
    const clause = withoutEveryday(bestClause(question, lang, analyzer, shared), lang, analyzer, everyday);
    if (!clause || !short(clause, lang)) continue;
    const k = key(clause);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(clause);
  }
  return out;
}

/** The terms at least half of the group's questions use (all of them for a lone question). */
function sharedTerms(questions: string[], lang: Lang, analyzer: Analyzer): Set<string> {
  const counts = new Map<string, number>();
  for (const q of questions)
    for (const t of new Set(analyzer.terms(q, lang).map((x) => x.text)))
      counts.set(t, (counts.get(t) ?? 0) + 1);
  const needed = Math.max(1, Math.ceil(questions.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([t]) => t));
}

/** The clause with the most shared terms (the shorter one on a tie), tidied. */
function bestClause(question: string, lang: Lang, analyzer: Analyzer, shared: Set<string>): string {
  let best = '';
  let bestScore = 0;
  for (const raw of question.split(CLAUSE_BREAK)) {
    const clause = raw.replace(/\s+/g, ' ').replace(EDGES, '').trim();
    if (!clause) continue;
    const score = new Set(
      analyzer
        .terms(clause, lang)
        .filter((t) => shared.has(t.text))
        .map((t) => t.text),
    ).size;
    if (score > bestScore || (score === bestScore && score > 0 && clause.length < best.length)) {
      best = clause;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Latin words that are only everyday terms go. In spaced languages the little words that led
 * up to one go with it ("for lync"), and so do words with no term at either end ("is", "my").
 */
function withoutEveryday(
  clause: string,
  lang: Lang,
  analyzer: Analyzer,
  everyday: (term: string) => boolean,
): string {
  const termsOf = (word: string) => analyzer.terms(word, lang).map((t) => t.text);
  const isEveryday = (word: string) => {
    const terms = /^[A-Za-z]/.test(word) ? termsOf(word) : [];
    return terms.length > 0 && terms.every(everyday);
  };
  if (lang !== 'en') {
    const kept = clause.replace(/[A-Za-z][\w.-]*/g, (word) => (isEveryday(word) ? ' ' : word));
    // Japanese and Chinese words need no space between them once a Latin word between them is gone.
    return kept
      .replace(/\s+/g, ' ')
      .trim()
      .replace(
        /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]) (?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu,
        '',
      );
  }
  const words: string[] = [];
  for (const word of clause.split(' ')) {
    if (!isEveryday(word)) words.push(word);
    else while (words.length && !termsOf(words.at(-1)!).length) words.pop();
  }
  while (words.length && !termsOf(words[0]!).length) words.shift();
  while (words.length && !termsOf(words.at(-1)!).length) words.pop();
  return words.join(' ');
}

function short(clause: string, lang: Lang): boolean {
  if (lang === 'en') return clause.split(' ').length <= MAX_WORDS;
  return [...clause.replace(/\s+/g, '')].length <= MAX_CJK_CHARS;
}
