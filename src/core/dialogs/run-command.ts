/** Help, cancel, start over, a person or a language switch, typed alone or inside a sentence. */
import type { Recognized } from './commands.js';
import type { StepResult } from './events.js';
import { escalate, restart } from './flow.js';
import { clearChoices, type Dialog, nextToken, prompt, send } from './prompt.js';

/** Runs help, cancel, start over, a person or a language switch; false for other commands. */
export function runCommand(d: Dialog, out: StepResult, command: Recognized): boolean {
  const { state } = out;
  switch (command.command) {
    case 'switchTo':
      state.lang = command.lang;
      send(out, d.cards.notice('language', state.lang));
      if (state.flow) prompt(d, out);
      return true;
    case 'help':
      // Help leaves an open form: what the user types next is no longer taken as an answer.
      if (state.flow?.awaiting === 'form') delete state.flow;
      send(out, d.cards.help(state.lang, nextToken(state)));
      return true;
    case 'cancel':
      // Cancel forgets what was tried too: a later hand-over starts from the next question.
      delete state.flow;
      out.events.push({ type: 'cancelled', lang: state.lang });
      state.attempts = [];
      clearChoices(state);
      send(out, d.cards.notice('cancelled', state.lang));
      return true;
    case 'restart':
      restart(d, out);
      return true;
    case 'person':
      // Already on the way to a person: the form is how, so it is asked again, saying so.
      if (state.flow?.awaiting === 'form')
        prompt(d, out, d.pack.message('form.alreadyEscalating', state.lang));
      else escalate(d, out, 'asked');
      return true;
    default:
      return false;
  }
}

/**
 * Whether a command phrase inside a sentence is what the sentence asks: for a person, when
 * the resolver reads the whole message as a request for the hand-over; for the others, when
 * the text around the phrase names no problem, neighbour or question of its own.
 */
export function meant(
  d: Dialog,
  inside: { command: Recognized; rest: string },
  text: string,
  locale: string,
): boolean {
  if (inside.command.command !== 'person') return saysNothingElse(d, inside.rest, locale);
  const topic = d.resolver.resolve(text, { locale }).topic;
  return topic !== null && d.pack.topic(topic).kind === 'escalate';
}

/** True when text left around a command names no problem, neighbour or question of its own. */
function saysNothingElse(d: Dialog, rest: string, locale: string): boolean {
  if (!rest.trim()) return true;
  const { answer } = d.resolver.resolve(rest, { locale });
  return answer.kind === 'unknown' || answer.kind === 'smalltalk';
}
