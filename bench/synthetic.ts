/**
 * A generated knowledge pack of N topics in four languages, built from the real pack's own
 * vocabulary so that word frequencies, lengths and scripts look like real content: titles,
 * several aliases and error messages per topic, symptom, cause and two stages of steps.
 * Also returns queries with their expected topic (aliases and errors, some with a typo).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGUAGES, type Lang } from '../src/core/i18n/languages.js';
import { KnowledgePack } from '../src/core/knowledge/pack.js';
import type { RawKnowledge } from '../src/core/knowledge/types.js';

/** A small deterministic random generator, so every run measures the same pack. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
function words(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

export function syntheticPack(real: KnowledgePack, topics: number, seed = 42) {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const vocab = {} as Record<Lang, string[]>;
  for (const lang of LANGUAGES) {
    const all: string[] = [];
    for (const id of real.topics.keys()) {
      const t = real.text(id, lang);
      for (const s of [
        t.title,
        t.symptom,
        t.cause,
        ...t.errors,
        ...real.phrasings(id, lang),
        ...Object.values(t.stages).flatMap((x) => x.steps),
      ])
        all.push(...words(s));
    }
    vocab[lang] = all;
  }
  const joiner = (lang: Lang) => (lang === 'en' ? ' ' : lang === 'ja' ? '' : '');
  const phrase = (lang: Lang, min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(vocab[lang])).join(
      joiner(lang),
    );

  // Heaps' law: a bigger knowledge base has a bigger vocabulary. Real articles are told apart by
  // their error codes and product or component names, kept as they are in every language; each
  // generated topic gets one of each, in its title, its first error and half of its aliases.
  const syllables = [
    'ka',
    'ren',
    'to',
    'vi',
    'mar',
    'lo',
    'sen',
    'dra',
    'pu',
    'xel',
    'no',
    'tim',
    'qua',
    'bel',
    'sor',
    'fin',
  ];
  const distinctive = (i: number) => ({
    code: `0x${(0x80070000 + i * 7919).toString(16)}`,
    name: Array.from({ length: 3 }, () => pick(syllables)).join('') + String(i % 97),
  });
  const withWord = (lang: Lang, text: string, word: string) =>
    lang === 'en' ? `${text} ${word}` : `${text}${word}`;

  const structures: RawKnowledge['structures'] = [];
  const locales: RawKnowledge['locales'] = {};
  const queries: { text: string; topic: string; lang: Lang }[] = [];
  const texts = Object.fromEntries(LANGUAGES.map((l) => [l, {} as Record<string, unknown>])) as Record<
    Lang,
    Record<string, unknown>
  >;
  const phrasings = Object.fromEntries(LANGUAGES.map((l) => [l, {} as Record<string, string[]>])) as Record<
    Lang,
    Record<string, string[]>
  >;
  for (let i = 0; i < topics; i++) {
    const id = `topic-${i}`;
    structures.push({
      file: `dialogs/topics/${id}.json`,
      data: { id, kind: 'fix', facts: [], stages: ['a', 'b'], links: [], next: [] },
    });
    const own = distinctive(i);
    for (const lang of LANGUAGES) {
      const errors = [withWord(lang, phrase(lang, 6, 12), own.code), phrase(lang, 5, 10)];
      const aliases = Array.from({ length: 6 }, (_, k) =>
        k % 2 ? phrase(lang, 2, 6) : withWord(lang, phrase(lang, 1, 5), own.name),
      );
      texts[lang][id] = {
        title: withWord(lang, phrase(lang, 3, 7), own.name),
        symptom: phrase(lang, 12, 20),
        errors,
        cause: phrase(lang, 15, 25),
        stages: {
          a: {
            title: phrase(lang, 2, 5),
            steps: [phrase(lang, 8, 16), phrase(lang, 8, 16), phrase(lang, 8, 16)],
          },
          b: { title: phrase(lang, 2, 5), steps: [phrase(lang, 8, 16), phrase(lang, 8, 16)] },
        },
        links: {},
      };
      phrasings[lang][id] = aliases;
      if (i % 10 === 0) {
        queries.push({ text: pick(errors), topic: id, lang });
        const alias = pick(aliases);
        // Some queries with a typo in a Latin word, as users type them.
        queries.push({
          text: lang === 'en' && random() < 0.5 ? alias.replace(/([a-z])([a-z])/, '$2$1') : alias,
          topic: id,
          lang,
        });
      }
    }
  }
  for (const lang of LANGUAGES)
    locales[lang] = {
      topics: { file: `locales/${lang}/topics.json`, data: texts[lang] },
      phrasings: { file: `locales/${lang}/phrasings.json`, data: phrasings[lang] },
      lexicon: { file: `locales/${lang}/lexicon.json`, data: real.lexicon(lang) },
      common: { file: `locales/${lang}/common.json`, data: {} },
      commands: { file: `locales/${lang}/commands.json`, data: real.commands(lang) },
    };
  const raw: RawKnowledge = {
    structures,
    locales,
    escalation: { file: 'dialogs/escalation.json', data: real.escalation },
  };
  return { pack: KnowledgePack.fromRaw(raw), queries, raw };
}

/** Writes a pack's files under `root` (dialogs/, locales/), as the content of a bot would be. */
export function writePack(raw: RawKnowledge, root: string): void {
  const files = [
    ...raw.structures,
    ...(raw.answers ?? []),
    ...Object.values(raw.locales).flatMap((entry) => Object.values(entry ?? {})),
    ...(raw.escalation ? [raw.escalation] : []),
  ];
  for (const { file, data } of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), JSON.stringify(data));
  }
}
