/**
 * The bot: the one entry point every adapter (Teams, Slack, the terminal) calls.
 *
 *   bot.handle({ conversation, text | action, locale }) → cards to send
 *
 * It loads the conversation's state, runs one dialog step, and saves the new state with a
 * compare-and-set write. Messages of one conversation are queued in this process; if another
 * process wrote in between, the step is run again on the fresh state (the step is pure, so
 * nothing is sent or recorded twice).
 */
import { observed, type TurnObserver } from './metrics/observe.js';
import type { Logger } from './log/logger.js';
import type { Card } from './cards/model.js';
import { CardBuilder } from './cards/build.js';
import { type BotEvent, DialogEngine, type UserInput } from './dialogs/engine.js';
import { type ConversationState, initialState } from './dialogs/state.js';
import { DEFAULT_LANG, langFromLocale } from './i18n/languages.js';
import type { KnowledgePack } from './knowledge/pack.js';
import { Resolver } from './resolver/resolver.js';
import { KeyedQueue } from './storage/keyed-queue.js';
import { MemoryFeedbackStore, MemorySentCardStore, MemoryStateStore } from './storage/memory.js';
import { type FeedbackStore, type SentCardStore, type StateStore, StorageError } from './storage/types.js';
import { FileTooLargeError } from './errors.js';
import { Helpdesk } from './helpdesk/service.js';
import { MemoryOutbox, MemoryTicketStore } from './helpdesk/memory.js';
import type { ActionOrigin, Platform, TicketOperation } from './helpdesk/types.js';
import type { ActResult, NewTicket } from './helpdesk/service.js';
import { CommandMatcher } from './dialogs/commands.js';
import { stripNoise } from './text/noise.js';
import { wellFormed, wellFormedFields } from './text/well-formed.js';
import { MemoryPinStore } from './pins/memory.js';
import { type Actor, PinCommandError, PinService, parsePinCommand, splitPinTarget } from './pins/service.js';
import type { Pin } from './pins/types.js';
import type { NoticeCard, TopicCard } from './cards/model.js';
import type { Lang } from './i18n/languages.js';
import type { OutcomeStore } from './storage/outcomes.js';
import { MemoryOutcomeStore } from './storage/memory-outcomes.js';
import { OutcomeRecorder, outcomeContext } from './outcomes/recorder.js';
import { utcMinute } from './text/dates.js';

export interface BotOptions {
  pack: KnowledgePack;
  resolver?: Resolver;
  states?: StateStore<ConversationState>;
  feedback?: FeedbackStore;
  /** Called with every event after its step was saved (escalations, unknown questions, ...). */
  onEvent?: (event: BotEvent, conversation: string) => void | Promise<void>;
  /** The clock, for feedback timestamps (tests pass a fixed one). */
  now?: () => Date;
  /** Tickets for the helpdesk; an in-memory one (no helpdesk channel) when not given. */
  helpdesk?: Helpdesk;
  /** Pinned quick fixes; in memory when not given. */
  pins?: PinService;
  /** Where failures the user is told about in plain words (a download that failed) are logged. */
  log?: Logger;
  /** Told of every turn handled (for the metrics). */
  observer?: TurnObserver;
  /** Cards sent with buttons, to answer them in place; in memory when not given. */
  sentCards?: SentCardStore<Card>;
  /** What became of each question, for the helpdesk's report; in memory when not given. */
  outcomes?: OutcomeStore;
}

/** What a pin command did: the reply to the admin, a post to publish, and posts that ended. */
export interface PinOutcome {
  reply: Card[];
  publish?: { pin: Pin; card: TopicCard };
  ended: { pin: Pin; card: TopicCard }[];
}

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

const MAX_ATTEMPTS = 5;
/** How long an expired pin's post is retried before the pin ends without it. */
const GIVE_UP_ON_POST_AFTER_MS = 24 * 60 * 60 * 1000;

export class Bot {
  readonly pack: KnowledgePack;
  readonly resolver: Resolver;
  readonly engine: DialogEngine;
  readonly states: StateStore<ConversationState>;
  readonly feedback: FeedbackStore;
  readonly helpdesk: Helpdesk;
  readonly pins: PinService;
  readonly sentCards: SentCardStore<Card>;
  readonly outcomes: OutcomeStore;
  private readonly recorder: OutcomeRecorder;
  private readonly queue = new KeyedQueue();
  private readonly cards: CardBuilder;
  private readonly commands: CommandMatcher;

  constructor(private readonly options: BotOptions) {
    this.pack = options.pack;
    this.resolver = options.resolver ?? new Resolver(options.pack);
    this.engine = new DialogEngine(this.pack, this.resolver);
    this.states = options.states ?? new MemoryStateStore<ConversationState>();
    this.feedback = options.feedback ?? new MemoryFeedbackStore();
    this.cards = new CardBuilder(this.pack);
    this.commands = new CommandMatcher(this.pack);
    this.sentCards = options.sentCards ?? new MemorySentCardStore<Card>();
    this.outcomes = options.outcomes ?? new MemoryOutcomeStore();
    this.recorder = new OutcomeRecorder(this.outcomes, this.pack);
    this.pins = options.pins ?? new PinService(new MemoryPinStore(), this.pack, this.resolver, options.now);
    this.helpdesk =
      options.helpdesk ??
      new Helpdesk({
        tickets: new MemoryTicketStore(new MemoryOutbox()),
        uploads: this.pack.escalation.uploads,
        channels: [],
        ...(options.now ? { now: options.now } : {}),
      });
  }

  /**
   * A button on a ticket card: carried out only when it comes from the helpdesk channel (and a
   * listed agent, where a list is set) with the card's token; see `Helpdesk.act`.
   */
  helpdeskAction(input: HelpdeskActionInput): Promise<ActResult> {
    const clean = wellFormedAction(input);
    return this.helpdesk.act(clean.ref, clean.op, clean.origin, clean.text ?? '', clean.token ?? '');
  }

  /** The same checks, before a platform asks the agent for the question or the note. */
  helpdeskCheck(input: Omit<HelpdeskActionInput, 'text'>): Promise<ActResult> {
    const clean = wellFormedAction(input);
    return this.helpdesk.check(clean.ref, clean.op, clean.origin, clean.token ?? '');
  }

  /**
   * What the person who pressed a ticket button is told when it was not carried out, in the
   * helpdesk's language; undefined when nothing needs saying.
   */
  helpdeskRefusal(result: ActResult, lang: Lang): NoticeCard | undefined {
    if (result.ok) return undefined;
    const values = {
      field: this.pack.message('helpdesk.inputs.question', lang),
      button: this.pack.message('helpdesk.actions.ask', lang),
    };
    return this.cards.notice(`helpdesk.refused.${result.reason}`, lang, values);
  }

  handle(incoming: Incoming): Promise<Outgoing> {
    const clean = wellFormedIncoming(incoming);
    this.options.log?.annotate({ conversation: clean.conversation, platform: clean.platform });
    const handled = this.queue.run(clean.conversation, () => this.step(clean));
    return this.options.observer ? observed(handled, clean, this.options.observer) : handled;
  }

  /** The card to greet a user or a channel with, in the installer's language. */
  welcome(locale?: string | null): Card {
    return this.cards.welcome(langFromLocale(locale) ?? DEFAULT_LANG, '0');
  }

  private async step(incoming: Incoming): Promise<Outgoing> {
    if (incoming.files?.length) return this.receiveFiles(incoming);
    const { conversation, platform: _p, user: _u, address: _a, files: _f, ...input } = incoming;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Checked again after a lost compare-and-set: the other writer may have filed this very form.
      const again = await this.filedBefore(incoming);
      if (again) return again;
      const stored = await this.states.get(conversation);
      const state = stored?.value ?? initialState(langFromLocale(input.locale) ?? DEFAULT_LANG);
      // A conversation that never filed a ticket cannot owe the helpdesk an answer: no lookup.
      if (state.ticketed !== false) {
        const relayed = await this.relayAnswer(incoming);
        if (relayed) return relayed;
      }
      const result = this.engine.step(state, input);
      const expectedVersion = stored?.version ?? 0;
      const request = result.events.find((e) => e.type === 'ticket');
      let filed: { ticket: { ref: string; lang: Lang } } | undefined;
      if (request) {
        // A finished form: the state and the ticket are saved together, or neither is.
        const write = { store: this.states, key: conversation, value: result.state, expectedVersion };
        filed = await this.helpdesk.fileTicket(this.newTicket(incoming, request), request.formKey, write);
        if (!filed) continue; // another process got there first: run again on its state
      } else if ((await this.states.put(conversation, result.state, expectedVersion)) === undefined) continue;
      const pinned = await this.pinnedFirst(incoming, result.cards);
      const more = await this.deliver(incoming, result.events, pinned, filed?.ticket.ref);
      const told = filed && {
        ref: filed.ticket.ref,
        card: this.cards.logs(filed.ticket.lang, filed.ticket.ref, incoming.platform),
      };
      return {
        cards: [...pinned, ...result.cards, ...(told ? [told.card] : []), ...more],
        events: result.events,
        ...(told ? { filed: told } : {}),
      };
    }
    throw new StorageError(
      `Conversation ${conversation} kept changing under ${MAX_ATTEMPTS} attempts to update it`,
    );
  }

  private newTicket(incoming: Incoming, request: Extract<BotEvent, { type: 'ticket' }>): NewTicket {
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

  /**
   * A submitted form that already filed its ticket (the platform delivered it again, maybe to
   * another process after a crash) gets that ticket's number again, and files nothing.
   */
  private async filedBefore(incoming: Incoming): Promise<Outgoing | undefined> {
    const action = incoming.action;
    if (action?.action !== 'form' || action.value !== 'escalation' || action.token === undefined) return;
    const ticket = await this.helpdesk.filedFor(incoming.conversation, action.token);
    if (!ticket) return undefined;
    const card = this.cards.logs(ticket.lang, ticket.ref, incoming.platform);
    return { cards: [card], events: [], filed: { ref: ticket.ref, card } };
  }

  /** Carries out what a step decided (feedback, tickets) and returns the cards that follow from it. */
  private async deliver(
    incoming: Incoming,
    events: BotEvent[],
    pinned: Card[] = [],
    filedRef?: string,
  ): Promise<Card[]> {
    const conversation = incoming.conversation;
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const cards: Card[] = [];
    for (const event of events) {
      const ticket = event.type === 'ticket' ? filedRef : undefined;
      if (event.type === 'fixed')
        await this.feedback.record({
          conversation,
          topic: event.topic,
          stage: event.stage,
          fixed: true,
          lang: event.lang,
          at: now,
        });
      if (event.type === 'uploads-done') {
        const open = await this.helpdesk.openTicket(conversation);
        if (open)
          cards.push(
            this.cards.notice('ticket.uploadsDone', event.lang, { ref: open.ref, count: open.files.length }),
          );
      }
      await this.recorder.record(event, outcomeContext(incoming, now, pinned, ticket));
      await this.options.onEvent?.(event, conversation);
    }
    return cards;
  }

  private async lang(incoming: Incoming) {
    return (
      (await this.states.get(incoming.conversation))?.value.lang ??
      langFromLocale(incoming.locale) ??
      DEFAULT_LANG
    );
  }

  /** Files sent in the chat go with the user's open ticket, within the upload rules. */
  private async receiveFiles(incoming: Incoming): Promise<Outgoing> {
    const lang = await this.lang(incoming);
    const { uploads } = this.pack.escalation;
    const cards: Card[] = [];
    const actor = incoming.user?.name ?? incoming.user?.id ?? incoming.conversation;
    const megabytes = `${Math.round(uploads.maxBytes / 1024 / 1024)} MB`;
    for (const file of incoming.files ?? []) {
      const reject = (reason: string, values: Record<string, string | number> = {}) =>
        cards.push(
          this.cards.notice('ticket.fileRejected', lang, {
            name: file.name,
            reason: this.pack.message(`ticket.reasons.${reason}`, lang, values),
          }),
        );
      if (file.size !== undefined && file.size > uploads.maxBytes) {
        reject('tooBig', { max: megabytes });
        continue;
      }
      let content: Buffer;
      try {
        content = await file.download(uploads.maxBytes);
      } catch (e) {
        if (e instanceof FileTooLargeError) reject('tooBig', { max: megabytes });
        else {
          this.options.log?.warn(`could not download ${file.name}: ${(e as Error).message}`, { err: e });
          reject('download');
        }
        continue;
      }
      const result = await this.helpdesk.attach(
        incoming.conversation,
        { name: file.name, contentType: file.contentType, content },
        actor,
      );
      if (result.ok) {
        const size = `${Math.max(1, Math.round(result.size / 1024))} KB`;
        cards.push(
          this.cards.notice('ticket.fileReceived', lang, { name: result.name, size, ref: result.ticket.ref }),
        );
      } else if (result.reason === 'noTicket') {
        cards.push(this.cards.notice('ticket.noTicket', lang));
        break;
      } else
        reject(result.reason, {
          max: result.reason === 'tooMany' ? uploads.maxFiles : megabytes,
          allowed: uploads.extensions.join(' '),
        });
    }
    return { cards, events: [] };
  }

  /** While the helpdesk waits for the user's answer, the next message is that answer. */
  private async relayAnswer(incoming: Incoming): Promise<Outgoing | undefined> {
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

  /**
   * In a channel with pinned quick fixes, a question about a pinned topic (or a plain "can't
   * sign in") and the help card are led by the pinned cards, with a link to the pinned post.
   */
  private async pinnedFirst(incoming: Incoming, cards: Card[]): Promise<Card[]> {
    if (!incoming.channel || !incoming.platform) return [];
    const active = await this.pins.active(incoming.platform, incoming.channel);
    if (!active.length) return [];
    const lang = cards[0]?.lang ?? (await this.lang(incoming));
    const help = cards.some((c) => c.kind === 'help' || c.kind === 'welcome');
    const asked = incoming.text
      ? this.resolver.resolve(incoming.text.slice(0, this.resolver.settings.maxLength)).topic
      : null;
    const family = asked ? this.family(asked) : [];
    const matching =
      help || asked === this.pack.triage ? active : active.filter((p) => family.includes(p.topic));
    return matching.map((p) => this.cards.pinned(p, lang, { withPostLink: true }));
  }

  /**
   * A topic and the topics its clarifying question chooses between: a pinned fix for the DNS
   * cause answers "the server is temporarily unavailable" before the bot asks which cause.
   */
  private family(topic: string): string[] {
    const options = this.pack.topic(topic).clarify?.options ?? [];
    return [topic, ...options.flatMap((o) => o.topics)];
  }

  /** The cards to greet a channel or a user with: the channel's pinned quick fixes first. */
  async welcomeCards(
    locale: string | null | undefined,
    platform?: Platform,
    channel?: string,
  ): Promise<Card[]> {
    const welcome = this.welcome(locale);
    if (!platform || !channel) return [welcome];
    const pinned = await this.pins.active(platform, channel);
    return [...pinned.map((p) => this.cards.pinned(p, welcome.lang, { withPostLink: true })), welcome];
  }

  /**
   * `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC` from an admin (the adapter decides
   * who is one). Undefined when the text is not a pin command but a question, so that "PIN not
   * accepted on my desk phone" is answered like any question. A command is:
   * - `pins` alone, or `pin`/`unpin` with a topic id, or `pin` with `--for`: the exact shape;
   * - in a channel, from an admin, `pin`/`unpin` with a description of a problem the bot knows.
   * Anything else is a question. Outside a channel, an exact command is told pins are for
   * channels; from anyone but an admin, `pin` and `unpin` are refused and recorded.
   */
  async pinCommand(input: {
    platform: Platform;
    channel?: string;
    actor: Actor;
    admin: boolean;
    text: string;
    locale?: string | null;
  }): Promise<PinOutcome | undefined> {
    let command;
    const lang: Lang = langFromLocale(input.locale) ?? DEFAULT_LANG;
    const reply = (key: string, values: Record<string, string | number> = {}): PinOutcome => ({
      reply: [this.cards.notice(`pins.${key}`, lang, values)],
      ended: [],
    });
    try {
      // The note is shown as typed (escaped when rendered): only a Teams mention of the bot goes.
      command = parsePinCommand(
        wellFormed(input.text)
          .replace(/<at>[\s\S]*?<\/at>/gi, '')
          .trim(),
      );
    } catch (e) {
      if (!(e instanceof PinCommandError)) throw e;
      // A malformed command ("pin", "pin x --for ever") is answered as one only in a channel.
      return input.channel ? reply(e.key, { topic: e.topic ?? '' }) : undefined;
    }
    if (!command) return undefined;
    const target =
      command.command === 'pins' ? undefined : splitPinTarget(command.text, (id) => this.pack.topics.has(id));
    const exact = !target || target.id || (command.command === 'pin' && command.timed);
    if (!exact) {
      const described = input.channel && input.admin && this.pins.describedTopic(target!.target);
      if (!described) return undefined;
    }
    if (!input.channel) return reply('notInChannel');
    // Anyone may see what is pinned; pinning and unpinning are for admins.
    if (!input.admin && command.command !== 'pins') {
      await this.pins.refused(input.platform, input.channel, input.actor, input.text);
      return reply('refused');
    }
    try {
      if (command.command === 'pins') {
        const active = await this.pins.active(input.platform, input.channel);
        if (!active.length) return reply('none');
        const list = active.map((p) =>
          this.pack.message('pins.item', lang, {
            title: this.cards.title(p.topic, lang),
            until: utcMinute(p.expiresAt),
            user: p.pinnedBy.name ?? p.pinnedBy.id,
          }),
        );
        const people = active.map((p) => p.pinnedBy.name ?? p.pinnedBy.id);
        return { reply: [{ ...this.cards.notice('pins.list', lang), list, people }], ended: [] };
      }
      if (command.command === 'unpin') {
        const { topic, pin } = await this.pins.unpin(
          input.platform,
          input.channel,
          target!.target,
          input.actor,
        );
        const title = this.cards.title(topic, lang);
        if (!pin) return reply('notPinned', { title });
        return { ...reply('unpinned', { title }), ended: [{ pin, card: this.cards.pinned(pin, pin.lang) }] };
      }
      const { pin, replaced } = await this.pins.pin(
        input.platform,
        input.channel,
        target!.target,
        target!.note,
        command.durationMs,
        input.actor,
        lang,
      );
      return {
        ...reply('done', { title: this.cards.title(pin.topic, lang), until: utcMinute(pin.expiresAt) }),
        publish: { pin, card: this.cards.pinned(pin, lang) },
        ended: replaced ? [{ pin: replaced, card: this.cards.pinned(replaced, replaced.lang) }] : [],
      };
    } catch (e) {
      if (e instanceof PinCommandError) return reply(e.key, { topic: e.topic ?? '' });
      throw e;
    }
  }

  /**
   * Ends the pins whose time is up once their posts say so: `publish` updates a post with the
   * card it should now show (the adapter's job). A post that cannot be updated now stays due and
   * is tried again at the next sweep, so the channel is not left showing an old problem as
   * current; after a day of failures (the post was probably deleted) the pin ends anyway.
   * Returns the pins ended.
   */
  async expirePins(
    publish: (pin: Pin, card: TopicCard) => Promise<void>,
    onFailure: (pin: Pin, error: unknown, retrying: boolean) => void = () => {},
  ): Promise<Pin[]> {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const ended: Pin[] = [];
    for (const pin of await this.pins.due()) {
      const shown: Pin = { ...pin, endedAt: pin.expiresAt, endedBy: 'expiry', endReason: 'expired' };
      try {
        await publish(shown, this.cards.pinned(shown, pin.lang));
      } catch (error) {
        const retrying = now - Date.parse(pin.expiresAt) < GIVE_UP_ON_POST_AFTER_MS;
        onFailure(pin, error, retrying);
        if (retrying) continue;
      }
      const done = await this.pins.expired(pin);
      if (done) ended.push(done);
    }
    return ended;
  }
}

/**
 * The boundary every platform's input crosses: the text, the button's value and token, the
 * form's answers and the user's name made well-formed (see text/well-formed.ts), so that no
 * character a user can send makes storing the step fail and lose their work.
 */
function wellFormedIncoming(incoming: Incoming): Incoming {
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
function wellFormedAction<T extends Omit<HelpdeskActionInput, 'text'> & { text?: string }>(input: T): T {
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
