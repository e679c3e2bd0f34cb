/**
 * Loads the knowledge pack from disk: `dialogs/topics/*.json` for structure and
 * `locales/<lang>/{topics,phrasings,lexicon}.json` for words. Validation runs on every load;
 * a broken pack throws a ContentValidationError naming each file and key, and never half-loads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../i18n/languages.js';
import { ContentIssueCode, ContentValidationError } from './errors.js';
import { KnowledgePack } from './pack.js';
import type { RawFile, RawKnowledge } from './types.js';
import { validateKnowledge } from './validate.js';

export const NAMESPACES = ['topics', 'phrasings', 'lexicon', 'common', 'commands', 'answers'] as const;

/** The project folder: the nearest ancestor of this module holding `dialogs/` and `locales/`. */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (
      existsSync(join(dir, 'dialogs')) &&
      existsSync(join(dir, 'locales')) &&
      existsSync(join(dir, 'package.json'))
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project folder with dialogs/ and locales/ above ${from}`);
    dir = parent;
  }
}

class JsonReadError extends Error {}

function readJson(root: string, path: string): RawFile {
  const file = relative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new JsonReadError(`${file}: cannot be read (${(e as Error).message})`);
  }
  try {
    return { file, data: JSON.parse(text) };
  } catch (e) {
    throw new JsonReadError(`${file}: ${(e as Error).message}`);
  }
}

/** Reads the raw files. Unreadable or malformed JSON becomes a content issue, not a crash. */
export function readKnowledge(root: string): {
  raw: RawKnowledge;
  malformed: { file: string; message: string }[];
} {
  const malformed: { file: string; message: string }[] = [];
  const tryRead = (path: string): RawFile | undefined => {
    if (!existsSync(path)) return undefined;
    try {
      return readJson(root, path);
    } catch (e) {
      malformed.push({ file: relative(root, path), message: (e as Error).message });
      return undefined;
    }
  };
  const readDir = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => tryRead(join(dir, f)))
          .filter((f): f is RawFile => f !== undefined)
      : [];
  const structures = readDir(join(root, 'dialogs', 'topics'));
  const answers = readDir(join(root, 'dialogs', 'answers'));
  const locales: RawKnowledge['locales'] = {};
  for (const lang of LANGUAGES) {
    const entry: NonNullable<RawKnowledge['locales']['en']> = {};
    for (const ns of NAMESPACES) {
      const file = tryRead(join(root, 'locales', lang, `${ns}.json`));
      if (file) entry[ns] = file;
    }
    locales[lang] = entry;
  }
  const escalation = tryRead(join(root, 'dialogs', 'escalation.json'));
  return { raw: { structures, answers, locales, ...(escalation ? { escalation } : {}) }, malformed };
}

export function loadKnowledgePack(root: string = projectRoot()): KnowledgePack {
  const { raw, malformed } = readKnowledge(root);
  const issues = malformed.map(({ file, message }) => ({
    code: ContentIssueCode.MalformedJson,
    file,
    key: '(file)',
    message,
  }));
  issues.push(...validateKnowledge(raw).filter((i) => !malformed.some((m) => m.file === i.file)));
  if (issues.length) throw new ContentValidationError(issues);
  return KnowledgePack.fromRaw(raw);
}
