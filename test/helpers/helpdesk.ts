/**
 * The helpdesk pressing a button on a ticket's card, as a person would: the card shows the
 * ticket as it is now, and its button carries the card's token.
 */
import { CardBuilder } from '../../src/core/cards/build.js';
import type { Bot } from '../../src/core/bot.js';
import type { ActResult } from '../../src/core/helpdesk/service.js';
import type { ActionOrigin, TicketOperation, TicketStore } from '../../src/core/helpdesk/types.js';
import { realPack } from './pack.js';

/** The helpdesk channel the tests configure, and an agent in it. */
export const DESK: ActionOrigin = { platform: 'slack', channel: 'C-HELPDESK', user: 'U-AGENT', name: 'Alex' };

/** The token on the card the helpdesk sees now for `ref`. */
export async function cardTokenOf(tickets: TicketStore, ref: string, op: TicketOperation): Promise<string> {
  const ticket = await tickets.get(ref);
  if (!ticket) throw new Error(`no ticket ${ref}`);
  const card = new CardBuilder(realPack()).ticket(ticket, 'en');
  const button = card.choices.find((c) => c.payload.value === `${op}:${ref}`);
  if (!button) throw new Error(`the card of ${ref} (${ticket.status}) has no ${op} button`);
  return button.payload.token ?? '';
}

/** Presses `op` on the current card of `ref`, from the helpdesk channel unless told otherwise. */
export async function pressTicket(
  bot: Bot,
  tickets: TicketStore,
  ref: string,
  op: TicketOperation,
  options: { text?: string; origin?: Partial<ActionOrigin> } = {},
): Promise<ActResult> {
  const token = await cardTokenOf(tickets, ref, op);
  return bot.helpdeskAction({
    ref,
    op,
    origin: { ...DESK, ...options.origin },
    token,
    ...(options.text !== undefined ? { text: options.text } : {}),
  });
}
