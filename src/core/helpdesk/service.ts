/**
 * The helpdesk side of the core: opens tickets, takes files, relays the helpdesk's questions
 * and the user's answers, and moves tickets through claim, ask, resolve and reopen. Every
 * change queues what must be sent (the ticket card, its updates, the user's notifications) in
 * the same transaction, through the outbox.
 */
import { createHash } from 'node:crypto';
import { redactPasswords } from './redact.js';
import type { StateWrite } from '../storage/types.js';
import type {
  NewFile,
  OutboxMessage,
  Platform,
  Ticket,
  TicketEvent,
  TicketOperation,
  TicketStore,
} from './types.js';

export interface UploadRules {
  maxFiles: number;
  maxBytes: number;
  extensions: string[];
}

export interface HelpdeskOptions {
  tickets: TicketStore;
  uploads: UploadRules;
  /** Platforms with a helpdesk channel configured; tickets are posted to the first that fits. */
  channels: Platform[];
  now?: () => Date;
  /** Called after each change that queued messages, so the outbox worker sends them now. */
  kick?: () => void;
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

export type ActResult =
  { ok: true; ticket: Ticket } | { ok: false; reason: 'notFound' | 'invalid' | 'stale'; ticket?: Ticket };

const TRANSITIONS: Record<TicketOperation, Ticket['status'][]> = {
  claim: ['open', 'waiting'],
  ask: ['open', 'claimed', 'waiting'],
  logs: ['open', 'claimed', 'waiting'],
  resolve: ['open', 'claimed', 'waiting'],
  reopen: ['resolved'],
};

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

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

  private notify(ref: string, key: string, values: Record<string, string>): OutboxMessage {
    return { kind: 'user.notify', payload: { ref, key, values } };
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

  private draft(input: NewTicket): NewTicket {
    const form = Object.fromEntries(Object.entries(input.form).map(([k, v]) => [k, redactPasswords(v).text]));
    return { ...input, form };
  }

  private post(ref: string): OutboxMessage[] {
    return this.hasChannel ? [{ kind: 'helpdesk.post', payload: { ref }, dedupeKey: `${ref}:post` }] : [];
  }

  openTicket(conversation: string): Promise<Ticket | undefined> {
    return this.options.tickets.openFor(conversation);
  }

  async attach(conversation: string, file: NewFile, actor: string): Promise<AttachResult> {
    const { uploads } = this.options;
    const name = file.name.replace(/[\\/\0]/g, '_').slice(0, 200);
    const ticket = await this.openTicket(conversation);
    if (!ticket) return { ok: false, reason: 'noTicket', name };
    const extension = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
    if (!uploads.extensions.includes(extension)) return { ok: false, reason: 'type', name, ticket };
    if (file.content.length > uploads.maxBytes) return { ok: false, reason: 'tooBig', name, ticket };
    if (ticket.files.length >= uploads.maxFiles) return { ok: false, reason: 'tooMany', name, ticket };
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
    const { text: clean, redacted } = redactPasswords(text.slice(0, 2000));
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

  /** A helpdesk action from the ticket's card. `version` is the version the card showed. */
  async act(
    ref: string,
    op: TicketOperation,
    actor: string,
    input = '',
    version?: number,
  ): Promise<ActResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const ticket = await this.options.tickets.get(ref);
      if (!ticket) return { ok: false, reason: 'notFound' };
      if (version !== undefined && ticket.version !== version) return { ok: false, reason: 'stale', ticket };
      if (!TRANSITIONS[op].includes(ticket.status)) return { ok: false, reason: 'invalid', ticket };
      const detail = redactPasswords(input.trim().slice(0, 1000)).text;
      const at = this.now();
      const messages = this.update(ref);
      let change: Partial<Pick<Ticket, 'status' | 'claimedBy'>>;
      let event: TicketEvent;
      switch (op) {
        case 'claim':
          change = { status: 'claimed', claimedBy: actor };
          event = { at, actor, kind: 'claimed' };
          messages.push(this.notify(ref, 'ticket.claimed', { agent: actor, ref }));
          break;
        case 'ask':
          if (!detail) return { ok: false, reason: 'invalid', ticket };
          change = { status: 'waiting' };
          event = { at, actor, kind: 'asked', detail };
          messages.push(this.notify(ref, 'ticket.asked', { ref, question: detail }));
          break;
        case 'logs':
          // The user gets the steps to collect the logs; what they send lands on this ticket.
          change = {};
          event = { at, actor, kind: 'logs' };
          messages.push(this.notify(ref, 'ticket.logsRequested', { ref }));
          break;
        case 'resolve':
          change = { status: 'resolved' };
          event = { at, actor, kind: 'resolved', ...(detail ? { detail } : {}) };
          messages.push(this.notify(ref, 'ticket.resolved', { ref, agent: actor, note: detail || '—' }));
          break;
        case 'reopen':
          change = { status: ticket.claimedBy ? 'claimed' : 'open' };
          event = { at, actor, kind: 'reopened' };
          messages.push(this.notify(ref, 'ticket.reopened', { ref, agent: actor }));
          break;
      }
      const updated = await this.options.tickets.update(ref, ticket.version, change, event, messages);
      if (updated) {
        this.options.kick?.();
        return { ok: true, ticket: updated };
      }
      if (version !== undefined) return { ok: false, reason: 'stale', ticket };
    }
    return { ok: false, reason: 'stale' };
  }
}
