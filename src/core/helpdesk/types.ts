/**
 * Tickets: what the helpdesk gets when the steps did not help. A ticket carries the user's
 * answers to the form, the files they sent, the topic and every stage shown with the answer,
 * the language, the platform, where to reach the user, and its history.
 */
import type { Attempt } from '../dialogs/state.js';
import type { Lang } from '../i18n/languages.js';
import type { StateWrite } from '../storage/types.js';

export type TicketStatus = 'open' | 'claimed' | 'waiting' | 'resolved';
export type TicketOperation = 'claim' | 'ask' | 'logs' | 'resolve' | 'reopen';
/** A platform's name: see core/platform.ts. */
export type { Platform } from '../platform.js';
import type { Platform } from '../platform.js';

export interface TicketEvent {
  at: string;
  actor: string;
  kind: 'created' | 'claimed' | 'asked' | 'logs' | 'answered' | 'resolved' | 'reopened' | 'file';
  detail?: string;
}

export interface TicketFile {
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  at: string;
}

export interface Ticket {
  ref: string;
  status: TicketStatus;
  version: number;
  platform: Platform;
  conversation: string;
  user: { id: string; name?: string };
  /** Opaque to the core: how the adapter reaches the user again (a conversation reference). */
  address: Record<string, unknown>;
  lang: Lang;
  topic: string | null;
  form: Record<string, string>;
  attempts: Attempt[];
  files: TicketFile[];
  history: TicketEvent[];
  claimedBy?: string;
  /**
   * The form that opened it (the conversation's form token): a submission delivered again
   * finds this ticket instead of opening another.
   */
  formKey?: string;
  /**
   * A random value only the ticket's card carries in its buttons: an action has to show it, so
   * a ticket cannot be acted on by guessing its (sequential) ref from somewhere else.
   */
  secret: string;
  /** Where the ticket's card is in the helpdesk channel, once posted. */
  helpdeskMessage?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export type TicketDraft = Omit<
  Ticket,
  'ref' | 'status' | 'version' | 'files' | 'history' | 'createdAt' | 'updatedAt'
>;

/**
 * Where a helpdesk action comes from, as the platform authenticated it: only the helpdesk
 * channel of that platform (and, where a list of agents is set, only those users) may act.
 */
export interface ActionOrigin {
  platform: Platform;
  /** The channel (or conversation) the button was pressed in, as the platform names it. */
  channel?: string;
  /** The platform's id of the person who pressed it (Teams AAD object id, Slack user id). */
  user: string;
  /** How the helpdesk reads that person's name on the card and in the user's notice. */
  name?: string;
}

/** A message to send later through the outbox, written with the change that calls for it. */
export interface OutboxMessage {
  kind: 'helpdesk.post' | 'helpdesk.update' | 'user.notify' | 'digest.post';
  payload: Record<string, unknown>;
  dedupeKey?: string;
}

export interface NewFile {
  name: string;
  contentType: string;
  content: Buffer;
}

export interface TicketStore {
  /** Creates the ticket and queues its messages, in one transaction. */
  create(draft: TicketDraft, now: string, messages: (ref: string) => OutboxMessage[]): Promise<Ticket>;
  /**
   * Opens the ticket a conversation's form asks for, queues its messages and saves the
   * conversation's new state (compare-and-set), in one transaction. Undefined, with nothing
   * written, when the state is no longer at `state.expectedVersion`. A form already filed
   * (same conversation and `formKey`) opens nothing new: its ticket is returned, `created` false.
   */
  file(
    draft: TicketDraft & { formKey: string },
    now: string,
    messages: (ref: string) => OutboxMessage[],
    state: StateWrite,
  ): Promise<{ ticket: Ticket; created: boolean; stateVersion: number } | undefined>;
  /** The ticket a conversation's form opened, if it did. */
  forForm(conversation: string, formKey: string): Promise<Ticket | undefined>;
  get(ref: string): Promise<Ticket | undefined>;
  /** The user's latest ticket that is not resolved. */
  openFor(conversation: string): Promise<Ticket | undefined>;
  list(filter?: { status?: TicketStatus }): Promise<Ticket[]>;
  /** How many tickets are in each status (one query: the metrics read it at every scrape). */
  countByStatus(): Promise<Partial<Record<TicketStatus, number>>>;
  /**
   * Changes a ticket if it is still at `expectedVersion`, records the event and queues the
   * messages, in one transaction. Undefined when someone else changed it first.
   */
  update(
    ref: string,
    expectedVersion: number,
    change: Partial<Pick<Ticket, 'status' | 'claimedBy' | 'helpdeskMessage'>>,
    event: TicketEvent | null,
    messages: OutboxMessage[],
  ): Promise<Ticket | undefined>;
  /**
   * Adds a file to a ticket with its event and messages, in one transaction, unless the ticket
   * already holds `maxFiles` files ('tooMany') or a file with the same content ('duplicate'):
   * then nothing is written. The count is taken inside the transaction, with the ticket locked,
   * so that two processes adding at once cannot pass the limit together.
   */
  addFile(
    ref: string,
    file: NewFile & { sha256: string },
    event: TicketEvent,
    messages: OutboxMessage[],
    maxFiles: number,
  ): Promise<{ ticket: Ticket; outcome: 'added' | 'duplicate' | 'tooMany' }>;
  fileContent(ref: string, sha256: string): Promise<Buffer | undefined>;
}
