/**
 * Groups questions that ask the same thing in other words, language by language (new phrasings
 * are written per language): two questions are alike when most of the shorter one's terms (the
 * resolver's own: stems, CJK words and Han pairs, synonyms folded) are in the other.
 */
import type { Lang } from '../i18n/languages.js';
import type { Analyzer } from '../text/analyzer.js';

export interface Groupable {
  text: string;
  lang: Lang;
  /** The topic the resolver found closest, if any. */
  topic: string | null;
}

export interface QuestionGroup<T extends Groupable> {
  members: T[];
  /** The topic most members were closest to; null when none was close to any. */
  closest: string | null;
}

/** Share of the shorter question's terms the other must have. */
const ALIKE = 0.6;

export function groupSimilar<T extends Groupable>(items: T[], analyzer: Analyzer): QuestionGroup<T>[] {
  const groups: { lang: Lang; terms: Set<string>; members: T[] }[] = [];
  for (const item of items) {
    const terms = new Set(analyzer.terms(item.text, item.lang).map((t) => t.text));
    const home = groups.find((g) => g.lang === item.lang && overlap(g.terms, terms) >= ALIKE);
    if (home) home.members.push(item);
    else groups.push({ lang: item.lang, terms, members: [item] });
  }
  return groups
    .map((g) => ({ members: g.members, closest: mostCommon(g.members.map((m) => m.topic)) }))
    .sort((a, b) => b.members.length - a.members.length);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
