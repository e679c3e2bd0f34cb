/**
 * The other locale files: phrasings, lexicon, typed commands (and their conflicts between
 * languages), and interface messages with the same placeholders as English.
 */
import { LANGUAGES } from '../i18n/languages.js';
import { ContentIssueCode as C } from './errors.js';
import { type RawKnowledge } from './types.js';
import { type Context, isObject, isStringArray, leaves } from './validate-shared.js';

export function checkPhrasings(file: string, data: unknown, known: Set<string>, ctx: Context): void {
  if (!isObject(data)) {
    ctx.add(C.InvalidStructure, file, '(root)', 'must map topic ids to lists of phrasings');
    return;
  }
  for (const [id, list] of Object.entries(data)) {
    if (!known.has(id)) ctx.add(C.UnknownTopic, file, id, `phrasings for unknown topic "${id}"`);
    else if (!isStringArray(list)) ctx.add(C.InvalidStructure, file, id, 'must be a list of phrasings');
  }
  for (const id of known) {
    const list = data[id];
    if (!isStringArray(list) || list.length === 0)
      ctx.add(C.MissingTranslation, file, id, 'has no phrasings in this language');
  }
}

export function checkLexicon(file: string, data: unknown, ctx: Context): void {
  if (!isObject(data) || !isStringArray(data.stopwords) || !isObject(data.synonyms)) {
    ctx.add(C.InvalidStructure, file, '(root)', 'must have "stopwords" (list) and "synonyms" (object)');
    return;
  }
  for (const [canonical, variants] of Object.entries(data.synonyms)) {
    if (!isStringArray(variants))
      ctx.add(C.InvalidStructure, file, `synonyms.${canonical}`, 'must be a list');
  }
  for (const key of ['domain', 'elsewhere', 'product', 'systems'])
    if (data[key] !== undefined && !isStringArray(data[key]))
      ctx.add(C.InvalidStructure, file, key, 'must be a list of words');
  for (const list of ['negation', 'working'] as const) {
    const cues = data[list];
    if (cues === undefined) continue;
    if (!isObject(cues)) ctx.add(C.InvalidStructure, file, list, 'must be an object');
    else
      for (const [key, value] of Object.entries(cues))
        if (!['before', 'after'].includes(key) || !isStringArray(value))
          ctx.add(C.InvalidStructure, file, `${list}.${key}`, 'must be "before" or "after", a list of cues');
  }
}

const COMMAND_KEYS = ['yes', 'no', 'notSure', 'help', 'cancel', 'restart', 'person', 'done', 'skip'];

/** Typed commands: every command, and a language switch to every language, has phrases. */
export function checkCommands(file: string, data: unknown, ctx: Context): void {
  if (!isObject(data)) {
    ctx.add(C.InvalidStructure, file, '(root)', 'must be an object of command phrase lists');
    return;
  }
  for (const key of COMMAND_KEYS) {
    const list = data[key];
    if (!isStringArray(list) || list.length === 0 || list.some((p) => !p.trim()))
      ctx.add(C.MissingTranslation, file, key, 'needs a non-empty list of phrases');
  }
  const switchTo = isObject(data.switchTo) ? data.switchTo : {};
  for (const lang of LANGUAGES) {
    const list = switchTo[lang];
    if (!isStringArray(list) || list.length === 0)
      ctx.add(C.MissingTranslation, file, `switchTo.${lang}`, 'needs phrases that switch to this language');
  }
  for (const key of Object.keys(data))
    if (!COMMAND_KEYS.includes(key) && key !== 'switchTo')
      ctx.add(C.UnexpectedKey, file, key, 'is not a command');
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!));

/** Interface messages: the same keys as English, each with the same {{placeholders}}. */
export function checkMessages(file: string, reference: unknown, data: unknown, ctx: Context): void {
  const ref = leaves(reference);
  const mine = leaves(data);
  for (const [key, value] of ref) {
    const own = mine.get(key);
    if (own === undefined) {
      ctx.add(C.MissingTranslation, file, key, 'is missing');
      continue;
    }
    if (typeof own !== 'string' || !own.trim()) {
      ctx.add(C.EmptyText, file, key, 'is empty');
      continue;
    }
    const want = placeholders(String(value));
    const have = placeholders(own);
    if ([...want].some((p) => !have.has(p)) || [...have].some((p) => !want.has(p)))
      ctx.add(C.FactMismatch, file, key, `placeholders differ from en: {{${[...want].join('}}, {{')}}}`);
  }
  for (const key of mine.keys())
    if (!ref.has(key)) ctx.add(C.UnexpectedKey, file, key, 'is not in the English file');
}

/**
 * A typed phrase must mean one thing whatever language file it comes from: "用中文" cannot
 * switch to Simplified in one file and to Traditional in another.
 */
export function checkCommandConflicts(raw: RawKnowledge, ctx: Context): void {
  const meaning = new Map<string, { file: string; key: string; means: string }>();
  const norm = (p: string) =>
    p
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\p{P}\p{S}\s]+/gu, ' ')
      .trim();
  for (const lang of LANGUAGES) {
    const file = raw.locales[lang]?.commands;
    if (!file || !isObject(file.data)) continue;
    const entries: [string, string, unknown][] = COMMAND_KEYS.map((k) => [
      k,
      k,
      (file.data as Record<string, unknown>)[k],
    ]);
    const switchTo = (file.data as Record<string, unknown>).switchTo;
    if (isObject(switchTo))
      for (const [l, list] of Object.entries(switchTo))
        entries.push([`switchTo.${l}`, `switch to ${l}`, list]);
    for (const [key, means, list] of entries) {
      if (!isStringArray(list)) continue;
      for (const phrase of list) {
        const seen = meaning.get(norm(phrase));
        if (seen && seen.means !== means)
          ctx.add(
            C.InvalidStructure,
            file.file,
            key,
            `"${phrase}" also means "${seen.means}" in ${seen.file} (${seen.key})`,
          );
        else if (!seen) meaning.set(norm(phrase), { file: file.file, key, means });
      }
    }
  }
}
