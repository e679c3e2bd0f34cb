/**
 * Puts the bot together from the environment: the knowledge pack, the core Bot, and each
 * platform whose settings are present, behind one HTTP server:
 *
 *   POST /api/messages   Teams (MicrosoftAppId..., or BOT_LOCAL_MODE=true for the local emulator)
 *   POST /slack/events   Slack events, slash commands and interactivity (SLACK_BOT_TOKEN...)
 *   GET  /healthz        liveness, and which platforms are on
 *   GET  /readyz         readiness: the storage answers, Slack accepted the bot token (else 503)
 *   GET  /metrics        Prometheus metrics (see metrics.ts)
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack, projectRoot } from '../core/knowledge/load.js';
import { loadIndex } from '../core/resolver/prebuilt.js';
import { readTeamsSettings } from '../adapters/teams/config.js';
import { createTeamsEndpoint, type TeamsEndpointOptions } from '../adapters/teams/endpoint.js';
import { readSlackSettings } from '../adapters/slack/config.js';
import {
  createSlackEndpoint,
  type SlackEndpoint,
  type SlackEndpointOptions,
} from '../adapters/slack/endpoint.js';
import { MemoryDedupeStore } from '../core/storage/memory.js';
import type { DedupeStore } from '../core/storage/types.js';
import type { Storage } from '../storage/open.js';
import { CardBuilder } from '../core/cards/build.js';
import { type HelpdeskChannel, outboxHandlers, type UserNotifier } from '../core/helpdesk/channel.js';
import { MemoryOutbox, MemoryTicketStore } from '../core/helpdesk/memory.js';
import { Helpdesk } from '../core/helpdesk/service.js';
import type { Platform } from '../core/helpdesk/types.js';
import { OutboxWorker } from '../core/helpdesk/worker.js';
import type { Lang } from '../core/i18n/languages.js';
import { ConfigError } from '../core/errors.js';
import { SlackHelpdeskChannel, SlackNotifier } from '../adapters/slack/helpdesk.js';
import { SlackPinPublisher } from '../adapters/slack/slack-bot.js';
import { Resolver } from '../core/resolver/resolver.js';
import { PinService } from '../core/pins/service.js';
import { MemoryPinStore } from '../core/pins/memory.js';
import { TeamsHelpdeskChannel, TeamsNotifier, TeamsPinPublisher } from '../adapters/teams/helpdesk.js';
import type { KnowledgePack } from '../core/knowledge/pack.js';
import type { Pin } from '../core/pins/types.js';
import type { Card } from '../core/cards/model.js';
import { sweepOutcomes } from '../core/outcomes/retention.js';
import { type Logger, silentLogger } from '../core/log/logger.js';
import { type Environment, readConfig } from '../config/read.js';
import type { Config } from '../config/settings.js';
import { createHttpServer, type HttpServer, type Route } from './http.js';
import { healthRoutes, storageCheck } from './health.js';
import { createMetrics, type Metrics } from './metrics.js';
import { weeklyDigest } from './digest.js';

export interface AppOptions {
  /** The checked settings (see src/config); `env` is read through the same checks when it is not given. */
  config?: Config;
  env?: Environment;
  /** Where the bot's log lines go (nothing is logged without one). */
  log?: Logger;
  /** Test seams for the Teams endpoint (local token issuer, fixed outbound credentials, retry timing). */
  teams?: Partial<Pick<TeamsEndpointOptions, 'auth' | 'credentialsFactory' | 'retry'>>;
  /** Test seams for Slack (the signature clock, the token check's retry timing). */
  slack?: Partial<Pick<SlackEndpointOptions, 'now' | 'tokenRetry'>>;
  bot?: Bot;
  /** Where processed Slack deliveries are remembered (shared by every process of the bot). */
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
  platforms: { teams: boolean; slack: boolean };
  slack?: SlackEndpoint;
  /** Starts what runs beside the HTTP server (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const log = options.log ?? silentLogger;
  const config = options.config ?? readConfig(options.env ?? {});
  const teams = readTeamsSettings(config);
  const storage = options.storage;
  const helpdeskLang = config.HELPDESK_LANG;
  const slackHelpdesk = config.HELPDESK_SLACK_CHANNEL;
  const teamsHelpdesk = config.HELPDESK_TEAMS_CHANNEL;
  const channelPlatforms: Platform[] = [
    ...(slackHelpdesk ? ['slack' as const] : []),
    ...(teamsHelpdesk ? ['teams' as const] : []),
  ];
  let worker: OutboxWorker | undefined;
  const pack: KnowledgePack = options.bot?.pack ?? loadKnowledgePack();
  const memoryOutbox = new MemoryOutbox();
  const tickets = storage?.tickets ?? new MemoryTicketStore(memoryOutbox);
  const outbox = storage?.outbox ?? memoryOutbox;
  const helpdesk =
    options.bot?.helpdesk ??
    new Helpdesk({
      tickets,
      uploads: pack.escalation.uploads,
      channels: channelPlatforms,
      kick: () => worker?.kick(),
      // Ticket actions only from the helpdesk channels, and from HELPDESK_AGENTS when it is set.
      desks: {
        ...(slackHelpdesk ? { slack: slackHelpdesk } : {}),
        ...(teamsHelpdesk ? { teams: teamsHelpdesk } : {}),
      },
      agents: config.HELPDESK_AGENTS,
      onRefused: (r) =>
        log.warn(
          `refused ticket action ${r.op} on ${r.ref} from ${r.origin.platform} user ${r.origin.user} in ${r.origin.channel ?? '(no channel)'}: ${r.why}`,
        ),
    });
  const metrics = createMetrics({ pack, outbox, tickets });
  // The content's index as `npm run build` left it, when it matches (see prebuilt.ts).
  const resolver = new Resolver(
    pack,
    options.bot ? undefined : loadIndex(pack, projectRoot(), (line) => log.info(line)),
  );
  const pins = new PinService(storage?.pins ?? new MemoryPinStore(), pack, resolver, options.clock);
  const admins = config.BOT_ADMINS;
  const keepOutcomesDays = config.OUTCOME_RETENTION_DAYS;
  const bot =
    options.bot ??
    new Bot({
      pack,
      resolver,
      helpdesk,
      pins,
      log,
      observer: metrics.observer,
      ...(options.clock ? { now: options.clock } : {}),
      ...(storage
        ? {
            states: storage.states,
            feedback: storage.feedback,
            sentCards: storage.sentCards,
            outcomes: storage.outcomes,
          }
        : {}),
    });
  const routes: Route[] = [];
  let teamsEndpoint: ReturnType<typeof createTeamsEndpoint> | undefined;
  if (teams) {
    if (teams.localMode)
      log.warn(
        '!!! LOCAL MODE: MicrosoftAppId is not set, so /api/messages accepts requests WITHOUT authentication.\n' +
          '!!! This is only for the local Teams client emulator. Never expose this port.',
      );
    const endpoint = (teamsEndpoint = createTeamsEndpoint({
      helpdeskLang,
      admins,
      bot,
      settings: teams,
      log,
      ...options.teams,
    }));
    routes.push({
      method: 'POST',
      path: '/api/messages',
      json: true,
      handle: (req, res, body) => endpoint.handle(req, res, body),
    });
  }
  const slackSettings = readSlackSettings(config);
  let slack: SlackEndpoint | undefined;
  if (slackSettings) {
    slack = createSlackEndpoint({
      bot,
      helpdeskLang,
      admins,
      settings: slackSettings,
      dedupe: options.dedupe ?? storage?.dedupe ?? new MemoryDedupeStore(),
      leaseMs: config.SLACK_HANDLING_LEASE_MS,
      log,
      ...options.slack,
    });
    const handle = slack.handle;
    if (handle)
      routes.push({
        method: 'POST',
        path: '/slack/events',
        handle: (req, res, _body, raw) => handle(req, res, raw),
      });
  }
  // Ended pins (expired) get their posts updated by the platform they were pinned on.
  const pinPublishers = new Map<Platform, (pin: Pin, card: Card) => Promise<void>>();
  const channels: HelpdeskChannel[] = [];
  const notifiers: UserNotifier[] = [];
  if (slack) {
    const client = () => slack!.app.client;
    const chooseLabel = (lang: Lang) => bot.pack.message('slack.choose', lang);
    notifiers.push(new SlackNotifier(client, (card) => chooseLabel(card.lang)));
    const publisher = new SlackPinPublisher(client, chooseLabel, log);
    pinPublishers.set('slack', (pin, card) => publisher.end(pin, card));
    if (slackHelpdesk)
      channels.push(new SlackHelpdeskChannel(client, slackHelpdesk, chooseLabel(helpdeskLang)));
  } else if (slackHelpdesk)
    throw new ConfigError('HELPDESK_SLACK_CHANNEL is set but Slack is not configured (SLACK_BOT_TOKEN).');
  if (teamsEndpoint) {
    notifiers.push(new TeamsNotifier(teamsEndpoint.proactive));
    const publisher = new TeamsPinPublisher(teamsEndpoint.proactive);
    pinPublishers.set('teams', (pin, card) => publisher.end(pin, card));
    if (teamsHelpdesk)
      channels.push(
        new TeamsHelpdeskChannel(teamsEndpoint.proactive, {
          id: teamsHelpdesk,
          serviceUrl: config.HELPDESK_TEAMS_SERVICE_URL,
          ...(teams?.tenantId ? { tenantId: teams.tenantId } : {}),
        }),
      );
  } else if (teamsHelpdesk)
    throw new ConfigError('HELPDESK_TEAMS_CHANNEL is set but Teams is not configured (MicrosoftAppId).');
  const digest = weeklyDigest(config.DIGEST_WEEKLY, {
    outbox,
    channels,
    outcomes: bot.outcomes,
    pack: bot.pack,
    analyzer: resolver.index.analyzer,
    helpdeskLang,
    clock: options.clock ?? (() => new Date()),
    kick: () => worker?.kick(),
    log,
  });
  if (!config.OUTBOX_DISABLED)
    worker = new OutboxWorker(
      outbox,
      {
        ...outboxHandlers({ tickets, channels, notifiers, cards: new CardBuilder(bot.pack), helpdeskLang }),
        'digest.post': digest.handler,
      },
      {
        log,
        onResult: metrics.outboxResult,
        intervalMs: config.OUTBOX_INTERVAL_MS,
        leaseMs: config.OUTBOX_LEASE_MS,
      },
    );
  let sweeper: NodeJS.Timeout | undefined;
  let outcomeSweeper: NodeJS.Timeout | undefined;
  const sweepOld = () =>
    sweepOutcomes(bot.outcomes, keepOutcomesDays, (options.clock ?? (() => new Date()))());
  /** Ends the pins whose time is up and updates their posts to say so. */
  const expirePins = async () => {
    await bot.expirePins(
      async (pin, card) => pinPublishers.get(pin.platform)?.(pin, card),
      (pin, e, retrying) =>
        log.warn(
          `could not update expired pin ${pin.id} (${retrying ? 'tried again next sweep' : 'given up, pin ended'}): ${(e as Error).message}`,
          { err: e, pin: pin.id },
        ),
    );
  };
  const platforms = { teams: Boolean(teams), slack: Boolean(slack) };
  routes.push(
    ...healthRoutes({
      platforms,
      metrics,
      checks: {
        ...(storage ? { storage: storageCheck(storage.db, log) } : {}),
        // Replies need a bot token Slack accepts (the process acknowledges Slack at once anyway).
        ...(slack ? { slackToken: () => slack!.tokenCheck.status() } : {}),
      },
    }),
  );
  // Local mode answers without authentication and posts wherever a request says: never
  // reachable from another machine, however it is started.
  const http = createHttpServer({ routes, log, loopbackOnly: Boolean(teams?.localMode) });
  return {
    bot,
    metrics,
    platforms,
    http,
    ...(slack ? { slack } : {}),
    ...(worker ? { worker } : {}),
    expirePins,
    sweepOutcomes: sweepOld,
    checkDigest: digest.check,
    start: async () => {
      await slack?.start();
      worker?.start();
      sweeper = setInterval(
        () => void expirePins().catch((e) => log.error('pin expiry failed', { err: e })),
        config.PIN_SWEEP_MS,
      );
      sweeper.unref();
      const sweepNow = () => void sweepOld().catch((e) => log.error('outcome sweep failed', { err: e }));
      sweepNow();
      outcomeSweeper = setInterval(sweepNow, 60 * 60 * 1000);
      outcomeSweeper.unref();
      digest.start();
    },
    stop: async () => {
      digest.stop();
      clearInterval(sweeper);
      clearInterval(outcomeSweeper);
      await worker?.stop();
      await slack?.stop();
      await http.close();
      await storage?.close();
    },
  };
}
