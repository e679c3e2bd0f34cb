/**
 * Something typed: a command, an answer to what the conversation waits for (a form field, a
 * button named by its number or label, yes or no), or else a new question.
 */
import { MessageTooLongError } from '../errors.js';
import { langFromLocale } from '../i18n/languages.js';
import { detectLanguage } from '../text/detect-language.js';
import { stripNoise } from '../text/noise.js';
import { onAction } from './actions.js';
import { normalizeTyped } from './commands.js';
import type { StepResult } from './events.js';
import { answerFixed, chooseOption } from './flow.js';
import { answerField, isNewQuestion } from './form.js';
import { type Dialog, previousTurns, prompt, send } from './prompt.js';
import { onQuestion } from './question.js';
import { meant, runCommand } from './run-command.js';
import { matchChoiceLabel } from './typed-choice.js';

export function onText(d: Dialog, out: StepResult, raw: string, locale?: string | null): void {
  const { state } = out;
  const text = stripNoise(raw);
  const detected = detectLanguage(text, locale);
  if (detected.source === 'text') state.lang = detected.lang;
  else if (!previousTurns(state)) state.lang = langFromLocale(locale) ?? state.lang;

  if (raw.length > d.resolver.settings.maxLength) {
    const e = new MessageTooLongError(raw.length, d.resolver.settings.maxLength);
    send(out, d.cards.notice('tooLong', state.lang, { length: e.length, limit: e.limit }));
    return;
  }
  if (!text) {
    prompt(d, out);
    return;
  }
  const command = d.commands.recognize(text);
  if (command && runCommand(d, out, command)) return;
  if (state.flow?.awaiting === 'form') {
    if (isNewQuestion(d, state, text, locale)) {
      // Not an answer to the field but a question of its own: leave the form and answer it.
      delete state.flow;
      send(out, d.cards.notice('form.left', state.lang));
      onQuestion(d, out, raw, locale);
    } else answerField(d, out, text, command?.command === 'skip');
    return;
  }
  if (state.flow?.awaiting === 'upload' && command?.command === 'done') {
    delete state.flow;
    out.events.push({ type: 'uploads-done', lang: state.lang });
    return;
  }
  // A typed number, or the label of a button on the last card, presses that button.
  const typed = normalizeTyped(text);
  const index = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
  if (index >= 0 && state.choices[index]) {
    onAction(d, out, state.choices[index]!, locale);
    return;
  }
  const flow = state.flow;
  if (flow?.awaiting === 'fixed' && (command?.command === 'yes' || command?.command === 'no')) {
    answerFixed(d, out, command.command === 'yes');
    return;
  }
  if (flow?.awaiting === 'clarify' && command?.command === 'notSure') {
    chooseOption(d, out, 'not-sure');
    return;
  }
  if (flow?.awaiting === 'triage' && (command?.command === 'no' || command?.command === 'skip')) {
    chooseOption(d, out, 'none');
    return;
  }
  const label = matchChoiceLabel(d, state, typed);
  if (label) {
    onAction(d, out, label, locale);
    return;
  }
  // "I need to talk to a person", "can you answer in Japanese": a command inside a sentence,
  // when the rest of the sentence asks nothing else.
  const inside = flow?.awaiting === 'upload' ? undefined : d.commands.within(text);
  if (inside && meant(d, inside, text, locale ?? state.lang) && runCommand(d, out, inside.command)) return;
  onQuestion(d, out, raw, locale);
}
