/** Proof that a ticket action came from the ticket's own, current card. */
import { timingSafeEqual } from 'node:crypto';
import type { Ticket } from './types.js';

/**
 * The token a ticket card's buttons carry: the ticket's secret, and how many events the card
 * showed. Recording where the card was posted adds no event, so a card is current as soon as
 * it appears; a click on a card that missed an event (someone else claimed meanwhile) is stale.
 */
export function cardToken(ticket: Pick<Ticket, 'secret' | 'history'>): string {
  return `${ticket.secret}.${ticket.history.length}`;
}

/** Compared in constant time, so the secret cannot be guessed from how long a refusal takes. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
