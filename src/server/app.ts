/**
 * Puts the bot together from the environment: the knowledge pack, the core Bot, and each
 * platform whose settings are present, behind one HTTP server:
 *
 *   POST /api/messages   Teams (MicrosoftAppId..., or BOT_LOCAL_MODE=true for the local emulator)
 *   POST /slack/events   Slack events, slash commands and interactivity (SLACK_BOT_TOKEN...)
 *   GET  /healthz        liveness, and which platforms are on
 *   GET  /readyz         readiness: 200 once the Slack bot token has been accepted, else 503
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack } from '../core/knowledge/load.js';
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
import { isLang, type Lang } from '../core/i18n/languages.js';
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
import { retentionDays, sweepOutcomes } from '../core/outcomes/retention.js';
import { createHttpServer, type HttpServer, type Route, sendJson } from './http.js';
import { weeklyDigest } from './digest.js';

export interface AppOptions {
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
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
  const log = options.log ?? ((m: string) => console.log(m));
  const teams = readTeamsSettings(options.env);
  const storage = options.storage;
  const env = options.env;
  const helpdeskLang = env.HELPDESK_LANG?.trim() || 'en';
  if (!isLang(helpdeskLang))
    throw new ConfigError(`HELPDESK_LANG must be one of en, ja, zh-CN, zh-TW; got "${helpdeskLang}".`);
  const slackHelpdesk = env.HELPDESK_SLACK_CHANNEL?.trim();
  const teamsHelpdesk = env.HELPDESK_TEAMS_CHANNEL?.trim();
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
      agents: (env.HELPDESK_AGENTS ?? '').split(/[\s,]+/).filter(Boolean),
      onRefused: (r) =>
        log(
          `refused ticket action ${r.op} on ${r.ref} from ${r.origin.platform} user ${r.origin.user} in ${r.origin.channel ?? '(no channel)'}: ${r.why}`,
        ),
    });
  const resolver = new Resolver(pack);
  const pins = new PinService(storage?.pins ?? new MemoryPinStore(), pack, resolver, options.clock);
  const admins = (env.BOT_ADMINS ?? '').split(/[\s,]+/).filter(Boolean);
  const keepOutcomesDays = retentionDays(env.OUTCOME_RETENTION_DAYS);
  const bot =
    options.bot ??
    new Bot({
      pack,
      resolver,
      helpdesk,
      pins,
      onError: (e) => log(e.message),
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
      log(
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
  const slackSettings = readSlackSettings(options.env);
  let slack: SlackEndpoint | undefined;
  if (slackSettings) {
    slack = createSlackEndpoint({
      bot,
      helpdeskLang,
      admins,
      settings: slackSettings,
      dedupe: options.dedupe ?? storage?.dedupe ?? new MemoryDedupeStore(),
      ...(env.SLACK_HANDLING_LEASE_MS ? { leaseMs: Number(env.SLACK_HANDLING_LEASE_MS) } : {}),
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
          serviceUrl: env.HELPDESK_TEAMS_SERVICE_URL?.trim() || 'https://smba.trafficmanager.net/teams/',
          ...(teams?.tenantId ? { tenantId: teams.tenantId } : {}),
        }),
      );
  } else if (teamsHelpdesk)
    throw new ConfigError('HELPDESK_TEAMS_CHANNEL is set but Teams is not configured (MicrosoftAppId).');
  const digest = weeklyDigest(env, {
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
  if (env.OUTBOX_DISABLED !== 'true')
    worker = new OutboxWorker(
      outbox,
      {
        ...outboxHandlers({ tickets, channels, notifiers, cards: new CardBuilder(bot.pack), helpdeskLang }),
        'digest.post': digest.handler,
      },
      {
        log,
        intervalMs: Number(env.OUTBOX_INTERVAL_MS ?? 2000),
        leaseMs: Number(env.OUTBOX_LEASE_MS ?? 60_000),
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
        log(
          `could not update expired pin ${pin.id} (${retrying ? 'tried again next sweep' : 'given up, pin ended'}): ${(e as Error).message}`,
        ),
    );
  };
  const platforms = { teams: Boolean(teams), slack: Boolean(slack) };
  routes.push({
    method: 'GET',
    path: '/healthz',
    handle: async (_req, res) => sendJson(res, 200, { status: 'ok', platforms }),
  });
  // Readiness: the process answers (it acknowledges Slack at once, whatever the checks say),
  // but replies need a bot token Slack accepts; 503 until it does, with what is wrong.
  routes.push({
    method: 'GET',
    path: '/readyz',
    handle: async (_req, res) => {
      const checks = { ...(slack ? { slackToken: slack.tokenCheck.status() } : {}) };
      const ready = Object.values(checks).every((c) => c.state === 'ok');
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', platforms, checks });
    },
  });
  // Local mode answers without authentication and posts wherever a request says: never
  // reachable from another machine, however it is started.
  const http = createHttpServer({ routes, log, loopbackOnly: Boolean(teams?.localMode) });
  return {
    bot,
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
        () => void expirePins().catch((e) => log(`pin expiry failed: ${(e as Error).message}`)),
        Number(env.PIN_SWEEP_MS ?? 60_000),
      );
      sweeper.unref();
      const sweepNow = () =>
        void sweepOld().catch((e) => log(`outcome sweep failed: ${(e as Error).message}`));
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
