/**
 * Small helpers every content check uses: JSON shapes, URL rules, and the context issues are
 * collected in.
 */
import { ContentIssueCode as C, type ContentIssue } from './errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Flattens nested JSON into `a.b.c` / `a.b[0]` paths with their leaf values. */
export function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (isObject(v)) for (const [k, child] of Object.entries(v)) walk(child, path ? `${path}.${k}` : k);
    else out.set(path, v);
  };
  walk(value, prefix);
  return out;
}

export function validateUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a valid URL`; // the problem, for the caller to report with file and key
  }
  if (parsed.protocol !== 'https:') return `"${url}" must use https`;
  if (/\s|&amp;/.test(url)) return `"${url}" contains spaces or an HTML entity`;
  return null;
}

export interface Context {
  issues: ContentIssue[];
  add(code: C, file: string, key: string, message: string): void;
}

/** Whether `pattern` compiles as a Unicode regular expression. */
export function isRegExp(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false; // the caller reports it, naming the file and key
  }
}
