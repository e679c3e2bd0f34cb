/**
 * The parts createApp (app.ts) puts together, each in a function of its own: the settings every
 * platform shares, the core (pack, resolver, tickets, pins, the bot), the configured platforms,
 * and the background timers. Nothing here depends on a platform: each is reached through the
 * registry and its `ChatPlatform`.
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack, projectRoot } from '../core/knowledge/load.js';
import { loadIndex } from '../core/resolver/prebuilt.js';
import { MemoryDedupeStore } from '../core/storage/memory.js';
import { MemoryOutbox, MemoryTicketStore } from '../core/helpdesk/memory.js';
import { Helpdesk } from '../core/helpdesk/service.js';
import type { Lang } from '../core/i18n/languages.js';
import { ConfigError } from '../core/errors.js';
import { Deliveries } from '../core/deliveries.js';
import type { ChatPlatform } from '../core/platform.js';
import { Resolver } from '../core/resolver/resolver.js';
import { PinService } from '../core/pins/service.js';
import { MemoryPinStore } from '../core/pins/memory.js';
import type { Logger } from '../core/log/logger.js';
import type { Environment } from '../config/read.js';
import type { Config } from '../config/settings.js';
import type { PlatformEntry } from '../adapters/registry.js';
import type { AppOptions } from './app.js';
import { createMetrics, type Metrics } from './metrics.js';
import { type OutboxHandlerOptions, outboxHandlers } from '../core/helpdesk/channel.js';
import { type OutboxHandler, OutboxWorker } from '../core/helpdesk/worker.js';
import type { Outbox } from '../core/storage/types.js';

/** What every platform shares: the helpdesk's language, its channel on each platform, the admins. */
export interface Shared {
  helpdeskLang: Lang;
  /** HELPDESK_<NAME>_CHANNEL of each platform that has one. */
  desks: Record<string, string>;
  admins: string[];
}

/**
 * The shared settings. HELPDESK_<NAME>_CHANNEL is read for every platform of the registry: from
 * the checked settings when src/config declares it (Teams, Slack), else from the environment.
 */
export function readShared(
  config: Config,
  env: Environment,
  registry: readonly PlatformEntry[],
  on: PlatformEntry[],
): Shared {
  const declared = config as unknown as Record<string, unknown>;
  const desks: Record<string, string> = {};
  for (const entry of registry) {
    const setting = `HELPDESK_${entry.name.toUpperCase()}_CHANNEL`;
    const value = setting in declared ? declared[setting] : env[setting];
    const channel = typeof value === 'string' ? value.trim() : '';
    if (!channel) continue;
    if (!on.includes(entry))
      throw new ConfigError(`${setting} is set but ${entry.label} is not configured (${entry.requires}).`);
    desks[entry.name] = channel;
  }
  return { helpdeskLang: config.HELPDESK_LANG, desks, admins: config.BOT_ADMINS };
}

/** The core: the pack, the resolver, tickets, pins and the bot, in storage when there is one. */
export function createBot(
  options: AppOptions,
  config: Config,
  shared: Shared,
  log: Logger,
  kick: () => void,
) {
  const { storage } = options;
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
  return { bot, tickets, outbox, resolver, metrics };
}

/** Imports and creates each configured platform (its SDK is loaded here, and only for it). */
export async function openPlatforms(
  options: AppOptions,
  settings: { config: Config; env: Environment },
  on: PlatformEntry[],
  shared: Shared,
  bot: Bot,
  log: Logger,
): Promise<Map<string, ChatPlatform>> {
  const deliveries = new Deliveries(options.dedupe ?? options.storage?.dedupe ?? new MemoryDedupeStore());
  const seams: Record<string, unknown> = { teams: options.teams, slack: options.slack };
  const running = new Map<string, ChatPlatform>();
  for (const entry of on) {
    const module = await entry.load();
    const platform = await module.createPlatform({
      bot,
      config: settings.config,
      env: settings.env,
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

/** Runs `task` every `ms` (now too, when `now`), in the background, logging its failures. */
export function every(ms: number, task: () => Promise<unknown>, what: string, log: Logger, now = false) {
  const run = () => void task().catch((e) => log.error(`${what} failed`, { err: e }));
  if (now) run();
  const timer = setInterval(run, ms);
  timer.unref();
  return timer;
}

/**
 * The worker that sends what the outbox holds (ticket cards, notifications, the digest), every
 * OUTBOX_INTERVAL_MS, holding a claimed item OUTBOX_LEASE_MS; each result is counted.
 */
export function outboxWorker(
  config: Config,
  log: Logger,
  metrics: Metrics,
  deps: OutboxHandlerOptions & { outbox: Outbox; digest: OutboxHandler },
): OutboxWorker {
  const { outbox, digest, ...handlers } = deps;
  return new OutboxWorker(
    outbox,
    { ...outboxHandlers(handlers), 'digest.post': digest },
    {
      log,
      onResult: metrics.outboxResult,
      intervalMs: config.OUTBOX_INTERVAL_MS,
      leaseMs: config.OUTBOX_LEASE_MS,
    },
  );
}

/** Ends the pins whose time is up and has the platform they were pinned on update their posts. */
export function pinExpiry(bot: Bot, running: Map<string, ChatPlatform>, log: Logger): () => Promise<void> {
  return async () => {
    await bot.expirePins(
      async (pin, card) => running.get(pin.platform)?.endPin(pin, card),
      (pin, e, retrying) =>
        log.warn(
          `could not update expired pin ${pin.id} (${retrying ? 'tried again next sweep' : 'given up, pin ended'}): ${(e as Error).message}`,
          { err: e, pin: pin.id },
        ),
    );
  };
}
