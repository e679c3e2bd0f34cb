/**
 * Labelled questions for measuring the resolver, one JSON object per line:
 * `{"text": "...", "label": "<topic id>" | "out-of-scope", "lang"?: "en" | "ja" | "zh-CN" | "zh-TW",
 *   "family"?: "chatty" | "near-miss" | ..., "context"?: ["earlier message", ...]}`.
 */
import { InvalidInputError } from '../core/errors.js';
import { isLang, type Lang } from '../core/i18n/languages.js';

export const OUT_OF_SCOPE = 'out-of-scope';

export interface LabelledQuestion {
  text: string;
  label: string;
  lang?: Lang;
  /** What kind of message it is (plain, chatty, near-miss, follow-up, ...), for the report. */
  family?: string;
  /** The conversation's earlier messages, oldest first. */
  context?: string[];
}

export function parseDataset(content: string, source = 'input'): LabelledQuestion[] {
  const rows: LabelledQuestion[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new InvalidInputError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    const row = value as Record<string, unknown>;
    if (
      typeof row !== 'object' ||
      row === null ||
      typeof row.text !== 'string' ||
      typeof row.label !== 'string'
    )
      throw new InvalidInputError(`${where}: needs string fields "text" and "label"`);
    if (row.lang !== undefined && !isLang(row.lang))
      throw new InvalidInputError(`${where}: unknown lang "${String(row.lang)}"`);
    if (row.family !== undefined && typeof row.family !== 'string')
      throw new InvalidInputError(`${where}: "family" must be a string`);
    if (
      row.context !== undefined &&
      !(Array.isArray(row.context) && row.context.every((c) => typeof c === 'string'))
    )
      throw new InvalidInputError(`${where}: "context" must be a list of earlier messages`);
    rows.push({
      text: row.text,
      label: row.label,
      ...(row.lang ? { lang: row.lang as Lang } : {}),
      ...(row.family ? { family: row.family } : {}),
      ...(row.context ? { context: row.context as string[] } : {}),
    });
  });
  return rows;
}
