/**
 * Puts the bot together from the environment: the knowledge pack, the core Bot, and each
 * platform of the registry (src/adapters/registry.ts) whose settings are present, behind one
 * HTTP server:
 *
 *   POST <each platform's webhooks>   /api/messages (Teams), /slack/events (Slack), ...
 *   GET  /healthz        liveness, and which platforms are on
 *   GET  /readyz         readiness: 200 once every platform's checks pass (Slack's bot token), else 503
 *
 * Nothing here depends on a platform (only the tests' seams are named): a platform's module is
 * imported only when it is configured, and everything it does out of a turn (helpdesk tickets,
 * notifications, ended pins) goes through its `ChatPlatform`.
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack, projectRoot } from '../core/knowledge/load.js';
import { loadIndex } from '../core/resolver/prebuilt.js';
import { MemoryDedupeStore } from '../core/storage/memory.js';
import type { DedupeStore } from '../core/storage/types.js';
import type { Storage } from '../storage/open.js';
import { CardBuilder } from '../core/cards/build.js';
import { outboxHandlers } from '../core/helpdesk/channel.js';
import { MemoryOutbox, MemoryTicketStore } from '../core/helpdesk/memory.js';
import { Helpdesk } from '../core/helpdesk/service.js';
import { OutboxWorker } from '../core/helpdesk/worker.js';
import { isLang, type Lang } from '../core/i18n/languages.js';
import { ConfigError } from '../core/errors.js';
import { Deliveries } from '../core/deliveries.js';
import type { ChatPlatform } from '../core/platform.js';
import { Resolver } from '../core/resolver/resolver.js';
import { PinService } from '../core/pins/service.js';
import { MemoryPinStore } from '../core/pins/memory.js';
import { retentionDays, sweepOutcomes } from '../core/outcomes/retention.js';
import { PLATFORMS, type PlatformEntry } from '../adapters/registry.js';
import type { TeamsSeams } from '../adapters/teams/platform.js';
import type { SlackSeams } from '../adapters/slack/platform.js';
import { weeklyDigest } from './digest.js';
import { createHttpServer, type HttpServer, type Route, sendJson } from './http.js';

export interface AppOptions {
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
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

/** What every platform shares: the helpdesk's language, its channel on each platform, the admins. */
interface Shared {
  helpdeskLang: Lang;
  /** HELPDESK_<NAME>_CHANNEL of each platform that has one. */
  desks: Record<string, string>;
  admins: string[];
}

const list = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);

function readShared(env: NodeJS.ProcessEnv, registry: readonly PlatformEntry[], on: PlatformEntry[]): Shared {
  const helpdeskLang = env.HELPDESK_LANG?.trim() || 'en';
  if (!isLang(helpdeskLang))
    throw new ConfigError(`HELPDESK_LANG must be one of en, ja, zh-CN, zh-TW; got "${helpdeskLang}".`);
  const desks: Record<string, string> = {};
  for (const entry of registry) {
    const setting = `HELPDESK_${entry.name.toUpperCase()}_CHANNEL`;
    const channel = env[setting]?.trim();
    if (!channel) continue;
    if (!on.includes(entry))
      throw new ConfigError(`${setting} is set but ${entry.label} is not configured (${entry.requires}).`);
    desks[entry.name] = channel;
  }
  return { helpdeskLang, desks, admins: list(env.BOT_ADMINS) };
}

/** The core: the pack, the resolver, tickets, pins and the bot, in storage when there is one. */
function createBot(options: AppOptions, shared: Shared, log: (m: string) => void, kick: () => void) {
  const { storage, env } = options;
  const pack = options.bot?.pack ?? loadKnowledgePack();
  const memoryOutbox = new MemoryOutbox();
  const tickets = storage?.tickets ?? new MemoryTicketStore(memoryOutbox);
  const outbox = storage?.outbox ?? memoryOutbox;
  const helpdesk =
    options.bot?.helpdesk ??
    new Helpdesk({
      tickets,
      uploads: pack.escalation.uploads,
      channels: Object.keys(shared.desks),
      kick,
      // Ticket actions only from the helpdesk channels, and from HELPDESK_AGENTS when it is set.
      desks: shared.desks,
      agents: list(env.HELPDESK_AGENTS),
      onRefused: (r) =>
        log(
          `refused ticket action ${r.op} on ${r.ref} from ${r.origin.platform} user ${r.origin.user} in ${r.origin.channel ?? '(no channel)'}: ${r.why}`,
        ),
    });
  // The content's index as `npm run build` left it, when it matches (see prebuilt.ts).
  const resolver = new Resolver(pack, options.bot ? undefined : loadIndex(pack, projectRoot(), log));
  const pins = new PinService(storage?.pins ?? new MemoryPinStore(), pack, resolver, options.clock);
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
  return { bot, tickets, outbox, resolver };
}

/** Imports and creates each configured platform (its SDK is loaded here, and only for it). */
async function openPlatforms(
  options: AppOptions,
  on: PlatformEntry[],
  shared: Shared,
  bot: Bot,
  log: (m: string) => void,
): Promise<Map<string, ChatPlatform>> {
  const deliveries = new Deliveries(options.dedupe ?? options.storage?.dedupe ?? new MemoryDedupeStore());
  const seams: Record<string, unknown> = { teams: options.teams, slack: options.slack };
  const running = new Map<string, ChatPlatform>();
  for (const entry of on) {
    const module = await entry.load();
    const platform = await module.createPlatform({
      bot,
      env: options.env,
      log,
      helpdeskLang: shared.helpdeskLang,
      admins: shared.admins,
      deliveries,
      ...(shared.desks[entry.name] ? { helpdeskChannel: shared.desks[entry.name]! } : {}),
      ...(seams[entry.name] ? { options: seams[entry.name] as Record<string, unknown> } : {}),
    });
    running.set(entry.name, platform);
  }
  return running;
}

/** /healthz and /readyz: the process answers, and whether every platform's checks pass. */
function healthRoutes(platforms: Record<string, boolean>, running: Map<string, ChatPlatform>): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: async (_req, res) => sendJson(res, 200, { status: 'ok', platforms }),
    },
    {
      // The process answers (it acknowledges Slack at once, whatever the checks say), but
      // replies may need more (a bot token Slack accepts): 503 until then, with what is wrong.
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        const checks = Object.assign({}, ...[...running.values()].map((p) => p.checks?.() ?? {}));
        const ready = Object.values(checks).every((c) => (c as { state: string }).state === 'ok');
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', platforms, checks });
      },
    },
  ];
}

/** Runs `task` every `ms` (now too, when `now`), in the background, logging its failures. */
function every(
  ms: number,
  task: () => Promise<unknown>,
  what: string,
  log: (m: string) => void,
  now = false,
) {
  const run = () => void task().catch((e) => log(`${what} failed: ${(e as Error).message}`));
  if (now) run();
  const timer = setInterval(run, ms);
  timer.unref();
  return timer;
}

/** How often the outbox looks for work and how long a claimed item is held (OUTBOX_*_MS). */
function outboxTiming(env: NodeJS.ProcessEnv, log: (m: string) => void) {
  return {
    log,
    intervalMs: Number(env.OUTBOX_INTERVAL_MS ?? 2000),
    leaseMs: Number(env.OUTBOX_LEASE_MS ?? 60_000),
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((m: string) => console.log(m));
  const { env } = options;
  const registry = options.platforms ?? PLATFORMS;
  const on = registry.filter((entry) => entry.configured(env));
  const shared = readShared(env, registry, on);
  let worker: OutboxWorker | undefined;
  const { bot, tickets, outbox, resolver } = createBot(options, shared, log, () => worker?.kick());
  const keepOutcomesDays = retentionDays(env.OUTCOME_RETENTION_DAYS);
  const running = await openPlatforms(options, on, shared, bot, log);
  const each = [...running.values()];
  const channels = each.flatMap((p) => (p.helpdesk ? [p.helpdesk] : []));
  const digest = weeklyDigest(env, {
    outbox,
    channels,
    outcomes: bot.outcomes,
    pack: bot.pack,
    analyzer: resolver.index.analyzer,
    helpdeskLang: shared.helpdeskLang,
    clock: options.clock ?? (() => new Date()),
    kick: () => worker?.kick(),
    log,
  });
  if (env.OUTBOX_DISABLED !== 'true')
    worker = new OutboxWorker(
      outbox,
      {
        ...outboxHandlers({
          tickets,
          channels,
          notifiers: each.map((p) => p.notifier),
          cards: new CardBuilder(bot.pack),
          helpdeskLang: shared.helpdeskLang,
        }),
        'digest.post': digest.handler,
      },
      outboxTiming(env, log),
    );
  let sweeper: NodeJS.Timeout | undefined;
  let outcomeSweeper: NodeJS.Timeout | undefined;
  const sweepOld = () =>
    sweepOutcomes(bot.outcomes, keepOutcomesDays, (options.clock ?? (() => new Date()))());
  /** Ends the pins whose time is up and has the platform they were pinned on update their posts. */
  const expirePins = async () => {
    await bot.expirePins(
      async (pin, card) => running.get(pin.platform)?.endPin(pin, card),
      (pin, e, retrying) =>
        log(
          `could not update expired pin ${pin.id} (${retrying ? 'tried again next sweep' : 'given up, pin ended'}): ${(e as Error).message}`,
        ),
    );
  };
  const platforms = Object.fromEntries(registry.map((entry) => [entry.name, running.has(entry.name)]));
  const routes = [...each.flatMap((p) => p.routes), ...healthRoutes(platforms, running)];
  const http = createHttpServer({ routes, log, loopbackOnly: each.some((p) => p.loopbackOnly) });
  return {
    bot,
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
      sweeper = every(Number(env.PIN_SWEEP_MS ?? 60_000), expirePins, 'pin expiry', log);
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
