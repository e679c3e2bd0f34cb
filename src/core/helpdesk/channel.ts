/**
 * Where tickets go and how users hear back: each platform adapter provides a helpdesk channel
 * (posts and updates ticket cards) and a notifier (reaches a user again at the address kept on
 * the ticket). The outbox handlers below connect them to the outbox.
 */
import type { CardBuilder } from '../cards/build.js';
import type { Card, DigestCard, TicketCard } from '../cards/model.js';
import type { Lang } from '../i18n/languages.js';
import type { OutboxHandler } from './worker.js';
import type { Platform, TicketStore } from './types.js';

/**
 * Posting is the one outbox step that is not idempotent: a process can die after the platform
 * took a post and before the outbox recorded it. So posts carry a marker, and a platform that
 * can look its messages up (`find`) is asked for the marker before a post is tried again; one
 * that cannot (Bot Framework has no way to read a conversation back) posts again.
 */
export interface HelpdeskChannel {
  platform: Platform;
  postTicket(card: TicketCard, marker: string): Promise<Record<string, unknown>>;
  updateTicket(message: Record<string, unknown>, card: TicketCard): Promise<void>;
  /** Posts the weekly digest (see core/digest), with its marker like a ticket card. */
  postDigest(card: DigestCard, marker: string): Promise<Record<string, unknown>>;
  /** Where a post carrying `marker` (a ticket card's, or a digest's) is, if one was made since `since`. */
  findTicket?(marker: string, since: Date): Promise<Record<string, unknown> | undefined>;
}

export interface UserNotifier {
  platform: Platform;
  notify(address: Record<string, unknown>, cards: Card[], marker: string): Promise<void>;
  /** How many of the messages carrying `marker` were sent to `address` since `since`. */
  found?(address: Record<string, unknown>, marker: string, since: Date): Promise<number>;
}

/** How far back a retried notification looks for an earlier attempt (it may have waited in the outbox). */
const LOOK_BACK_MS = 24 * 60 * 60 * 1000;
/** A ticket's card cannot be older than the ticket: its lookup starts then, less clock skew. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface OutboxHandlerOptions {
  tickets: TicketStore;
  channels: HelpdeskChannel[];
  notifiers: UserNotifier[];
  cards: CardBuilder;
  /** The language the helpdesk reads its ticket cards in. */
  helpdeskLang: Lang;
}

export function outboxHandlers(o: OutboxHandlerOptions): Record<string, OutboxHandler> {
  const ticketOf = async (payload: Record<string, unknown>) => {
    const ticket = await o.tickets.get(String(payload.ref));
    if (!ticket) throw new Error(`no ticket ${String(payload.ref)}`);
    return ticket;
  };
  return {
    'helpdesk.post': async (payload, item) => {
      let ticket = await ticketOf(payload);
      if (ticket.helpdeskMessage) return { already: true };
      const channel = o.channels.find((c) => c.platform === ticket.platform) ?? o.channels[0];
      if (!channel) throw new Error('no helpdesk channel is configured');
      const marker = `ticket:${ticket.ref}`;
      // Claimed before: an earlier attempt may have posted the card and died before recording it.
      const found =
        (item?.attempts ?? 1) > 1
          ? await channel.findTicket?.(marker, new Date(Date.parse(ticket.createdAt) - CLOCK_SKEW_MS))
          : undefined;
      const message = {
        platform: channel.platform,
        ...(found ?? (await channel.postTicket(o.cards.ticket(ticket, o.helpdeskLang), marker))),
      };
      // Remember where the card is, even if the ticket changed while it was being posted.
      for (let i = 0; i < 5; i++) {
        if (await o.tickets.update(ticket.ref, ticket.version, { helpdeskMessage: message }, null, []))
          return message;
        ticket = await ticketOf(payload);
      }
      throw new Error(`could not record the card of ${ticket.ref}`);
    },
    'helpdesk.update': async (payload) => {
      const ticket = await ticketOf(payload);
      const message = ticket.helpdeskMessage;
      if (!message) throw new Error(`${ticket.ref} is not posted yet`);
      const channel = o.channels.find((c) => c.platform === message.platform);
      if (!channel) throw new Error(`no ${String(message.platform)} helpdesk channel`);
      await channel.updateTicket(message, o.cards.ticket(ticket, o.helpdeskLang));
    },
    'user.notify': async (payload, item) => {
      const ticket = await ticketOf(payload);
      const notifier = o.notifiers.find((n) => n.platform === ticket.platform);
      if (!notifier) return { skipped: `no notifier for ${ticket.platform}` };
      const key = String(payload.key);
      const values = (payload.values ?? {}) as Record<string, string>;
      const cards: Card[] = [o.cards.notice(key, ticket.lang, values)];
      if (key === 'ticket.asked') cards.push(o.cards.notice('ticket.askedHint', ticket.lang));
      if (key === 'ticket.logsRequested')
        cards.splice(0, 1, {
          ...o.cards.logs(ticket.lang, ticket.ref, ticket.platform),
          title: '',
          text: o.cards.notice(key, ticket.lang, values).text,
        });
      const marker = `outbox:${item?.id ?? `${ticket.ref}:${key}`}`;
      // Claimed before: the cards an earlier attempt sent (in order) are not sent again.
      const sent =
        (item?.attempts ?? 1) > 1
          ? ((await notifier.found?.(ticket.address, marker, new Date(Date.now() - LOOK_BACK_MS))) ?? 0)
          : 0;
      if (sent >= cards.length) return { already: true };
      await notifier.notify(ticket.address, cards.slice(sent), marker);
    },
  };
}
