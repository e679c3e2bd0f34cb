/**
 * The helpdesk side of the core: opens tickets, takes files, relays the helpdesk's questions
 * and the user's answers, and moves tickets through claim, ask, resolve and reopen. Every
 * change queues what must be sent (the ticket card, its updates, the user's notifications) in
 * the same transaction, through the outbox.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sameSecret } from './card-token.js';
import { planOperation, TRANSITIONS } from './operations.js';
import { mentionsPassword, redactPasswords } from './redact.js';
import { humanSize, safeFileName, uploadRefusal, type UploadRules } from './uploads.js';
import type { StateWrite } from '../storage/types.js';
import type {
  ActionOrigin,
  NewFile,
  OutboxMessage,
  Platform,
  Ticket,
  TicketEvent,
  TicketOperation,
  TicketStore,
} from './types.js';

export { cardToken } from './card-token.js';
export { humanSize, type UploadRules } from './uploads.js';

export interface HelpdeskOptions {
  tickets: TicketStore;
  uploads: UploadRules;
  /** Platforms with a helpdesk channel configured; tickets are posted to the first that fits. */
  channels: Platform[];
  now?: () => Date;
  /** Called after each change that queued messages, so the outbox worker sends them now. */
  kick?: () => void;
  /**
   * The helpdesk channel of each platform: ticket actions are taken only from there. A
   * platform with none configured takes no ticket actions at all.
   */
  desks?: Partial<Record<Platform, string>>;
  /** When set, only these users (Teams AAD object ids, Slack user ids) may act on tickets. */
  agents?: string[];
  /** Told about every refused action (who, from where, why), for the log. */
  onRefused?: (refusal: Refusal) => void;
}

export interface Refusal {
  ref: string;
  op: string;
  origin: ActionOrigin;
  why: 'not the helpdesk channel' | 'not a helpdesk agent' | 'missing or wrong card token';
}

/** What opening a ticket takes: who, where, and what the conversation gathered. */
export type NewTicket = Pick<
  Ticket,
  'conversation' | 'platform' | 'user' | 'address' | 'lang' | 'topic' | 'form' | 'attempts'
>;

export type AttachResult =
  | { ok: true; ticket: Ticket; name: string; size: number }
  | {
      ok: false;
      reason: 'noTicket' | 'tooBig' | 'tooMany' | 'type' | 'duplicate';
      name: string;
      ticket?: Ticket;
    };

/**
 * - `forbidden`: not from the helpdesk channel, not an agent, or not from the ticket's card
 *   (nothing is said about the ticket itself);
 * - `stale`: pressed on a card that no longer shows the ticket as it is (the card is refreshed);
 * - `invalid`: the ticket's status does not allow it (the card is refreshed);
 * - `empty`: "Ask the user" without a question.
 */
export type ActResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: 'notFound' | 'forbidden' | 'invalid' | 'stale' | 'empty'; ticket?: Ticket };

export class Helpdesk {
  constructor(private readonly options: HelpdeskOptions) {}

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  /** The operations the helpdesk can take on a ticket in its current status. */
  static operations(ticket: Ticket): TicketOperation[] {
    return (Object.keys(TRANSITIONS) as TicketOperation[]).filter((op) =>
      TRANSITIONS[op].includes(ticket.status),
    );
  }

  get hasChannel(): boolean {
    return this.options.channels.length > 0;
  }

  private update(ref: string): OutboxMessage[] {
    return this.hasChannel ? [{ kind: 'helpdesk.update', payload: { ref } }] : [];
  }

  async createTicket(input: NewTicket): Promise<Ticket> {
    const ticket = await this.options.tickets.create(this.draft(input), this.now(), (ref) => this.post(ref));
    this.options.kick?.();
    return ticket;
  }

  /**
   * Opens the ticket a conversation's form asks for and saves the conversation's new state, in
   * one transaction with the ticket's card in the outbox. Filing the same form again (a
   * redelivered submission) returns the ticket it opened. Undefined when the state moved on.
   */
  async fileTicket(
    input: NewTicket,
    formKey: string,
    state: StateWrite,
  ): Promise<{ ticket: Ticket; created: boolean; stateVersion: number } | undefined> {
    const filed = await this.options.tickets.file(
      { ...this.draft(input), formKey },
      this.now(),
      (ref) => this.post(ref),
      state,
    );
    if (filed?.created) this.options.kick?.();
    return filed;
  }

  /** The ticket a conversation's form opened, if it did. */
  filedFor(conversation: string, formKey: string): Promise<Ticket | undefined> {
    return this.options.tickets.forForm(conversation, formKey);
  }

  private draft(input: NewTicket): NewTicket & { secret: string } {
    const form = Object.fromEntries(Object.entries(input.form).map(([k, v]) => [k, redactPasswords(v).text]));
    return { ...input, form, secret: randomBytes(12).toString('base64url') };
  }

  private post(ref: string): OutboxMessage[] {
    return this.hasChannel ? [{ kind: 'helpdesk.post', payload: { ref }, dedupeKey: `${ref}:post` }] : [];
  }

  openTicket(conversation: string): Promise<Ticket | undefined> {
    return this.options.tickets.openFor(conversation);
  }

  async attach(conversation: string, file: NewFile, actor: string): Promise<AttachResult> {
    const { uploads } = this.options;
    const name = safeFileName(file.name);
    const ticket = await this.openTicket(conversation);
    if (!ticket) return { ok: false, reason: 'noTicket', name };
    const refused = uploadRefusal(uploads, name, file, ticket.files.length);
    if (refused) return { ok: false, reason: refused, name, ticket };
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const event: TicketEvent = {
      at: this.now(),
      actor,
      kind: 'file',
      detail: `${name} (${humanSize(file.content.length)}, sha256 ${sha256.slice(0, 12)}…)`,
    };
    // Files are kept as bytes, never opened, run or rendered; the helpdesk downloads them as they came.
    const added = await this.options.tickets.addFile(
      ticket.ref,
      { ...file, name, sha256 },
      event,
      this.update(ticket.ref),
      uploads.maxFiles,
    );
    if (added.outcome !== 'added') return { ok: false, reason: added.outcome, name, ticket: added.ticket };
    this.options.kick?.();
    return { ok: true, ticket: added.ticket, name, size: file.content.length };
  }

  /** The user's answer to the helpdesk's question, redacted, back on the ticket. */
  async answer(
    ticket: Ticket,
    text: string,
    actor: string,
  ): Promise<{ ticket: Ticket; redacted: boolean } | undefined> {
    // A one-word answer that looks random is a password sent on its own; after a question
    // about a password, anything random in the answer is.
    const question = ticket.history.findLast((e) => e.kind === 'asked')?.detail ?? '';
    const { text: clean, redacted } = redactPasswords(text.slice(0, 2000), {
      answer: true,
      passwordContext: mentionsPassword(question),
    });
    const status = ticket.claimedBy ? 'claimed' : 'open';
    const updated = await this.options.tickets.update(
      ticket.ref,
      ticket.version,
      { status },
      { at: this.now(), actor, kind: 'answered', detail: clean },
      this.update(ticket.ref),
    );
    this.options.kick?.();
    return updated && { ticket: updated, redacted };
  }

  /**
   * Who may act on tickets: the helpdesk channel of the platform the button was pressed on,
   * and, when a list of agents is set, only the users on it.
   */
  private mayAct(origin: ActionOrigin): Refusal['why'] | undefined {
    const desk = this.options.desks?.[origin.platform];
    if (!desk || origin.channel !== desk) return 'not the helpdesk channel';
    const agents = this.options.agents ?? [];
    if (agents.length && !agents.includes(origin.user)) return 'not a helpdesk agent';
    return undefined;
  }

  /**
   * Whether an action may go ahead, before asking the agent for its text (Slack opens a modal
   * for "Ask the user" and "Resolve"): the same checks as `act`, without changing anything.
   */
  async check(ref: string, op: TicketOperation, origin: ActionOrigin, token = ''): Promise<ActResult> {
    const why = this.mayAct(origin);
    const ticket = why ? undefined : await this.options.tickets.get(ref);
    const [secret = '', stamp] = token.split('.');
    if (why || !ticket || !sameSecret(secret, ticket.secret)) {
      this.options.onRefused?.({ ref, op, origin, why: why ?? 'missing or wrong card token' });
      return { ok: false, reason: 'forbidden' };
    }
    if (stamp !== String(ticket.history.length)) return this.refreshed(ticket, 'stale');
    if (!TRANSITIONS[op].includes(ticket.status)) return this.refreshed(ticket, 'invalid');
    return { ok: true, ticket };
  }

  /** A click the card could not take: the card is brought up to date in place, through the outbox. */
  private async refreshed(ticket: Ticket, reason: 'stale' | 'invalid'): Promise<ActResult> {
    const current = await this.options.tickets.update(
      ticket.ref,
      ticket.version,
      {},
      null,
      this.update(ticket.ref),
    );
    this.options.kick?.();
    return { ok: false, reason, ticket: current ?? ticket };
  }

  /**
   * A helpdesk action from the ticket's card: `token` is what the card's button carried
   * (see `cardToken`), `origin` where and by whom it was pressed, as the platform says.
   */
  async act(
    ref: string,
    op: TicketOperation,
    origin: ActionOrigin,
    input = '',
    token = '',
  ): Promise<ActResult> {
    const actor = origin.name ?? origin.user;
    for (let attempt = 0; attempt < 3; attempt++) {
      const checked = await this.check(ref, op, origin, token);
      if (!checked.ok) return checked;
      const ticket = checked.ticket;
      const detail = redactPasswords(input.trim().slice(0, 1000)).text;
      const plan = planOperation(op, ticket, actor, detail, this.now());
      if (!plan) return { ok: false, reason: 'empty', ticket };
      const { change, event, notice } = plan;
      const messages = [...this.update(ref), notice];
      const updated = await this.options.tickets.update(ref, ticket.version, change, event, messages);
      if (updated) {
        this.options.kick?.();
        return { ok: true, ticket: updated };
      }
      // Another process changed the ticket between our read and write: decide again on its state.
    }
    const ticket = await this.options.tickets.get(ref);
    return ticket ? this.refreshed(ticket, 'stale') : { ok: false, reason: 'notFound' };
  }
}
