/**
 * The hand-over: the escalation form's fields and the log-collection steps' facts.
 */
import { LANGUAGES } from '../i18n/languages.js';
import { ContentIssueCode as C } from './errors.js';
import { type RawKnowledge } from './types.js';
import { type Context, isObject, isRegExp, isStringArray, leaves } from './validate-shared.js';
import { checkCitations } from './validate-structure.js';

/** The escalation form: well-formed fields whose labels (and choices) exist in the interface texts. */
export function checkEscalation(raw: RawKnowledge, ctx: Context): void {
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
export function checkLogFacts(raw: RawKnowledge, ctx: Context): void {
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
