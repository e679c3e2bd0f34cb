/** A typed answer that names a button of the last card by its label. */
import type { ActionPayload } from '../cards/model.js';
import { normalizeTyped } from './commands.js';
import type { StepResult } from './events.js';
import { type Dialog, prompt } from './prompt.js';
import type { ConversationState } from './state.js';

/**
 * A typed answer that is (or is contained in) the label of one button of the last card. The
 * "did you mean" card has no flow behind it, so its labels are read from the state only
 * (states saved before they carried labels cannot rebuild it).
 */
export function matchChoiceLabel(
  d: Dialog,
  state: ConversationState,
  typed: string,
): ActionPayload | undefined {
  const { choices, labels } = state;
  const saved = labels?.length === choices.length;
  if (!typed || (!state.flow && !saved)) return undefined;
  const token = String(state.token);
  const current = saved
    ? choices.map((payload, i) => ({ payload, label: labels[i]! })).filter((c) => c.payload.token === token)
    : rebuiltLabels(d, state, token);
  const hits = current.filter(
    ({ label }) => label !== undefined && (label === typed || (typed.length >= 4 && label.includes(typed))),
  );
  return hits.length === 1 ? hits[0]!.payload : undefined;
}

/** The labels of the last card, rebuilt, for a state saved before states carried them. */
function rebuiltLabels(d: Dialog, state: ConversationState, token: string) {
  const labels = choiceLabels(d, state);
  return state.choices.filter((c) => c.token === token).map((payload, i) => ({ payload, label: labels[i] }));
}

function choiceLabels(d: Dialog, state: ConversationState): string[] {
  const scratch: StepResult = { state: structuredClone(state), cards: [], events: [] };
  scratch.state.token--; // rebuild the same card, with the same token
  prompt(d, scratch);
  return (scratch.cards[0]?.choices ?? []).map((c) => normalizeTyped(c.label));
}
