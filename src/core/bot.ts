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
import type { Card } from './cards/model.js';
import { CardBuilder } from './cards/build.js';
import { type BotEvent, DialogEngine, type UserInput } from './dialogs/engine.js';
import { type ConversationState, initialState } from './dialogs/state.js';
import { DEFAULT_LANG, langFromLocale } from './i18n/languages.js';
import type { KnowledgePack } from './knowledge/pack.js';
import { Resolver } from './resolver/resolver.js';
import { KeyedQueue } from './storage/keyed-queue.js';
import { MemoryFeedbackStore, MemoryStateStore } from './storage/memory.js';
import { type FeedbackStore, type StateStore, StorageError } from './storage/types.js';

export interface BotOptions {
  pack: KnowledgePack;
  resolver?: Resolver;
  states?: StateStore<ConversationState>;
  feedback?: FeedbackStore;
  /** Called with every event after its step was saved (escalations, unknown questions, ...). */
  onEvent?: (event: BotEvent, conversation: string) => void | Promise<void>;
  /** The clock, for feedback timestamps (tests pass a fixed one). */
  now?: () => Date;
}

export interface Incoming extends UserInput {
  /** Identifies the conversation with one user (adapters decide: chat id, thread, user). */
  conversation: string;
}

export interface Outgoing {
  cards: Card[];
  events: BotEvent[];
}

const MAX_ATTEMPTS = 5;

export class Bot {
  readonly pack: KnowledgePack;
  readonly resolver: Resolver;
  readonly engine: DialogEngine;
  readonly states: StateStore<ConversationState>;
  readonly feedback: FeedbackStore;
  private readonly queue = new KeyedQueue();
  private readonly cards: CardBuilder;

  constructor(private readonly options: BotOptions) {
    this.pack = options.pack;
    this.resolver = options.resolver ?? new Resolver(options.pack);
    this.engine = new DialogEngine(this.pack, this.resolver);
    this.states = options.states ?? new MemoryStateStore<ConversationState>();
    this.feedback = options.feedback ?? new MemoryFeedbackStore();
    this.cards = new CardBuilder(this.pack);
  }

  handle(incoming: Incoming): Promise<Outgoing> {
    return this.queue.run(incoming.conversation, () => this.step(incoming));
  }

  /** The card to greet a user or a channel with, in the installer's language. */
  welcome(locale?: string | null): Card {
    return this.cards.welcome(langFromLocale(locale) ?? DEFAULT_LANG, '0');
  }

  private async step(incoming: Incoming): Promise<Outgoing> {
    const { conversation, ...input } = incoming;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.states.get(conversation);
      const state = stored?.value ?? initialState(langFromLocale(input.locale) ?? DEFAULT_LANG);
      const result = this.engine.step(state, input);
      const saved = await this.states.put(conversation, result.state, stored?.version ?? 0);
      if (saved === undefined) continue; // another process got there first: run again on its state
      await this.deliver(conversation, result.events);
      return { cards: result.cards, events: result.events };
    }
    throw new StorageError(
      `Conversation ${conversation} kept changing under ${MAX_ATTEMPTS} attempts to update it`,
    );
  }

  private async deliver(conversation: string, events: BotEvent[]): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    for (const event of events) {
      if (event.type === 'fixed')
        await this.feedback.record({
          conversation,
          topic: event.topic,
          stage: event.stage,
          fixed: true,
          lang: event.lang,
          at: now,
        });
      await this.options.onEvent?.(event, conversation);
    }
  }
}
