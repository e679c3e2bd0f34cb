/**
 * Validation of the replies that are not fixes: `dialogs/answers/<id>.json` (kind, links) and
 * their words in `locales/<lang>/answers.json` (title, text, optional list, link labels, and the
 * phrasings the resolver recognises them by). Every problem is named by file and key.
 */
import { LANGUAGES } from '../i18n/languages.js';
import { type ContentIssue, ContentIssueCode as C } from './errors.js';
import { ANSWER_KINDS, type AnswerStructure, type RawKnowledge } from './types.js';
import { type Context, isObject, isStringArray, validateUrl } from './validate-shared.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkAnswerStructure(file: string, data: unknown, ctx: Context): AnswerStructure | null {
  const before = ctx.issues.length;
  const bad = (key: string, message: string) => ctx.add(C.InvalidStructure, file, key, message);
  if (!isObject(data)) {
    bad('(root)', 'must be a JSON object');
    return null;
  }
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (typeof data.id !== 'string' || !ID.test(data.id)) bad('id', 'must be a kebab-case id');
  else if (data.id !== expectedId) bad('id', `"${data.id}" must match the file name "${expectedId}"`);
  if (!ANSWER_KINDS.includes(data.kind as never)) bad('kind', `must be one of ${ANSWER_KINDS.join(', ')}`);
  if (!Array.isArray(data.links)) bad('links', 'must be a list');
  else
    data.links.forEach((link, i) => {
      if (!isObject(link) || typeof link.id !== 'string' || typeof link.url !== 'string')
        return bad(`links[${i}]`, 'must have a string id and url');
      const problem = validateUrl(link.url);
      if (problem) ctx.add(C.MalformedLink, file, `links[${i}].url`, problem);
    });
  return ctx.issues.length === before ? (data as unknown as AnswerStructure) : null;
}

function checkAnswerText(file: string, answer: AnswerStructure, text: unknown, ctx: Context): void {
  const key = answer.id;
  if (!isObject(text)) {
    ctx.add(C.MissingTranslation, file, key, 'has no text in this language');
    return;
  }
  for (const field of ['title', 'text'] as const)
    if (typeof text[field] !== 'string' || !text[field].trim())
      ctx.add(C.EmptyText, file, `${key}.${field}`, 'must be a non-empty text');
  if (text.list !== undefined && !isStringArray(text.list))
    ctx.add(C.InvalidStructure, file, `${key}.list`, 'must be a list of texts');
  if (!isStringArray(text.phrasings) || text.phrasings.length === 0 || text.phrasings.some((p) => !p.trim()))
    ctx.add(C.MissingTranslation, file, `${key}.phrasings`, 'needs a non-empty list of phrasings');
  const labels = isObject(text.links) ? text.links : {};
  for (const link of answer.links)
    if (typeof labels[link.id] !== 'string' || !String(labels[link.id]).trim())
      ctx.add(C.MissingTranslation, file, `${key}.links.${link.id}`, 'needs a label for this link');
  for (const id of Object.keys(labels))
    if (!answer.links.some((l) => l.id === id))
      ctx.add(C.UnexpectedKey, file, `${key}.links.${id}`, 'is not a link of this answer');
  for (const field of Object.keys(text))
    if (!['title', 'text', 'list', 'links', 'phrasings'].includes(field))
      ctx.add(C.UnexpectedKey, file, `${key}.${field}`, 'is not a field of an answer');
}

/** Adds the problems of the answers and their texts to `ctx`; `topics` are the topic ids. */
export function checkAnswers(raw: RawKnowledge, topics: Set<string>, ctx: Context): ContentIssue[] {
  const answers = new Map<string, AnswerStructure>();
  for (const { file, data } of raw.answers ?? []) {
    const answer = checkAnswerStructure(file, data, ctx);
    if (!answer) continue;
    if (answers.has(answer.id) || topics.has(answer.id))
      ctx.add(C.InvalidStructure, file, 'id', `"${answer.id}" is already a topic or an answer`);
    answers.set(answer.id, answer);
  }
  if (!answers.size) return ctx.issues;
  for (const lang of LANGUAGES) {
    const source = raw.locales[lang]?.answers;
    if (!source) {
      ctx.add(C.MissingFile, `locales/${lang}/answers.json`, '(file)', 'is missing');
      continue;
    }
    if (!isObject(source.data)) {
      ctx.add(C.InvalidStructure, source.file, '(root)', 'must map answer ids to texts');
      continue;
    }
    for (const answer of answers.values()) checkAnswerText(source.file, answer, source.data[answer.id], ctx);
    for (const id of Object.keys(source.data))
      if (!answers.has(id)) ctx.add(C.UnknownTopic, source.file, id, `text for unknown answer "${id}"`);
  }
  return ctx.issues;
}
