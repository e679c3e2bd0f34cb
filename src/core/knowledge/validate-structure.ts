/**
 * The structure files (dialogs/topics/*.json): each topic's shape, its links and citations, and
 * that the topics it names exist.
 */
import { type Lang, LANGUAGES } from '../i18n/languages.js';
import { ContentIssueCode as C } from './errors.js';
import { TOPIC_KINDS, type TopicStructure } from './types.js';
import { type Context, isObject, isStringArray, validateUrl } from './validate-shared.js';

export function checkStructure(file: string, data: unknown, ctx: Context): TopicStructure | null {
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
export function checkLocalizedUrls(file: string, key: string, urls: unknown, ctx: Context): void {
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
export function checkCitations(file: string, data: Record<string, unknown>, ctx: Context): void {
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

export function checkReferences(file: string, topic: TopicStructure, known: Set<string>, ctx: Context): void {
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
