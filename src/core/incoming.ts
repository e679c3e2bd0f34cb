/**
 * What a platform hands the bot (`Incoming`, a ticket button's `HelpdeskActionInput`) and what
 * it gets back (`Outgoing`), and the boundary that makes every input well-formed first.
 */
import type { UserInput, BotEvent } from './dialogs/engine.js';
import type { Card } from './cards/model.js';
import type { NewTicket } from './helpdesk/service.js';
import type { ActionOrigin, TicketOperation } from './helpdesk/types.js';
import type { Platform } from './platform.js';
import { wellFormed, wellFormedFields } from './text/well-formed.js';

/** A file the user sent in the chat; downloaded only when it is taken. */
export interface IncomingFile {
  name: string;
  contentType: string;
  /** Size announced by the platform, when it does (checked again after download). */
  size?: number;
  /**
   * The file's bytes, reading no more than `maxBytes`: past that it stops and throws
   * FileTooLargeError, whatever size was announced.
   */
  download(maxBytes: number): Promise<Buffer>;
}

export interface Incoming extends UserInput {
  /** Identifies the conversation with one user (adapters decide: chat id, thread, user). */
  conversation: string;
  platform?: Platform;
  user?: { id: string; name?: string };
  /** How the adapter reaches this user again later (kept on tickets for notifications). */
  address?: Record<string, unknown>;
  files?: IncomingFile[];
  /** The channel the message was written in, for group conversations (pinned quick fixes). */
  channel?: string;
}

export interface HelpdeskActionInput {
  ref: string;
  op: TicketOperation;
  /** Where and by whom the button was pressed, as the platform authenticated it. */
  origin: ActionOrigin;
  text?: string;
  /** What the card's button carried (see `cardToken`). */
  token?: string;
}

export interface Outgoing {
  cards: Card[];
  events: BotEvent[];
  /**
   * A form submission that filed a ticket (now or, for a submission delivered again, before):
   * its ref and the card among `cards` that tells the user its number. Adapters that can show
   * that card in the place of the submitted form do, so that a redelivered submission shows it
   * in the same place instead of a second time.
   */
  filed?: { ref: string; card: Card };
}

/**
 * The boundary every platform's input crosses: the text, the button's value and token, the
 * form's answers and the user's name made well-formed (see text/well-formed.ts), so that no
 * character a user can send makes storing the step fail and lose their work.
 */
export function wellFormedIncoming(incoming: Incoming): Incoming {
  const { text, action, user, channel, files } = incoming;
  // Adapters parse JSON from the wire: a value typed as a string may arrive as anything else.
  const clean = (value: unknown) => (typeof value === 'string' ? wellFormed(value) : '');
  return {
    ...incoming,
    conversation: clean(incoming.conversation),
    ...(text !== undefined ? { text: clean(text) } : {}),
    ...(action
      ? {
          action: {
            ...action,
            value: clean(action.value),
            ...(action.token !== undefined ? { token: clean(action.token) } : {}),
            ...(action.fields ? { fields: wellFormedFields(action.fields) } : {}),
          },
        }
      : {}),
    ...(user
      ? { user: { id: clean(user.id), ...(user.name !== undefined ? { name: clean(user.name) } : {}) } }
      : {}),
    ...(channel !== undefined ? { channel: clean(channel) } : {}),
    ...(files ? { files: files.map((f) => ({ ...f, name: clean(f.name) })) } : {}),
  };
}

/** A helpdesk button's input made well-formed, like every message (see wellFormedIncoming). */
export function wellFormedAction<T extends Omit<HelpdeskActionInput, 'text'> & { text?: string }>(
  input: T,
): T {
  const { origin } = input;
  return {
    ...input,
    ref: wellFormed(input.ref),
    origin: {
      ...origin,
      user: wellFormed(origin.user),
      ...(origin.channel !== undefined ? { channel: wellFormed(origin.channel) } : {}),
      ...(origin.name !== undefined ? { name: wellFormed(origin.name) } : {}),
    },
    ...(input.text !== undefined ? { text: wellFormed(input.text) } : {}),
    ...(input.token !== undefined ? { token: wellFormed(input.token) } : {}),
  };
}

/** The ticket a finished form opens, from the conversation it came from. */
export function newTicket(incoming: Incoming, request: Extract<BotEvent, { type: 'ticket' }>): NewTicket {
  return {
    conversation: incoming.conversation,
    platform: incoming.platform ?? 'terminal',
    user: incoming.user ?? { id: incoming.conversation },
    address: incoming.address ?? {},
    lang: request.lang,
    topic: request.topic,
    form: request.form,
    attempts: request.attempts,
  };
}
