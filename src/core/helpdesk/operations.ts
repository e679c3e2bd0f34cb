/**
 * What each helpdesk operation does to a ticket: which statuses allow it, the change it makes,
 * the event it records, and what the user is told. Kept apart from the service so the rules of a
 * ticket's life can be read in one place, without the storage and permission checks around them.
 */
import type { OutboxMessage, Ticket, TicketEvent, TicketOperation } from './types.js';

/** The statuses each operation may start from. */
export const TRANSITIONS: Record<TicketOperation, Ticket['status'][]> = {
  claim: ['open', 'waiting'],
  ask: ['open', 'claimed', 'waiting'],
  logs: ['open', 'claimed', 'waiting'],
  resolve: ['open', 'claimed', 'waiting'],
  reopen: ['resolved'],
};

/** One operation's effect: the ticket's new fields, its history entry, the user's notification. */
export interface OperationPlan {
  change: Partial<Pick<Ticket, 'status' | 'claimedBy'>>;
  event: TicketEvent;
  notice: OutboxMessage;
}

function notify(ref: string, key: string, values: Record<string, string>): OutboxMessage {
  return { kind: 'user.notify', payload: { ref, key, values } };
}

/**
 * The effect of `op` on `ticket`, by `actor`, with the agent's (already redacted) `detail`.
 * Undefined for "Ask the user" without a question: there is nothing to ask.
 */
export function planOperation(
  op: TicketOperation,
  ticket: Ticket,
  actor: string,
  detail: string,
  at: string,
): OperationPlan | undefined {
  const ref = ticket.ref;
  switch (op) {
    case 'claim':
      return {
        change: { status: 'claimed', claimedBy: actor },
        event: { at, actor, kind: 'claimed' },
        notice: notify(ref, 'ticket.claimed', { agent: actor, ref }),
      };
    case 'ask':
      if (!detail) return undefined;
      return {
        change: { status: 'waiting' },
        event: { at, actor, kind: 'asked', detail },
        notice: notify(ref, 'ticket.asked', { ref, question: detail }),
      };
    case 'logs':
      // The user gets the steps to collect the logs; what they send lands on this ticket.
      return {
        change: {},
        event: { at, actor, kind: 'logs' },
        notice: notify(ref, 'ticket.logsRequested', { ref }),
      };
    case 'resolve':
      return {
        change: { status: 'resolved' },
        event: { at, actor, kind: 'resolved', ...(detail ? { detail } : {}) },
        notice: notify(ref, 'ticket.resolved', { ref, agent: actor, note: detail || '—' }),
      };
    case 'reopen':
      return {
        change: { status: ticket.claimedBy ? 'claimed' : 'open' },
        event: { at, actor, kind: 'reopened' },
        notice: notify(ref, 'ticket.reopened', { ref, agent: actor }),
      };
  }
}
