/**
 * The glossary check: one term list per language (`locales/<lang>/glossary.json`), held against
 * everything the bot says in that language (`topics.json`, `common.json`).
 *
 * A glossary names the register (您 or 你), the script (no Simplified-only characters in
 * Traditional Chinese and the other way round, from OpenCC's tables), and terms: the word to use
 * and the words to avoid (product names, MOSDAL named one way, 憑證授權單位, half- or
 * full-width parentheses). The client's own error messages are exempt: they are quoted as the
 * client shows them.
 */
import { isSimplifiedOnly, isTraditionalOnly } from '../text/han.js';
import { leaves } from './validate-shared.js';

export interface GlossaryTerm {
  use: string;
  avoid: string[];
  /** Longer words that contain an avoided form and are right (平板电脑 beside 电脑). */
  allow?: string[];
  /** Why, for the author reading a failure. */
  note?: string;
}

export interface Glossary {
  /** `traditional` forbids Simplified-only characters; `simplified` the other way round. */
  script?: 'traditional' | 'simplified';
  /**
   * Text the script check lets through: a language's own name written in its own script
   * (繁體中文 in the Simplified list of languages), or forms a region writes although OpenCC
   * maps them (台 and 群 in Taiwan).
   */
  scriptExceptions?: string[];
  /** Product and tool names, quoted as they are: the originality check does not count them. */
  names?: string[];
  terms: GlossaryTerm[];
}

export interface GlossaryIssue {
  file: string;
  key: string;
  message: string;
}

/** Reads a glossary file's data, naming what is wrong with it. */
export function parseGlossary(file: string, data: unknown): Glossary {
  const bad = (why: string) => new Error(`${file}: ${why}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('must be a JSON object');
  const d = data as Record<string, unknown>;
  if (d.script !== undefined && d.script !== 'traditional' && d.script !== 'simplified')
    throw bad('"script" must be "traditional" or "simplified"');
  if (!Array.isArray(d.terms)) throw bad('"terms" must be a list');
  const terms = d.terms.map((t, i) => {
    const term = t as Record<string, unknown>;
    if (
      typeof term?.use !== 'string' ||
      !Array.isArray(term.avoid) ||
      !term.avoid.length ||
      term.avoid.some((a) => typeof a !== 'string' || !a)
    )
      throw bad(`terms[${i}] needs "use" (text) and "avoid" (a non-empty list of texts)`);
    if (
      term.allow !== undefined &&
      (!Array.isArray(term.allow) || term.allow.some((a) => typeof a !== 'string'))
    )
      throw bad(`terms[${i}].allow must be a list of texts`);
    return {
      use: term.use,
      avoid: term.avoid as string[],
      ...(term.allow ? { allow: term.allow as string[] } : {}),
      ...(typeof term.note === 'string' ? { note: term.note } : {}),
    };
  });
  const list = (key: 'scriptExceptions' | 'names'): string[] | undefined => {
    const v = d[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x))
      throw bad(`"${key}" must be a list of texts`);
    return v as string[];
  };
  const script = d.script as Glossary['script'];
  const scriptExceptions = list('scriptExceptions');
  const names = list('names');
  return {
    ...(script ? { script } : {}),
    ...(scriptExceptions ? { scriptExceptions } : {}),
    ...(names ? { names } : {}),
    terms,
  };
}

/** Every place where a text breaks its language's glossary. */
export function checkGlossary(glossary: Glossary, files: { file: string; data: unknown }[]): GlossaryIssue[] {
  const issues: GlossaryIssue[] = [];
  for (const { file, data } of files) {
    for (const [key, value] of leaves(data)) {
      if (typeof value !== 'string' || /(?:^|\.)errors\[\d+\]$/.test(key)) continue;
      for (const term of glossary.terms) {
        for (const avoid of term.avoid) {
          // An avoided form inside the term to use is fine (avoid "証明機関" but use
          // "証明機関 (CA)"): only what is left after removing the allowed term counts.
          let stripped = term.use.includes(avoid) ? value.split(term.use).join('') : value;
          for (const allowed of term.allow ?? []) stripped = stripped.split(allowed).join('');
          if (stripped.includes(avoid))
            issues.push({
              file,
              key,
              message: `uses "${avoid}" where the glossary says "${term.use}"${term.note ? ` (${term.note})` : ''}`,
            });
        }
      }
      if (glossary.script) {
        let checked = value;
        for (const ok of glossary.scriptExceptions ?? []) checked = checked.split(ok).join('');
        const wrong = [...checked].filter((ch) =>
          glossary.script === 'traditional' ? isSimplifiedOnly(ch) : isTraditionalOnly(ch),
        );
        if (wrong.length)
          issues.push({
            file,
            key,
            message: `has ${glossary.script === 'traditional' ? 'Simplified' : 'Traditional'}-only characters: ${[...new Set(wrong)].join(' ')}`,
          });
      }
    }
  }
  return issues;
}
