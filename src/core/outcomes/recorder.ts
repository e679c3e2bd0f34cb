/**
 * Turns a step's events into the record of what became of each question (see OutcomeStore):
 * a question opens an outcome; the answers to its stages, the suggestion picked, the hand-over
 * and its ticket, or a cancel, fill it in. Message text is stored with passwords redacted.
 */
import type { Card } from '../cards/model.js';
import type { BotEvent } from '../dialogs/engine.js';
import { redactPasswords } from '../helpdesk/redact.js';
import type { Platform } from '../helpdesk/types.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { NewOutcome, Outcome, OutcomePatch, OutcomeStore } from '../storage/outcomes.js';
import { stripNoise } from '../text/noise.js';
import { LatestOutcomes, type StepVersions } from './latest.js';

/** Where and when the events happened, as the bot knows it. */
export interface OutcomeContext {
  conversation: string;
  platform: Platform;
  /** Set in group conversations (a channel), absent in personal chat. */
  channel?: string;
  userId?: string;
  at: string;
  /** The ticket the step filed, for a `ticket` event. */
  ticket?: string;
  /** Topics of the pinned quick fixes shown with the answer. */
  pins: string[];
  /** The state versions of the step the events came from (see LatestOutcomes); absent: none known. */
  versions?: StepVersions;
}

/** The context of a step's events, from the message as an adapter passed it. */
export function outcomeContext(
  incoming: { conversation: string; platform?: Platform; channel?: string; user?: { id: string } },
  at: string,
  shown: Card[],
  ticket?: string,
  versions?: StepVersions,
): OutcomeContext {
  return {
    conversation: incoming.conversation,
    platform: incoming.platform ?? 'terminal',
    at,
    pins: shown.flatMap((c) => (c.kind === 'topic' ? [c.topic] : [])),
    ...(incoming.channel ? { channel: incoming.channel } : {}),
    ...(incoming.user ? { userId: incoming.user.id } : {}),
    ...(ticket ? { ticket } : {}),
    ...(versions ? { versions } : {}),
  };
}

/** The longest question text kept. */
const TEXT_KEPT = 500;
/** One kind of the engine's events. */
type Of<T extends BotEvent['type']> = Extract<BotEvent, { type: T }>;
/** Decisions that answer at once, with nothing left to follow. */
const CLOSED_AT_ONCE: Partial<Record<Outcome['decision'], Outcome['end']>> = {
  unknown: 'unanswered',
  'near-miss': 'redirected',
  retirement: 'redirected',
};

export class OutcomeRecorder {
  private readonly latestOf = new LatestOutcomes();

  constructor(
    private readonly store: OutcomeStore,
    private readonly pack: KnowledgePack,
  ) {}

  async record(event: BotEvent, ctx: OutcomeContext): Promise<void> {
    try {
      await this.recordEvent(event, ctx);
    } catch (error) {
      this.latestOf.forget(ctx.conversation); // a write that failed may or may not have happened
      throw error;
    }
  }

  /** A step's events are all recorded (a step may have none): see LatestOutcomes.carried. */
  stepDone(conversation: string, versions: StepVersions | undefined): void {
    this.latestOf.carried(conversation, versions);
  }

  private async recordEvent(event: BotEvent, ctx: OutcomeContext): Promise<void> {
    switch (event.type) {
      case 'question':
        return this.question(event, ctx);
      case 'chosen':
        return this.chosen(event, ctx);
      case 'fixed':
      case 'not-fixed':
        return this.tried(event, ctx);
      case 'escalation':
        return this.escalation(event, ctx);
      case 'ticket':
        return this.ticket(event, ctx);
      case 'cancelled':
        return this.cancelled(ctx);
    }
  }

  /** A new question starts an outcome; a follow-up only keeps the open one alive. */
  private async question(event: Of<'question'>, ctx: OutcomeContext): Promise<void> {
    if (event.decision === 'smalltalk') return;
    const latest = await this.latest(ctx);
    if (event.decision === 'follow-up' && latest?.end === null) return this.touch(latest, ctx);
    const end = CLOSED_AT_ONCE[event.decision] ?? null;
    await this.start(ctx, {
      ...this.base(ctx, event.lang),
      text: redactPasswords(stripNoise(event.text).slice(0, TEXT_KEPT)).text,
      decision: event.decision,
      topic: event.topic,
      confidence: event.confidence,
      suggestions: event.suggestions,
      ...(end ? { end, endedAt: ctx.at } : {}),
    });
  }

  /** A topic picked: evidence for the question's suggestion, or a conversation started by a button. */
  private async chosen(event: Of<'chosen'>, ctx: OutcomeContext): Promise<void> {
    const latest = await this.latest(ctx);
    const suggested = latest && !latest.picked && latest.suggestions.includes(event.topic);
    if (suggested && (latest.end === null || latest.end === 'unanswered'))
      await this.update(ctx, latest.id, {
        picked: event.topic,
        end: null,
        endedAt: null,
        updatedAt: ctx.at,
      });
    else await this.direct(ctx, event.lang, event.topic);
  }

  /** A stage answered Yes or No; Yes ends the outcome as fixed at that stage. */
  private async tried(event: Of<'fixed' | 'not-fixed'>, ctx: OutcomeContext): Promise<void> {
    const open = await this.open(ctx, event.lang, event.topic);
    const tried = [...open.tried, { topic: event.topic, stage: event.stage, fixed: event.type === 'fixed' }];
    const index = this.pack.topic(event.topic).stages.indexOf(event.stage) + 1;
    await this.update(ctx, open.id, {
      tried,
      updatedAt: ctx.at,
      ...(event.type === 'fixed'
        ? { end: 'fixed', endedAt: ctx.at, fixed: { topic: event.topic, stage: event.stage, index } }
        : {}),
    });
  }

  private async escalation(event: Of<'escalation'>, ctx: OutcomeContext): Promise<void> {
    const open = await this.open(ctx, event.lang, event.topic);
    // The last stage answered on the topic it left from (none when it left before one).
    const stage = event.attempts.findLast((a) => a.topic === event.topic)?.stage ?? null;
    await this.update(ctx, open.id, {
      updatedAt: ctx.at,
      escalation: { topic: event.topic, stage, reason: event.reason, ticket: null },
    });
  }

  private async ticket(event: Of<'ticket'>, ctx: OutcomeContext): Promise<void> {
    const open = await this.open(ctx, event.lang, event.topic);
    const escalation = open.escalation ?? { topic: event.topic, stage: null, reason: 'asked', ticket: null };
    await this.update(ctx, open.id, {
      updatedAt: ctx.at,
      end: 'escalated',
      endedAt: ctx.at,
      escalation: { ...escalation, ticket: ctx.ticket ?? null },
    });
  }

  private async cancelled(ctx: OutcomeContext): Promise<void> {
    const latest = await this.latest(ctx);
    if (latest?.end === null)
      await this.update(ctx, latest.id, { end: 'cancelled', endedAt: ctx.at, updatedAt: ctx.at });
  }

  /** Something happened on the open outcome: it is not idle. */
  private async touch(open: Outcome, ctx: OutcomeContext): Promise<void> {
    await this.update(ctx, open.id, { updatedAt: ctx.at });
  }

  /** The conversation's open outcome, or a `direct` one when it got here without a question. */
  private async open(ctx: OutcomeContext, lang: Outcome['lang'], topic: string | null): Promise<Outcome> {
    const latest = await this.latest(ctx);
    return latest?.end === null ? latest : this.direct(ctx, lang, topic);
  }

  private direct(ctx: OutcomeContext, lang: Outcome['lang'], topic: string | null): Promise<Outcome> {
    return this.start(ctx, {
      ...this.base(ctx, lang),
      text: '',
      decision: 'direct',
      topic,
      confidence: 0,
      suggestions: [],
    });
  }

  /** The conversation's latest outcome: from this process's memory while it is current. */
  private async latest(ctx: OutcomeContext): Promise<Outcome | undefined> {
    const known = this.latestOf.get(ctx.conversation, ctx.versions);
    if (known !== undefined) return known ?? undefined;
    const read = await this.store.latest(ctx.conversation);
    this.latestOf.set(ctx.conversation, read ?? null, ctx.versions);
    return read;
  }

  private async start(ctx: OutcomeContext, outcome: NewOutcome): Promise<Outcome> {
    const started = await this.store.start(outcome);
    this.latestOf.set(ctx.conversation, started, ctx.versions);
    return started;
  }

  private async update(ctx: OutcomeContext, id: number, patch: OutcomePatch): Promise<void> {
    await this.store.update(id, patch);
    this.latestOf.patched(ctx.conversation, id, patch, ctx.versions);
  }

  private base(ctx: OutcomeContext, lang: Outcome['lang']) {
    return {
      conversation: ctx.conversation,
      userId: ctx.userId ?? null,
      platform: ctx.platform,
      chat: ctx.channel ? ('channel' as const) : ('personal' as const),
      lang,
      startedAt: ctx.at,
      updatedAt: ctx.at,
      pins: ctx.pins,
    };
  }
}
