/**
 * Each language's topic texts: the keys the structure calls for, none missing or extra, and the
 * same facts and links as the English reference.
 */
import { type Lang } from '../i18n/languages.js';
import { ContentIssueCode as C } from './errors.js';
import { factTokens } from './facts.js';
import { type TopicStructure } from './types.js';
import { type Context, isObject, isStringArray, type Json, leaves, validateUrl } from './validate-shared.js';

/** The keys a topic's text must have, derived from its structure. */
export function expectedTextShape(topic: TopicStructure): Record<string, Json> {
  const shape: Record<string, Json> = {
    title: '',
    symptom: '',
    errors: [],
    cause: '',
    stages: Object.fromEntries(topic.stages.map((s) => [s, { title: '', steps: [] }])),
    links: Object.fromEntries(topic.links.map((l) => [l.id, ''])),
  };
  if (topic.kind === 'clarify') {
    shape.question = '';
    shape.options = Object.fromEntries((topic.clarify?.options ?? []).map((o) => [o.id, '']));
  }
  if (topic.kind === 'triage') {
    shape.question = '';
    shape.noErrorOption = '';
  }
  return shape;
}

export function checkTopicText(file: string, topic: TopicStructure, text: unknown, ctx: Context): void {
  const id = topic.id;
  if (!isObject(text)) {
    ctx.add(C.MissingTranslation, file, id, 'the topic has no text in this language');
    return;
  }
  const shape = expectedTextShape(topic);
  const check = (expected: Record<string, Json>, actual: Record<string, unknown>, path: string) => {
    for (const [key, exp] of Object.entries(expected)) {
      const at = `${path}.${key}`;
      const value = actual[key];
      if (value === undefined) {
        ctx.add(C.MissingTranslation, file, at, 'is missing');
      } else if (typeof exp === 'string') {
        if (typeof value !== 'string') ctx.add(C.InvalidStructure, file, at, 'must be text');
        else if (!value.trim()) ctx.add(C.EmptyText, file, at, 'is empty');
      } else if (Array.isArray(exp)) {
        if (!isStringArray(value)) ctx.add(C.InvalidStructure, file, at, 'must be a list of texts');
        else value.forEach((v, i) => !v.trim() && ctx.add(C.EmptyText, file, `${at}[${i}]`, 'is empty'));
      } else if (isObject(exp)) {
        if (!isObject(value)) ctx.add(C.InvalidStructure, file, at, 'must be an object');
        else check(exp as Record<string, Json>, value, at);
      }
    }
    for (const key of Object.keys(actual)) {
      if (key in expected) continue;
      // A stage may have an optional intro; nothing else is allowed beyond the shape.
      if (key === 'intro' && /\.stages\.[^.]+$/.test(path)) {
        if (typeof actual[key] !== 'string' || !String(actual[key]).trim())
          ctx.add(C.EmptyText, file, `${path}.intro`, 'is empty');
        continue;
      }
      ctx.add(C.UnexpectedKey, file, `${path}.${key}`, 'is not part of this topic');
    }
  };
  check(shape, text, id);
  const stages = isObject(text.stages) ? text.stages : {};
  for (const stage of topic.stages) {
    const s = stages[stage];
    if (isObject(s) && Array.isArray(s.steps) && s.steps.length === 0)
      ctx.add(C.EmptyText, file, `${id}.stages.${stage}.steps`, 'a stage needs at least one step');
  }
  // Every declared fact must be stated somewhere in the topic's text.
  const all = [...leaves(text).values()]
    .filter((v) => typeof v === 'string')
    .join('\n')
    .normalize('NFKC');
  for (const fact of topic.facts) {
    if (!all.includes(fact)) ctx.add(C.MissingFact, file, id, `does not state the fact "${fact}"`);
  }
}

export function compareWithReference(
  file: string,
  lang: Lang,
  refText: Record<string, unknown>,
  text: Record<string, unknown>,
  ctx: Context,
): void {
  const ref = leaves(refText);
  const mine = leaves(text);
  // Instruction lists must line up step by step with the reference language.
  const stepCounts = (m: Map<string, unknown>) => {
    const counts = new Map<string, number>();
    for (const key of m.keys()) {
      const match = /^(.*\.steps)\[\d+\]$/.exec(key);
      if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    }
    return counts;
  };
  const refSteps = stepCounts(ref);
  const mySteps = stepCounts(mine);
  for (const [key, n] of refSteps) {
    const m = mySteps.get(key);
    if (m !== undefined && m !== n)
      ctx.add(C.StepCountMismatch, file, key, `has ${m} steps; the English text has ${n}`);
  }
  for (const [key, value] of mine) {
    if (typeof value !== 'string') continue;
    // Error messages are the client's own words in each language, not facts to compare.
    if (/\.errors\[\d+\]$/.test(key)) continue;
    const refValue = ref.get(key);
    if (typeof refValue !== 'string') continue;
    const expected = factTokens(refValue);
    const actual = factTokens(value);
    const missing = [...expected].filter((t) => !actual.has(t));
    const extra = [...actual].filter((t) => !expected.has(t));
    if (missing.length || extra.length) {
      const parts = [];
      if (missing.length) parts.push(`lacks ${missing.map((t) => `"${t}"`).join(', ')}`);
      if (extra.length) parts.push(`has ${extra.map((t) => `"${t}"`).join(', ')} that English does not`);
      ctx.add(C.FactMismatch, file, key, `facts differ from en (${lang}): ${parts.join('; ')}`);
    }
  }
  for (const [key, value] of mine) {
    if (typeof value !== 'string') continue;
    for (const url of value.match(/https?:\/\/[^\s)）\]」』"'<>]+/g) ?? []) {
      const problem = validateUrl(url);
      if (problem) ctx.add(C.MalformedLink, file, key, problem);
    }
  }
}
