/**
 * While the helpdesk waits for the user's answer (it asked a question on the ticket), the
 * user's next message is that answer: relayed to the ticket, passwords redacted, unless it is a
 * command ("help", "start over").
 */
import type { CardBuilder } from '../cards/build.js';
import type { Card } from '../cards/model.js';
import type { CommandMatcher } from '../dialogs/commands.js';
import type { Incoming, Outgoing } from '../incoming.js';
import { stripNoise } from '../text/noise.js';
import type { Helpdesk } from './service.js';

export class AnswerRelay {
  constructor(
    private readonly helpdesk: Helpdesk,
    private readonly commands: CommandMatcher,
    private readonly cards: CardBuilder,
  ) {}

  /** While the helpdesk waits for the user's answer, the next message is that answer. */
  async answer(incoming: Incoming): Promise<Outgoing | undefined> {
    if (!incoming.text || incoming.action) return undefined;
    const text = stripNoise(incoming.text);
    if (!text || this.commands.recognize(text)) return undefined;
    const ticket = await this.helpdesk.openTicket(incoming.conversation);
    if (ticket?.status !== 'waiting') return undefined;
    const relayed = await this.helpdesk.answer(
      ticket,
      text,
      incoming.user?.name ?? incoming.user?.id ?? 'user',
    );
    if (!relayed) return undefined;
    const cards: Card[] = [];
    if (relayed.redacted) cards.push(this.cards.notice('password.refused', ticket.lang));
    cards.push(this.cards.notice('ticket.answerRelayed', ticket.lang, { ref: ticket.ref }));
    return { cards, events: [] };
  }
}
