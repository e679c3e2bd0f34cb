/**
 * GET /metrics, in the Prometheus text format: what the bot did (messages by platform and
 * language, what the resolver decided, how dialogs ended, how long turns took) from the core's
 * turns (see core/metrics/observer.ts), so every platform is counted the same way; and what is
 * waiting (outbox depth, tickets by status), read from storage when scraped.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BotEvent } from '../core/dialogs/engine.js';
import type { Outbox } from '../core/storage/types.js';
import type { TicketStatus, TicketStore } from '../core/helpdesk/types.js';
import type { KnowledgePack } from '../core/knowledge/pack.js';
import type { Turn, TurnObserver } from '../core/metrics/observer.js';
import type { Decision } from '../core/storage/outcomes.js';

/** The resolver's decisions, as a dashboard groups them. */
const RESOLVER_OUTCOME: Record<Decision, string> = {
  fix: 'answered',
  'follow-up': 'answered',
  'did-you-mean': 'suggested',
  'near-miss': 'near-miss',
  retirement: 'near-miss',
  unknown: 'unknown',
  smalltalk: 'smalltalk',
  direct: 'direct',
};
const STATUSES: TicketStatus[] = ['open', 'claimed', 'waiting', 'resolved'];

export interface Metrics {
  registry: Registry;
  observer: TurnObserver;
  /** Told of each outbox item sent or failed (by the worker). */
  outboxResult(kind: string, ok: boolean): void;
}

/** Gauges read from storage at each scrape: the outbox's depth and the tickets by status. */
function storeGauges(registers: Registry[], options: { outbox: Outbox; tickets: TicketStore }): void {
  new Gauge({
    name: 'signin_outbox_depth',
    help: 'Outbox items waiting to be sent.',
    registers,
    async collect() {
      this.set(await options.outbox.pending());
    },
  });
  new Gauge({
    name: 'signin_tickets',
    help: 'Helpdesk tickets by status.',
    labelNames: ['status'],
    registers,
    async collect() {
      const counts = await options.tickets.countByStatus();
      for (const status of STATUSES) this.set({ status }, counts[status] ?? 0);
    },
  });
}

export function createMetrics(options: {
  pack: KnowledgePack;
  outbox: Outbox;
  tickets: TicketStore;
}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'signin_' });
  const messages = new Counter({
    name: 'signin_messages_total',
    help: 'Messages, buttons and uploads handled, by platform, language and kind (failed: the bot could not answer).',
    labelNames: ['platform', 'lang', 'kind', 'failed'],
    registers,
  });
  const resolver = new Counter({
    name: 'signin_resolver_outcomes_total',
    help: 'What the resolver made of each question: answered, suggested, near-miss, unknown, smalltalk.',
    labelNames: ['outcome'],
    registers,
  });
  const dialogs = new Counter({
    name: 'signin_dialog_outcomes_total',
    help: 'How dialogs went: fixed or not-fixed at which stage (1 = first), escalated (asked or exhausted), ticket filed, cancelled.',
    labelNames: ['outcome', 'stage'],
    registers,
  });
  const latency = new Histogram({
    name: 'signin_turn_duration_seconds',
    help: 'How long the bot took to handle a message, button or upload (storage included, sending not).',
    labelNames: ['platform', 'kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const outboxFailures = new Counter({
    name: 'signin_outbox_failures_total',
    help: 'Outbox items (ticket cards, notifications) whose sending failed and will be tried again.',
    labelNames: ['kind'],
    registers,
  });
  const outboxSent = new Counter({
    name: 'signin_outbox_sent_total',
    help: 'Outbox items sent.',
    labelNames: ['kind'],
    registers,
  });
  storeGauges(registers, options);
  const stageNumber = (topic: string, stage: string) =>
    String(options.pack.topic(topic).stages.indexOf(stage) + 1);
  const count = (event: BotEvent) => {
    if (event.type === 'question') resolver.inc({ outcome: RESOLVER_OUTCOME[event.decision] });
    else if (event.type === 'fixed' || event.type === 'not-fixed')
      dialogs.inc({ outcome: event.type, stage: stageNumber(event.topic, event.stage) });
    else if (event.type === 'escalation') dialogs.inc({ outcome: `escalated-${event.reason}`, stage: '' });
    else if (event.type === 'ticket') dialogs.inc({ outcome: 'ticket', stage: '' });
    else if (event.type === 'cancelled') dialogs.inc({ outcome: 'cancelled', stage: '' });
  };
  return {
    registry,
    observer: {
      turn(turn: Turn) {
        messages.inc({
          platform: turn.platform,
          lang: turn.lang ?? '',
          kind: turn.kind,
          failed: String(turn.failed),
        });
        latency.observe({ platform: turn.platform, kind: turn.kind }, turn.seconds);
        turn.events.forEach(count);
      },
    },
    outboxResult(kind, ok) {
      (ok ? outboxSent : outboxFailures).inc({ kind });
    },
  };
}
