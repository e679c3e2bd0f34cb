/** A button pressed on a card: answered only when it is from the card the conversation is on. */
import type { ActionPayload } from '../cards/model.js';
import { langFromLocale } from '../i18n/languages.js';
import type { StepResult } from './events.js';
import { answerFixed, chooseOption, escalate, restart, start } from './flow.js';
import { submitForm } from './form.js';
import { type Dialog, nextToken, previousTurns, prompt, send } from './prompt.js';

export function onAction(d: Dialog, out: StepResult, action: ActionPayload, locale?: string | null): void {
  const { state } = out;
  if (!previousTurns(state)) state.lang = langFromLocale(locale) ?? state.lang;
  if (action.token !== undefined && action.token !== String(state.token)) {
    // A button from an older card: answering it now could contradict what happened since.
    send(out, d.cards.notice('stale', state.lang));
    prompt(d, out);
    return;
  }
  switch (action.action) {
    case 'fixed':
      if (state.flow?.awaiting === 'fixed') answerFixed(d, out, action.value === 'yes');
      else prompt(d, out);
      return;
    case 'option':
      chooseOption(d, out, action.value);
      return;
    case 'topic':
      if (!d.pack.topics.has(action.value)) return prompt(d, out);
      out.events.push({ type: 'chosen', topic: action.value, lang: state.lang });
      start(d, out, action.value, [], []);
      return;
    case 'escalate':
      escalate(d, out, 'asked');
      return;
    case 'restart':
      restart(d, out);
      return;
    case 'help':
      send(out, d.cards.help(state.lang, nextToken(state)));
      return;
    case 'form':
      if (state.flow?.awaiting === 'form') submitForm(d, out, action.fields ?? {});
      else prompt(d, out);
      return;
    case 'ticket':
      // Helpdesk actions are handled by the helpdesk, not in a user's conversation.
      return;
  }
}
