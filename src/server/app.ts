/**
 * Puts the bot together from the checked settings (src/config): the knowledge pack, the core
 * Bot, and each platform of the registry (src/adapters/registry.ts) whose settings are present,
 * behind one HTTP server:
 *
 *   POST <each platform's webhooks>   /api/messages (Teams), /slack/events (Slack), ...
 *   GET  /healthz        liveness, and which platforms are on
 *   GET  /readyz         readiness: the storage answers, every platform's checks pass (Slack's
 *                        bot token), else 503
 *   GET  /metrics        Prometheus metrics (see metrics.ts)
 *
 * Nothing here depends on a platform (only the tests' seams are named): a platform's module is
 * imported only when it is configured, and everything it does out of a turn (helpdesk tickets,
 * notifications, ended pins) goes through its `ChatPlatform`. The parts are built in compose.ts.
 */
import type { Bot } from '../core/bot.js';
import type { DedupeStore } from '../core/storage/types.js';
import type { Storage } from '../storage/open.js';
import { CardBuilder } from '../core/cards/build.js';
import type { OutboxWorker } from '../core/helpdesk/worker.js';
import type { ChatPlatform } from '../core/platform.js';
import { sweepOutcomes } from '../core/outcomes/retention.js';
import { type Logger, silentLogger } from '../core/log/logger.js';
import { type Environment, readConfig } from '../config/read.js';
import type { Config } from '../config/settings.js';
import { PLATFORMS, type PlatformEntry } from '../adapters/registry.js';
import type { TeamsSeams } from '../adapters/teams/platform.js';
import type { SlackSeams } from '../adapters/slack/platform.js';
import { weeklyDigest } from './digest.js';
import { createHttpServer, type HttpServer } from './http.js';
import { type CheckSource, healthRoutes, storageCheck } from './health.js';
import type { Metrics } from './metrics.js';
import { createBot, every, openPlatforms, outboxWorker, pinExpiry, readShared } from './compose.js';

export interface AppOptions {
  /** The checked settings (see src/config); `env` is read through the same checks when it is not given. */
  config?: Config;
  /** The raw environment: read into `config` when that is not given; platforms src/config does not declare read it. */
  env?: Environment;
  /** Where the bot's log lines go (nothing is logged without one). */
  log?: Logger;
  /** Test seams for Teams (local token issuer, fixed outbound credentials, retry timing). */
  teams?: TeamsSeams;
  /** Test seams for Slack (the signature clock, the token check's retry timing). */
  slack?: SlackSeams;
  /** The platforms that can be turned on: the registry's (tests add one of their own). */
  platforms?: readonly PlatformEntry[];
  bot?: Bot;
  /** Where handled deliveries are remembered (shared by every process of the bot). */
  dedupe?: DedupeStore;
  /** Persistent storage (embedded or PostgreSQL); without it, everything is kept in memory. */
  storage?: Storage;
  /** The clock for pins and tickets (tests move it). */
  clock?: () => Date;
}

export interface App {
  bot: Bot;
  /** What GET /metrics serves. */
  metrics: Metrics;
  /** Ends expired pins now (the server also does it every PIN_SWEEP_MS). */
  expirePins(): Promise<void>;
  /** Deletes outcomes older than OUTCOME_RETENTION_DAYS now (the server also does it hourly). */
  sweepOutcomes(): Promise<number>;
  /** Queues this week's digest now if DIGEST_WEEKLY says it is due (the server checks every minute). */
  checkDigest(): Promise<boolean>;
  /** Sends what the outbox holds (ticket cards, notifications); undefined when OUTBOX_DISABLED. */
  worker?: OutboxWorker;
  http: HttpServer;
  /** Every platform of the registry, and whether it is on. */
  platforms: Record<string, boolean>;
  /** The platforms that are on, by name. */
  running: Map<string, ChatPlatform>;
  /** Starts what runs beside the HTTP server (Slack Socket Mode, token checks, the outbox). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The readiness checks: the storage answers a query, and each platform's own checks. */
function readiness(storage: Storage | undefined, each: ChatPlatform[], log: Logger): CheckSource[] {
  const db = storage?.db;
  return [
    ...(db ? [async () => ({ storage: await storageCheck(db, log)() })] : []),
    ...each.map((p) => () => p.checks?.() ?? {}),
  ];
}

export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? silentLogger;
  const env = options.env ?? {};
  const config = options.config ?? readConfig(env);
  const registry = options.platforms ?? PLATFORMS;
  const on = registry.filter((entry) => entry.configured(config, env));
  const shared = readShared(config, env, registry, on);
  let worker: OutboxWorker | undefined;
  const { bot, tickets, outbox, resolver, metrics } = createBot(options, config, shared, log, () =>
    worker?.kick(),
  );
  const running = await openPlatforms(options, { config, env }, on, shared, bot, log);
  const each = [...running.values()];
  const channels = each.flatMap((p) => (p.helpdesk ? [p.helpdesk] : []));
  const clock = options.clock ?? (() => new Date());
  const digest = weeklyDigest(config.DIGEST_WEEKLY, {
    outbox,
    channels,
    outcomes: bot.outcomes,
    pack: bot.pack,
    analyzer: resolver.index.analyzer,
    helpdeskLang: shared.helpdeskLang,
    clock,
    kick: () => worker?.kick(),
    log,
  });
  if (!config.OUTBOX_DISABLED)
    worker = outboxWorker(config, log, metrics, {
      outbox,
      tickets,
      channels,
      notifiers: each.map((p) => p.notifier),
      cards: new CardBuilder(bot.pack),
      helpdeskLang: shared.helpdeskLang,
      digest: digest.handler,
    });
  let sweeper: NodeJS.Timeout | undefined;
  let outcomeSweeper: NodeJS.Timeout | undefined;
  const sweepOld = () => sweepOutcomes(bot.outcomes, config.OUTCOME_RETENTION_DAYS, clock());
  const expirePins = pinExpiry(bot, running, log);
  const platforms = Object.fromEntries(registry.map((entry) => [entry.name, running.has(entry.name)]));
  const routes = [
    ...each.flatMap((p) => p.routes),
    ...healthRoutes({ platforms, metrics, checks: readiness(options.storage, each, log) }),
  ];
  const http = createHttpServer({ routes, log, loopbackOnly: each.some((p) => p.loopbackOnly) });
  return {
    bot,
    metrics,
    platforms,
    running,
    http,
    ...(worker ? { worker } : {}),
    expirePins,
    sweepOutcomes: sweepOld,
    checkDigest: digest.check,
    start: async () => {
      for (const platform of each) await platform.start();
      worker?.start();
      digest.start();
      sweeper = every(config.PIN_SWEEP_MS, expirePins, 'pin expiry', log);
      outcomeSweeper = every(60 * 60 * 1000, sweepOld, 'outcome sweep', log, true);
    },
    stop: async () => {
      clearInterval(sweeper);
      clearInterval(outcomeSweeper);
      digest.stop();
      await worker?.stop();
      for (const platform of each) await platform.stop();
      await http.close();
      await options.storage?.close();
    },
  };
}
