/** What a Bot is made of: each store and service is optional and kept in memory when not given. */
import type { Card } from './cards/model.js';
import type { BotEvent } from './dialogs/engine.js';
import type { ConversationState } from './dialogs/state.js';
import type { Helpdesk } from './helpdesk/service.js';
import type { KnowledgePack } from './knowledge/pack.js';
import type { Logger } from './log/logger.js';
import type { TurnObserver } from './metrics/observe.js';
import type { PinService } from './pins/service.js';
import type { Resolver } from './resolver/resolver.js';
import type { OutcomeStore } from './storage/outcomes.js';
import type { FeedbackStore, SentCardStore, StateStore } from './storage/types.js';

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
