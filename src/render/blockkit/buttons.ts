/** Buttons in Block Kit: a card's choices, the form's and the ticket's buttons, and their removal once answered. */
import type { ActionPayload, Choice } from '../../core/cards/model.js';
import { type Block, clip, escapeSlack, LIMITS, mrkdwn, section } from './text.js';

export const encodeValue = (payload: ActionPayload) => JSON.stringify(payload);

export function choiceButtons(choices: Choice[], chooseLabel: string): Block[] {
  if (!choices.length) return [];
  const button = (c: Choice, i: number, text: string) => ({
    type: 'button',
    action_id: `choice:${i}`,
    text: { type: 'plain_text', text: clip(text, LIMITS.button), emoji: true },
    value: encodeValue(c.payload),
    ...(c.style === 'positive' ? { style: 'primary' } : c.style === 'destructive' ? { style: 'danger' } : {}),
  });
  // Labels too long for a button (whole error messages) get a section each, with a short button.
  if (choices.every((c) => [...c.label].length <= LIMITS.button) && choices.length <= LIMITS.actions)
    return [{ type: 'actions', block_id: 'choices', elements: choices.map((c, i) => button(c, i, c.label)) }];
  return choices.map((c, i) => ({
    ...section(mrkdwn(c.label)),
    block_id: `choice-${i}`,
    accessory: button(c, i, chooseLabel),
  }));
}

/** Slack asks the form through a modal: the message carries the button that opens it. */
export function formButton(label: string, token: string): Block {
  return {
    type: 'actions',
    block_id: 'form',
    elements: [
      {
        type: 'button',
        action_id: 'open-form',
        style: 'primary',
        text: { type: 'plain_text', text: clip(label, LIMITS.button) },
        value: JSON.stringify({ token }),
      },
    ],
  };
}

/** Claim and Reopen act at once; Ask and Resolve open a modal for the question or the note. */
export function ticketButtons(choices: Choice[]): Block {
  return {
    type: 'actions',
    block_id: 'ticket',
    elements: choices.map((c) => ({
      type: 'button',
      action_id: `ticket:${c.payload.value.split(':')[0]}`,
      text: { type: 'plain_text', text: clip(c.label, LIMITS.button) },
      value: encodeValue(c.payload),
      ...(c.style === 'positive' ? { style: 'primary' } : {}),
    })),
  };
}

/** The same message once answered: buttons gone, the answer shown. */
export function answeredBlocks(blocks: Block[], answer: string): Block[] {
  const kept = blocks
    .filter((b) => b.type !== 'actions')
    .map((b) => {
      const { accessory: _accessory, ...rest } = b as Block & { accessory?: unknown };
      return rest as Block;
    });
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeSlack(answer)}` }] }];
}
