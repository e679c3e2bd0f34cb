/**
 * Validation of the knowledge pack, run every time it loads. It checks the structure files,
 * that every language has every text, that references point at real topics, that links are
 * well formed, and that the facts are the same in every language. It collects every problem
 * instead of stopping at the first, so an author fixes a whole batch in one go.
 */
import { LANGUAGES } from '../i18n/languages.js';
import { type ContentIssue, ContentIssueCode as C } from './errors.js';
import { type RawFile, type RawKnowledge, type TopicStructure } from './types.js';
import { checkAnswers } from './validate-answers.js';
import { checkTopicRoles } from './validate-roles.js';
import { checkReferences, checkStructure } from './validate-structure.js';
import { checkTopicText, compareWithReference } from './validate-text.js';
import {
  checkCommandConflicts,
  checkCommands,
  checkLexicon,
  checkMessages,
  checkPhrasings,
} from './validate-locales.js';
import { checkEscalation, checkLogFacts } from './validate-escalation.js';
import { type Context, isObject } from './validate-shared.js';

// Helpers other modules (and tests) take from here.
export { isObject, isStringArray, leaves, validateUrl, type Context, type Json } from './validate-shared.js';

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
