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
import { AnsweredCards, type CardAnswer } from './cards/answered.js';
import { CardBuilder } from './cards/build.js';
import { CardOwnership } from './cards/ownership.js';
import type { Card, FormCard, NoticeCard, TopicCard } from './cards/model.js';
import { Catalog, type FoundTopic, type Place } from './catalog.js';
import { Consequences } from './consequences.js';
import { CommandMatcher } from './dialogs/commands.js';
import { DialogEngine } from './dialogs/engine.js';
import { type ConversationState, initialState } from './dialogs/state.js';
import { FileReceiver } from './helpdesk/files.js';
import { AnswerRelay } from './helpdesk/relay.js';
import { MemoryOutbox, MemoryTicketStore } from './helpdesk/memory.js';
import { type ActResult, Helpdesk } from './helpdesk/service.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from './i18n/languages.js';
import {
  type HelpdeskActionInput,
  type Incoming,
  newTicket,
  type Outgoing,
  wellFormedAction,
  wellFormedIncoming,
} from './incoming.js';
import type { KnowledgePack } from './knowledge/pack.js';
import { OutcomeRecorder } from './outcomes/recorder.js';
import { PinCommands, type PinOutcome } from './pins/commands.js';
import { MemoryPinStore } from './pins/memory.js';
import { PinService } from './pins/service.js';
import type { Pin } from './pins/types.js';
import type { Platform } from './platform.js';
import { Resolver } from './resolver/resolver.js';
import { KeyedQueue } from './storage/keyed-queue.js';
import { observed } from './metrics/observe.js';
import { MemoryOutcomeStore } from './storage/memory-outcomes.js';
import { MemoryFeedbackStore, MemorySentCardStore, MemoryStateStore } from './storage/memory.js';
import type { OutcomeStore } from './storage/outcomes.js';
import { type FeedbackStore, type SentCardStore, type StateStore, StorageError } from './storage/types.js';
import type { BotOptions } from './bot-options.js';

export type { HelpdeskActionInput, Incoming, IncomingFile, Outgoing } from './incoming.js';
export type { PinOutcome } from './pins/commands.js';
export type { BotOptions } from './bot-options.js';

const MAX_ATTEMPTS = 5;

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
  private readonly catalog: Catalog;
  private readonly relay: AnswerRelay;
  private readonly consequences: Consequences;
  private readonly files: FileReceiver;
  private readonly pinCommands: PinCommands;
  private readonly answeredCards: AnsweredCards;
  private readonly owners: CardOwnership;

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
    this.relay = new AnswerRelay(this.helpdesk, this.commands, this.cards);
    this.consequences = new Consequences(
      this.feedback,
      this.helpdesk,
      this.recorder,
      this.cards,
      options.now,
      options.onEvent,
    );
    this.catalog = new Catalog(this.pack, this.resolver, this.pins, this.cards);
    this.files = new FileReceiver(this.pack, this.helpdesk, this.cards, options.log);
    this.pinCommands = new PinCommands(this.pack, this.pins, this.cards, options.now);
    this.answeredCards = new AnsweredCards(this.pack);
    this.owners = new CardOwnership(this.sentCards, this.cards);
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

  private async step(incoming: Incoming): Promise<Outgoing> {
    if (incoming.files?.length) return this.files.receive(incoming, await this.lang(incoming));
    const { conversation, platform: _p, user: _u, address: _a, files: _f, ...input } = incoming;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Checked again after a lost compare-and-set: the other writer may have filed this very form.
      const again = await this.filedBefore(incoming);
      if (again) return again;
      const stored = await this.states.get(conversation);
      const state = stored?.value ?? initialState(langFromLocale(input.locale) ?? DEFAULT_LANG);
      // A conversation that never filed a ticket cannot owe the helpdesk an answer: no lookup.
      if (state.ticketed !== false) {
        const relayed = await this.relay.answer(incoming);
        if (relayed) return relayed;
      }
      const result = this.engine.step(state, input);
      const expectedVersion = stored?.version ?? 0;
      const request = result.events.find((e) => e.type === 'ticket');
      let filed: { ticket: { ref: string; lang: Lang }; stateVersion: number } | undefined;
      if (request) {
        // A finished form: the state and the ticket are saved together, or neither is.
        const write = { store: this.states, key: conversation, value: result.state, expectedVersion };
        filed = await this.helpdesk.fileTicket(newTicket(incoming, request), request.formKey, write);
        if (!filed) continue; // another process got there first: run again on its state
      }
      const written =
        filed?.stateVersion ?? (await this.states.put(conversation, result.state, expectedVersion));
      if (written === undefined) continue;
      const pinned = await this.catalog.pinnedFirst(incoming, result.cards, () => this.lang(incoming));
      const more = await this.consequences.deliver(incoming, result.events, pinned, filed?.ticket.ref, {
        read: expectedVersion,
        written,
      });
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

  private async lang(incoming: Incoming) {
    return (
      (await this.states.get(incoming.conversation))?.value.lang ??
      langFromLocale(incoming.locale) ??
      DEFAULT_LANG
    );
  }

  /** The card to greet a user with in the terminal, in the user's language. */
  welcome(locale?: string | null): Card {
    return this.cards.welcome(langFromLocale(locale) ?? DEFAULT_LANG, '0');
  }

  /** The cards to greet a channel or a user with: the channel's pinned quick fixes first. */
  welcomeCards(locale: string | null | undefined, platform?: Platform, channel?: string): Promise<Card[]> {
    return this.catalog.welcomeCards({
      locale,
      ...(platform ? { platform } : {}),
      ...(channel ? { channel } : {}),
    });
  }

  /** The help card (asked for with nothing else), led by the channel's pinned quick fixes. */
  helpCards(place: Place): Promise<Card[]> {
    return this.catalog.helpCards(place);
  }

  /** Topics for a search box (a compose-box search): pinned first, then what the words point at. */
  searchTopics(text: string, place: Place, limit: number): Promise<{ lang: Lang; found: FoundTopic[] }> {
    return this.catalog.search(text, place, limit);
  }

  /** Every fix, with its title and symptom (a home page's list). */
  topicList(lang: Lang): { topic: string; title: string; symptom: string }[] {
    return this.catalog.topicList(lang);
  }

  /** A topic's card to post for others (first stage, nothing to press); undefined for no such topic. */
  shareCard(topic: string, lang: Lang): TopicCard | undefined {
    return this.pack.topics.has(topic) ? this.catalog.shareCard(topic, lang) : undefined;
  }

  /** The escalation form, empty, for a platform that shows it apart from its card (a modal). */
  formCard(lang: Lang, token: string): FormCard {
    return this.cards.form(lang, token, 0);
  }

  /** A notice in the user's language (`error`, `pins.teamsHowTo` ...). */
  notice(key: string, lang: Lang, values: Record<string, string | number> = {}): NoticeCard {
    return this.cards.notice(key, lang, values);
  }

  /** A label or sentence of the product's own words, for a platform's chrome (buttons, modals). */
  message(key: string, lang: Lang, values: Record<string, string | number> = {}): string {
    return this.pack.message(key, lang, values);
  }

  /**
   * What to tell whoever pressed a card sent to someone else (see CardOwnership), in `lang`;
   * undefined when the card is theirs (the conversation key `presser`) or has no owner.
   */
  notYourCard(sentKey: string, presser: string, lang: Lang): Promise<NoticeCard | undefined> {
    return this.owners.refusal(sentKey, presser, lang);
  }

  /** A card once answered: read-only, what was chosen or sent shown in it. */
  answered(card: Card | undefined, answer: CardAnswer, lang: Lang): Card {
    return this.answeredCards.answered(card, answer, lang);
  }

  /**
   * `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC` (see PinCommands.run); undefined when
   * the text is a question rather than a command. The platform decides who is an admin.
   */
  pinCommand(input: Parameters<PinCommands['run']>[0]): Promise<PinOutcome | undefined> {
    return this.pinCommands.run(input);
  }

  /** Where the platform posted a pin's card (to update it when the pin ends, to link to it). */
  pinPosted(pin: Pin, message: Record<string, unknown>): Promise<void> {
    return this.pins.setMessage(pin.id, message);
  }

  /** Ends the pins whose time is up once their posts say so (see PinCommands.expire). */
  expirePins(
    publish: (pin: Pin, card: TopicCard) => Promise<void>,
    onFailure?: (pin: Pin, error: unknown, retrying: boolean) => void,
  ): Promise<Pin[]> {
    return this.pinCommands.expire(publish, onFailure);
  }
}
