/**
 * The escalation form inside a conversation: answered one field at a time where a platform has
 * no forms (the terminal, typed answers), or submitted whole (Adaptive Card inputs, a Slack
 * modal); then the ticket event that files it.
 */
import type { FormField } from '../cards/model.js';
import { redactPasswords } from '../helpdesk/redact.js';
import { normalizeTyped } from './commands.js';
import type { StepResult } from './events.js';
import { clearChoices, type Dialog, prompt, send } from './prompt.js';
import type { ConversationState } from './state.js';

/**
 * Whether text typed while the form is open is a new question rather than an answer to the
 * field asked: it is not one of the field's choices (or does not have the field's shape), and
 * the resolver finds a topic for it. A field that asks for the problem itself (the exact
 * error) takes any text; a plain "I can't sign in" is no new question while escalating.
 */
export function isNewQuestion(
  d: Dialog,
  state: ConversationState,
  text: string,
  locale?: string | null,
): boolean {
  const form = state.flow!.form!;
  const spec = d.pack.escalation.form[form.index];
  if (!spec || spec.describesProblem) return false;
  if (spec.pattern && new RegExp(spec.pattern, 'u').test(text.trim())) return false;
  if (spec.type === 'choice') {
    const field = d.cards.formFields(state.lang)[form.index]!;
    if (choiceOf(field, text)) return false;
  } else if (!longEnoughToAsk(text)) return false; // "yesterday" answers "since when?"
  const result = d.resolver.resolve(text, { locale: locale ?? state.lang });
  return result.topic !== null && d.pack.topic(result.topic).kind !== 'triage';
}

/** The choice a typed answer names: its number, its label, or a good part of the label. */
function choiceOf(field: FormField, text: string): { id: string; label: string } | undefined {
  const typed = normalizeTyped(text);
  const n = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
  return (
    field.choices![n] ??
    field.choices!.find((c) => normalizeTyped(c.label) === typed) ??
    field.choices!.find((c) => typed.length >= 3 && normalizeTyped(c.label).includes(typed))
  );
}

/** One typed answer to the form's current field (platforms without forms ask one at a time). */
export function answerField(d: Dialog, out: StepResult, text: string, skip: boolean): void {
  const { state } = out;
  const form = state.flow!.form!;
  const field = d.cards.formFields(state.lang)[form.index]!;
  const again = (key: 'form.required' | 'form.invalid') =>
    prompt(d, out, d.pack.message(key, state.lang, { field: field.label }));
  let value: string;
  if (skip) {
    if (field.required) return again('form.required');
    value = '';
  } else if (field.type === 'choice') {
    const choice = choiceOf(field, text);
    if (!choice) return again('form.invalid');
    value = choice.id;
  } else {
    value = clean(d, out, text, field.maxLength);
    if (!value && field.required) return again('form.required');
  }
  form.values[field.id] = value;
  form.index++;
  if (form.index < d.cards.formFields(state.lang).length) prompt(d, out);
  else finishForm(out);
}

/** The whole form at once (Adaptive Card inputs, a Slack modal). */
export function submitForm(d: Dialog, out: StepResult, fields: Record<string, string>): void {
  const { state } = out;
  const form = state.flow!.form!;
  for (const [i, field] of d.cards.formFields(state.lang).entries()) {
    const raw = String(fields[field.id] ?? '').trim();
    if (field.type === 'choice' && raw && !field.choices!.some((c) => c.id === raw)) {
      form.index = i;
      return prompt(d, out, d.pack.message('form.invalid', state.lang, { field: field.label }));
    }
    const value = field.type === 'choice' ? raw : clean(d, out, raw, field.maxLength);
    if (!value && field.required) {
      form.index = i;
      return prompt(d, out, d.pack.message('form.required', state.lang, { field: field.label }));
    }
    form.values[field.id] = value;
  }
  finishForm(out);
}

/** User text bound for a ticket: bounded, and never with a password in it. */
function clean(d: Dialog, out: StepResult, text: string, maxLength = 500): string {
  const { text: cleaned, redacted } = redactPasswords(text.trim().slice(0, maxLength));
  if (redacted) send(out, d.cards.notice('password.refused', out.state.lang));
  return cleaned;
}

function finishForm(out: StepResult): void {
  const { state } = out;
  const flow = state.flow!;
  out.events.push({
    type: 'ticket',
    lang: state.lang,
    form: flow.form!.values,
    attempts: state.attempts,
    topic: flow.topic || null,
    formKey: String(state.token),
  });
  state.flow = { topic: flow.topic, stage: 0, queue: [], visited: [], awaiting: 'upload' };
  state.ticketed = true;
  // What was tried now belongs to that ticket; a later problem starts a list of its own.
  state.attempts = [];
  clearChoices(state);
}

/**
 * A free-text answer ("since Monday", "yesterday", "昨日から") is short; a new question is a
 * sentence: four words or more, or ten characters of Japanese or Chinese.
 */
function longEnoughToAsk(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const han = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return words >= 4 || han >= 10;
}
