/**
 * The dialog engine: one step of a conversation.
 *
 *   (state, what the user did) → (new state, cards to send, events)
 *
 * It is pure: no I/O, no clock, no platform. The flows are data (`dialogs/topics/*.json`): a
 * topic's stages are shown one at a time, each followed by "Did this fix it?"; No moves to the
 * next stage, then to the next likely topic, and after the last one to the helpdesk hand-over.
 * A clarifying topic asks which cause applies; triage asks what the user sees.
 *
 * The step's parts live beside it: typed text (`text.ts`), buttons (`actions.ts`), new
 * questions (`question.ts`), moving through topics (`flow.ts`), the form (`form.ts`).
 */
import { CardBuilder } from '../cards/build.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Resolver } from '../resolver/resolver.js';
import { onAction } from './actions.js';
import { CommandMatcher } from './commands.js';
import type { StepResult, UserInput } from './events.js';
import { type Dialog, prompt } from './prompt.js';
import type { ConversationState } from './state.js';
import { onText } from './text.js';

export type { BotEvent, QuestionEvent, StepResult, UserInput } from './events.js';

export class DialogEngine {
  private readonly dialog: Dialog;

  constructor(
    readonly pack: KnowledgePack,
    readonly resolver: Resolver,
  ) {
    this.dialog = { pack, resolver, cards: new CardBuilder(pack), commands: new CommandMatcher(pack) };
  }

  step(previous: ConversationState, input: UserInput): StepResult {
    const state: ConversationState = structuredClone(previous);
    const out: StepResult = { state, cards: [], events: [] };
    if (input.action) onAction(this.dialog, out, input.action, input.locale);
    else if (input.text !== undefined) onText(this.dialog, out, input.text, input.locale);
    // Nothing readable arrived (a card submitted with nothing chosen): ask again, saying why.
    else prompt(this.dialog, out, this.pack.message('nothingChosen', state.lang));
    return out;
  }

  /** The card for whatever the conversation is waiting for, e.g. after a language switch. */
  prompt(out: StepResult, note?: string): void {
    prompt(this.dialog, out, note);
  }
}
