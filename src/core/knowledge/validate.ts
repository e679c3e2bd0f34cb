/**
 * Validation of the knowledge pack, run every time it loads. It checks the structure files,
 * that every language has every text, that references point at real topics, that links are
 * well formed, and that the facts are the same in every language. It collects every problem
 * instead of stopping at the first, so an author fixes a whole batch in one go.
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import { type ContentIssue, ContentIssueCode as C } from './errors.js';
import { factTokens } from './facts.js';
import { checkAnswers } from './validate-answers.js';
import { checkTopicRoles } from './validate-roles.js';
import { type RawFile, type RawKnowledge, TOPIC_KINDS, type TopicStructure } from './types.js';

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

function checkStructure(file: string, data: unknown, ctx: Context): TopicStructure | null {
  const bad = (key: string, message: string) => ctx.add(C.InvalidStructure, file, key, message);
  if (!isObject(data)) {
    bad('(root)', 'must be a JSON object');
    return null;
  }
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (typeof data.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(data.id))
    bad('id', 'must be a kebab-case id');
  else if (data.id !== expectedId) bad('id', `"${data.id}" must match the file name "${expectedId}"`);
  if (!TOPIC_KINDS.includes(data.kind as never)) bad('kind', `must be one of ${TOPIC_KINDS.join(', ')}`);
  for (const key of ['facts', 'stages', 'next'] as const) {
    if (!isStringArray(data[key])) bad(key, 'must be a list of strings');
  }
  if (!Array.isArray(data.links)) bad('links', 'must be a list');
  else
    data.links.forEach((link, i) => {
      const key = `links[${i}]`;
      if (!isObject(link) || typeof link.id !== 'string' || typeof link.url !== 'string') {
        bad(key, 'must have a string id and url');
        return;
      }
      const urlProblem = validateUrl(link.url);
      if (urlProblem) ctx.add(C.MalformedLink, file, `${key}.url`, urlProblem);
      if (link.kb !== undefined) {
        if (typeof link.kb !== 'string' || !/^\d{5,7}$/.test(link.kb))
          ctx.add(C.MalformedLink, file, `${key}.kb`, 'must be a KB article number');
        else if (!link.url.includes(`kbid=${link.kb}`))
          ctx.add(C.MalformedLink, file, `${key}.url`, `does not point at KB ${link.kb}`);
      }
      if (link.urls !== undefined) checkLocalizedUrls(file, `${key}.urls`, link.urls, ctx);
    });
  checkCitations(file, data, ctx);
  if (data.kind === 'clarify') {
    const options = isObject(data.clarify) ? data.clarify.options : undefined;
    if (!Array.isArray(options) || options.length < 2)
      bad('clarify.options', 'a clarify topic needs two or more options');
    else
      options.forEach((o, i) => {
        if (!isObject(o) || typeof o.id !== 'string' || !isStringArray(o.topics) || o.topics.length === 0)
          bad(`clarify.options[${i}]`, 'must have an id and a non-empty list of topics');
      });
  }
  if (data.kind === 'triage') {
    const t = data.triage;
    if (!isObject(t) || !isStringArray(t.errors) || !isStringArray(t.common))
      bad('triage', 'a triage topic needs lists "errors" and "common"');
  }
  const before = ctx.issues.filter((i) => i.file === file && i.code === C.InvalidStructure).length;
  return before === 0 ? (data as unknown as TopicStructure) : null;
}

/** A page in each language: known languages only, each an https URL. */
function checkLocalizedUrls(file: string, key: string, urls: unknown, ctx: Context): void {
  if (!isObject(urls)) {
    ctx.add(C.InvalidStructure, file, key, 'must map languages to URLs');
    return;
  }
  for (const [lang, url] of Object.entries(urls)) {
    if (!LANGUAGES.includes(lang as Lang))
      ctx.add(C.InvalidStructure, file, `${key}.${lang}`, 'is not a language');
    else if (typeof url !== 'string') ctx.add(C.MalformedLink, file, `${key}.${lang}`, 'must be a URL');
    else {
      const problem = validateUrl(url);
      if (problem) ctx.add(C.MalformedLink, file, `${key}.${lang}`, problem);
    }
  }
}

/**
 * Every fact a topic declares says where it comes from (a public page, like the KB links), and
 * every cited wording of a client error names its source.
 */
function checkCitations(file: string, data: Record<string, unknown>, ctx: Context): void {
  const at = (key: string) => (file.endsWith('escalation.json') ? `logs.${key}` : key);
  const facts = isStringArray(data.facts) ? data.facts : [];
  const citations = data.citations ?? {};
  if (!isObject(citations)) {
    ctx.add(C.InvalidStructure, file, 'citations', 'must map each fact to the URL it comes from');
    return;
  }
  for (const fact of facts) {
    const url = citations[fact];
    if (typeof url !== 'string')
      ctx.add(C.MissingCitation, file, at(`citations.${fact}`), `the fact "${fact}" needs a source (a URL)`);
    else {
      const problem = validateUrl(url);
      if (problem) ctx.add(C.MalformedLink, file, at(`citations.${fact}`), problem);
    }
  }
  for (const key of Object.keys(citations))
    if (!facts.includes(key))
      ctx.add(C.UnexpectedKey, file, at(`citations.${key}`), `cites "${key}", which is not one of the facts`);
  const sources = data.errorSources ?? {};
  if (!isObject(sources)) {
    ctx.add(C.InvalidStructure, file, 'errorSources', 'must map languages to cited error messages');
    return;
  }
  for (const [lang, list] of Object.entries(sources)) {
    const key = `errorSources.${lang}`;
    if (!LANGUAGES.includes(lang as Lang)) ctx.add(C.InvalidStructure, file, key, 'is not a language');
    if (!Array.isArray(list)) {
      ctx.add(C.InvalidStructure, file, key, 'must be a list of { text, url }');
      continue;
    }
    list.forEach((s, i) => {
      if (!isObject(s) || typeof s.text !== 'string' || !s.text.trim() || typeof s.url !== 'string')
        ctx.add(
          C.MissingCitation,
          file,
          `${key}[${i}]`,
          'needs the message "text" and the "url" it is quoted from',
        );
      else {
        const problem = validateUrl(s.url);
        if (problem) ctx.add(C.MalformedLink, file, `${key}[${i}].url`, problem);
      }
    });
  }
}

function checkReferences(file: string, topic: TopicStructure, known: Set<string>, ctx: Context): void {
  const refs: [string, string][] = topic.next.map((id, i) => [`next[${i}]`, id]);
  topic.clarify?.options.forEach((o, i) =>
    o.topics.forEach((id, j) => refs.push([`clarify.options[${i}].topics[${j}]`, id])),
  );
  topic.triage?.errors.forEach((id, i) => refs.push([`triage.errors[${i}]`, id]));
  topic.triage?.common.forEach((id, i) => refs.push([`triage.common[${i}]`, id]));
  for (const [key, id] of refs) {
    if (!known.has(id)) ctx.add(C.UnknownTopic, file, key, `refers to unknown topic "${id}"`);
  }
}

/** The keys a topic's text must have, derived from its structure. */
function expectedTextShape(topic: TopicStructure): Record<string, Json> {
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

function checkTopicText(file: string, topic: TopicStructure, text: unknown, ctx: Context): void {
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

function compareWithReference(
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

function checkPhrasings(file: string, data: unknown, known: Set<string>, ctx: Context): void {
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

function checkLexicon(file: string, data: unknown, ctx: Context): void {
  if (!isObject(data) || !isStringArray(data.stopwords) || !isObject(data.synonyms)) {
    ctx.add(C.InvalidStructure, file, '(root)', 'must have "stopwords" (list) and "synonyms" (object)');
    return;
  }
  for (const [canonical, variants] of Object.entries(data.synonyms)) {
    if (!isStringArray(variants))
      ctx.add(C.InvalidStructure, file, `synonyms.${canonical}`, 'must be a list');
  }
}

const COMMAND_KEYS = ['yes', 'no', 'notSure', 'help', 'cancel', 'restart', 'person', 'done', 'skip'];

/** Typed commands: every command, and a language switch to every language, has phrases. */
function checkCommands(file: string, data: unknown, ctx: Context): void {
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
function checkMessages(file: string, reference: unknown, data: unknown, ctx: Context): void {
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
function checkCommandConflicts(raw: RawKnowledge, ctx: Context): void {
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

/** The escalation form: well-formed fields whose labels (and choices) exist in the interface texts. */
function checkEscalation(raw: RawKnowledge, ctx: Context): void {
  const file = raw.escalation?.file ?? 'dialogs/escalation.json';
  const data = raw.escalation?.data;
  if (!isObject(data) || !Array.isArray(data.form) || !isObject(data.uploads)) {
    ctx.add(
      raw.escalation ? C.InvalidStructure : C.MissingFile,
      file,
      '(root)',
      'needs "form" (a list of fields) and "uploads"',
    );
    return;
  }
  const texts = leaves(raw.locales.en?.common?.data ?? {});
  data.form.forEach((f, i) => {
    const key = `form[${i}]`;
    if (
      !isObject(f) ||
      typeof f.id !== 'string' ||
      !['choice', 'text'].includes(String(f.type)) ||
      typeof f.required !== 'boolean'
    ) {
      ctx.add(
        C.InvalidStructure,
        file,
        key,
        'needs an id, a type (choice or text) and required (true or false)',
      );
      return;
    }
    if (f.describesProblem !== undefined && typeof f.describesProblem !== 'boolean')
      ctx.add(C.InvalidStructure, file, `${key}.describesProblem`, 'must be true or false');
    if (f.pattern !== undefined && !isRegExp(f.pattern))
      ctx.add(C.InvalidStructure, file, `${key}.pattern`, 'must be a regular expression');
    if (!texts.has(`form.fields.${f.id}.label`))
      ctx.add(C.MissingTranslation, 'locales/en/common.json', `form.fields.${f.id}.label`, 'is missing');
    if (f.type === 'choice') {
      if (!isStringArray(f.choices) || f.choices.length < 2)
        ctx.add(C.InvalidStructure, file, `${key}.choices`, 'a choice needs two or more choices');
      else
        for (const c of f.choices)
          if (!texts.has(`form.fields.${f.id}.choices.${c}`))
            ctx.add(
              C.MissingTranslation,
              'locales/en/common.json',
              `form.fields.${f.id}.choices.${c}`,
              'is missing',
            );
    }
  });
  const u = data.uploads;
  if (
    !(Number(u.maxFiles) > 0) ||
    !(Number(u.maxBytes) > 0) ||
    !isStringArray(u.extensions) ||
    u.extensions.some((e) => !/^\.[a-z0-9]+$/.test(e))
  )
    ctx.add(
      C.InvalidStructure,
      file,
      'uploads',
      'needs maxFiles and maxBytes above 0, and extensions like ".log"',
    );
}

/**
 * The log-collection steps (`logs.steps` in every common.json) state the facts that
 * `dialogs/escalation.json` declares under `logs`, each cited like a topic's facts.
 */
function checkLogFacts(raw: RawKnowledge, ctx: Context): void {
  const file = raw.escalation?.file ?? 'dialogs/escalation.json';
  const data = raw.escalation?.data;
  if (!isObject(data) || data.logs === undefined) return;
  const logs = data.logs;
  if (!isObject(logs) || !isStringArray(logs.facts)) {
    ctx.add(C.InvalidStructure, file, 'logs', 'needs "facts" (a list) and "citations"');
    return;
  }
  checkCitations(file, logs, ctx);
  for (const lang of LANGUAGES) {
    const common = raw.locales[lang]?.common;
    if (!common || !isObject(common.data)) continue;
    const steps = isObject(common.data.logs) ? common.data.logs.steps : undefined;
    const text = (isStringArray(steps) ? steps : []).join('\n').normalize('NFKC');
    for (const fact of logs.facts)
      if (!text.includes(fact))
        ctx.add(C.MissingFact, common.file, 'logs.steps', `does not state the fact "${fact}"`);
  }
}

/** Returns every problem in the raw knowledge; an empty list means it is fit to load. */
export function validateKnowledge(raw: RawKnowledge): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ctx: Context = {
    issues,
    add: (code, file, key, message) => issues.push({ code, file, key, message }),
  };
  const topics = new Map<string, { file: string; topic: TopicStructure }>();
  for (const { file, data } of raw.structures) {
    const topic = checkStructure(file, data, ctx);
    if (!topic) continue;
    if (topics.has(topic.id)) ctx.add(C.InvalidStructure, file, 'id', `duplicate topic id "${topic.id}"`);
    topics.set(topic.id, { file, topic });
  }
  const known = new Set(topics.keys());
  for (const { file, topic } of topics.values()) checkReferences(file, topic, known, ctx);
  checkTopicRoles(topics.values(), ctx.add);

  const reference = raw.locales.en?.topics;
  for (const lang of LANGUAGES) {
    const files = raw.locales[lang] ?? {};
    for (const ns of ['topics', 'phrasings', 'lexicon', 'common', 'commands'] as const) {
      if (!files[ns]) ctx.add(C.MissingFile, `locales/${lang}/${ns}.json`, '(file)', 'is missing');
    }
    const topicsFile: RawFile | undefined = files.topics;
    if (topicsFile) {
      if (!isObject(topicsFile.data)) {
        ctx.add(C.InvalidStructure, topicsFile.file, '(root)', 'must map topic ids to texts');
      } else {
        const data = topicsFile.data;
        for (const { topic } of topics.values()) checkTopicText(topicsFile.file, topic, data[topic.id], ctx);
        for (const id of Object.keys(data)) {
          if (!known.has(id)) ctx.add(C.UnknownTopic, topicsFile.file, id, `text for unknown topic "${id}"`);
        }
        if (lang !== 'en' && reference && isObject(reference.data)) {
          for (const id of known) {
            const refText = reference.data[id];
            const text = data[id];
            if (isObject(refText) && isObject(text)) {
              compareWithReference(topicsFile.file, lang, { [id]: refText }, { [id]: text }, ctx);
            }
          }
        }
      }
    }
    if (files.phrasings) checkPhrasings(files.phrasings.file, files.phrasings.data, known, ctx);
    if (files.lexicon) checkLexicon(files.lexicon.file, files.lexicon.data, ctx);
    if (files.commands) checkCommands(files.commands.file, files.commands.data, ctx);
    if (files.common && lang !== 'en' && raw.locales.en?.common)
      checkMessages(files.common.file, raw.locales.en.common.data, files.common.data, ctx);
  }
  checkCommandConflicts(raw, ctx);
  checkEscalation(raw, ctx);
  checkLogFacts(raw, ctx);
  checkAnswers(raw, known, ctx);
  return issues;
}

function isRegExp(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false; // the caller reports it, naming the file and key
  }
}
