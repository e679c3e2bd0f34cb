/**
 * The weekly digest's settings and timer: `DIGEST_WEEKLY` ("mon 09:00", optionally with a time
 * zone) turns it on; it needs a helpdesk channel to go to. Every process checks once a minute
 * whether this week's digest is due; the outbox makes sure it is queued and posted once.
 */
import { ConfigError } from '../core/errors.js';
import type { Logger } from '../core/log/logger.js';
import type { HelpdeskChannel } from '../core/helpdesk/channel.js';
import type { OutboxHandler } from '../core/helpdesk/worker.js';
import type { Lang } from '../core/i18n/languages.js';
import type { KnowledgePack } from '../core/knowledge/pack.js';
import { parseWeekly } from '../core/digest/schedule.js';
import { DigestScheduler, digestHandler } from '../core/digest/weekly.js';
import type { OutcomeStore } from '../core/storage/outcomes.js';
import type { Outbox } from '../core/storage/types.js';
import type { Analyzer } from '../core/text/analyzer.js';

/** How often each process checks whether the digest is due. */
const CHECK_MS = 60_000;

export interface WeeklyDigest {
  handler: OutboxHandler;
  /** Queues this week's digest now if it is due (the timer does it every minute); false when off. */
  check(): Promise<boolean>;
  start(): void;
  stop(): void;
}

export function weeklyDigest(
  /** DIGEST_WEEKLY, checked by the configuration ("" when the digest is off). */
  setting: string,
  deps: {
    outbox: Outbox;
    channels: HelpdeskChannel[];
    outcomes: OutcomeStore;
    pack: KnowledgePack;
    analyzer: Analyzer;
    helpdeskLang: Lang;
    clock: () => Date;
    kick: () => void;
    log: Logger;
  },
): WeeklyDigest {
  const handler = digestHandler(deps);
  if (!setting) return { handler, check: async () => false, start: () => {}, stop: () => {} };
  const schedule = parseWeekly(setting);
  if (!deps.channels.length)
    throw new ConfigError(
      'DIGEST_WEEKLY is set but there is no helpdesk channel to post it to (HELPDESK_TEAMS_CHANNEL or HELPDESK_SLACK_CHANNEL).',
    );
  const scheduler = new DigestScheduler({
    schedule,
    outbox: deps.outbox,
    platforms: deps.channels.map((c) => c.platform),
    clock: deps.clock,
    kick: deps.kick,
  });
  let timer: NodeJS.Timeout | undefined;
  const check = () => scheduler.tick();
  const checkLogged = () => void check().catch((e) => deps.log.error('digest check failed', { err: e }));
  return {
    handler,
    check,
    start() {
      checkLogged();
      timer = setInterval(checkLogged, CHECK_MS);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
