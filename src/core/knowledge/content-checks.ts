/**
 * The content checks that need more than the pack itself: the source article's copies and the
 * glossaries. They run in `npm test` (test/core/knowledge/) on the real content; each names the
 * file and key, and what is wrong.
 *
 * - originality: no sentence of topics.json or common.json repeats the article;
 * - glossary: each language's terms, register and script (`locales/<lang>/glossary.json`);
 * - client errors: every quoted error message is one the client shows, and reads as a sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import { checkClientErrors } from './client-errors.js';
import { checkGlossary, type Glossary, parseGlossary } from './glossary.js';
import { readKnowledge } from './load.js';
import { findCopiedSentences, formatCopied } from './originality.js';
import { readSeeds, seedsDir, type SeedText } from './seeds.js';
import type { TopicStructure, TopicText } from './types.js';

export type ContentCheck = 'originality' | 'glossary' | 'client-errors';

export interface ContentCheckIssue {
  check: ContentCheck;
  file: string;
  key: string;
  message: string;
}

/** The files in which the bot speaks: what the checks read. */
export const SPOKEN = ['topics', 'common'] as const;

interface Content {
  root: string;
  seeds: SeedText[];
  spoken: { lang: Lang; file: string; data: unknown }[];
  topics: Map<string, TopicStructure>;
}

function readContent(root: string, seeds: SeedText[]): Content {
  const { raw, malformed } = readKnowledge(root);
  if (malformed.length)
    throw new Error(
      `Cannot check content that does not parse: ${malformed.map((m) => m.message).join('; ')}`,
    );
  const spoken = LANGUAGES.flatMap((lang) =>
    SPOKEN.flatMap((ns) => {
      const f = raw.locales[lang]?.[ns];
      return f ? [{ lang, file: f.file, data: f.data }] : [];
    }),
  );
  const topics = new Map(
    raw.structures.map((s) => [(s.data as TopicStructure).id, s.data as TopicStructure] as const),
  );
  return { root, seeds, spoken, topics };
}

const topicTexts = (c: Content, lang: Lang): Record<string, TopicText> =>
  (c.spoken.find((s) => s.lang === lang && s.file.endsWith('topics.json'))?.data ?? {}) as Record<
    string,
    TopicText
  >;

/** Every error message of every language: the texts the bot may quote anywhere. */
function allErrors(c: Content): string[] {
  return LANGUAGES.flatMap((lang) => Object.values(topicTexts(c, lang)).flatMap((t) => t.errors ?? []));
}

/** Each language's glossary, or undefined when the file is missing (the glossary check says so). */
function glossaryOf(c: Content, lang: Lang): Glossary | undefined {
  const file = `locales/${lang}/glossary.json`;
  const path = join(c.root, file);
  return existsSync(path) ? parseGlossary(file, JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

function originality(c: Content): ContentCheckIssue[] {
  const names = LANGUAGES.flatMap((lang) => glossaryOf(c, lang)?.names ?? []);
  return findCopiedSentences(c.spoken, c.seeds, [...allErrors(c), ...names]).map((found) => ({
    check: 'originality',
    file: found.file,
    key: found.key,
    message: formatCopied(found).slice(found.file.length + found.key.length + 4),
  }));
}

function glossary(c: Content): ContentCheckIssue[] {
  const issues: ContentCheckIssue[] = [];
  for (const lang of LANGUAGES) {
    const parsed = glossaryOf(c, lang);
    if (!parsed) {
      issues.push({
        check: 'glossary',
        file: `locales/${lang}/glossary.json`,
        key: '(file)',
        message: 'is missing: every language needs its term list',
      });
      continue;
    }
    for (const i of checkGlossary(
      parsed,
      c.spoken.filter((s) => s.lang === lang),
    ))
      issues.push({ check: 'glossary', ...i });
  }
  return issues;
}

function clientErrors(c: Content): ContentCheckIssue[] {
  const issues: ContentCheckIssue[] = [];
  for (const lang of LANGUAGES) {
    const texts = topicTexts(c, lang);
    const errors = Object.entries(texts).flatMap(([topic, t]) =>
      (t.errors ?? []).map((text, i) => ({ topic, key: `${topic}.errors[${i}]`, text })),
    );
    const sources = (topic: string) => c.topics.get(topic)?.errorSources?.[lang] ?? [];
    for (const i of checkClientErrors(`locales/${lang}/topics.json`, lang, errors, c.seeds, sources))
      issues.push({ check: 'client-errors', ...i });
    // A cited wording the text no longer uses is stale: it would vouch for nothing.
    for (const [topic, structure] of c.topics)
      (structure.errorSources?.[lang] ?? []).forEach((s, i) => {
        if (!(texts[topic]?.errors ?? []).includes(s.text))
          issues.push({
            check: 'client-errors',
            file: `dialogs/topics/${topic}.json`,
            key: `errorSources.${lang}[${i}]`,
            message: `cites "${s.text}", which ${lang}'s text for ${topic} does not use`,
          });
      });
  }
  return issues;
}

/** Runs the three checks on the content under `root`, against the seeds in `seeds`. */
export function runContentChecks(
  root: string,
  seeds: SeedText[] = readSeeds(seedsDir(root)),
  only?: ContentCheck[],
): ContentCheckIssue[] {
  const content = readContent(root, seeds);
  const checks: Record<ContentCheck, (c: Content) => ContentCheckIssue[]> = {
    originality,
    glossary,
    'client-errors': clientErrors,
  };
  return (only ?? (Object.keys(checks) as ContentCheck[])).flatMap((name) => checks[name](content));
}

export function formatContentIssue(i: ContentCheckIssue): string {
  return `${i.file}: ${i.key}: ${i.message} [${i.check}]`;
}
