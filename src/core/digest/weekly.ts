/**
 * The weekly digest, opt-in (DIGEST_WEEKLY): once a week, each helpdesk channel (Teams, Slack)
 * gets a card with the week's headline figures. It goes through the outbox, so it is sent at
 * least once and retried like a ticket card; and it is queued under one key per week and
 * channel, so that any number of processes, restarted any number of times, queue it once. A
 * retried post looks for its marker first where the platform can (Slack).
 */
import type { HelpdeskChannel } from '../helpdesk/channel.js';
import type { Platform } from '../helpdesk/types.js';
import type { OutboxHandler } from '../helpdesk/worker.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { buildReport } from '../outcomes/report.js';
import type { OutcomeStore } from '../storage/outcomes.js';
import type { Outbox } from '../storage/types.js';
import type { Analyzer } from '../text/analyzer.js';
import { digestCard } from './card.js';
import { lastSlot, type WeeklySchedule } from './schedule.js';
import { utcDay } from '../text/dates.js';

const WEEK_MS = 7 * 24 * 3600_000;
/**
 * How late a digest may still go out: a process that was down at the slot sends it when it
 * comes back the same day; one first started days later waits for the next week.
 */
const LATE_MS = 24 * 3600_000;

export class DigestScheduler {
  constructor(
    private readonly o: {
      schedule: WeeklySchedule;
      outbox: Outbox;
      /** The platforms with a helpdesk channel. */
      platforms: Platform[];
      clock: () => Date;
      /** Runs the outbox now. */
      kick?: () => void;
    },
  ) {}

  /** Queues this week's digest if it is due; true when it was (queued now or before). */
  async tick(): Promise<boolean> {
    const now = this.o.clock();
    const slot = lastSlot(this.o.schedule, now);
    if (now.getTime() - slot.getTime() > LATE_MS) return false;
    const until = slot.toISOString();
    const since = new Date(slot.getTime() - WEEK_MS).toISOString();
    for (const platform of this.o.platforms)
      await this.o.outbox.enqueue({
        kind: 'digest.post',
        payload: { platform, since, until },
        dedupeKey: `digest:${platform}:${until}`,
      });
    this.o.kick?.();
    return true;
  }
}

export interface DigestHandlerOptions {
  channels: HelpdeskChannel[];
  outcomes: OutcomeStore;
  pack: KnowledgePack;
  analyzer: Analyzer;
  helpdeskLang: Lang;
}

/** The outbox handler that posts a queued digest. */
export function digestHandler(o: DigestHandlerOptions): OutboxHandler {
  return async (payload, item) => {
    const since = String(payload.since);
    const until = String(payload.until);
    const channel = o.channels.find((c) => c.platform === payload.platform);
    if (!channel) return { skipped: `no ${String(payload.platform)} helpdesk channel` };
    const marker = `digest:${until}`;
    // Claimed before: an earlier attempt may have posted it and died before recording it.
    const found = (item?.attempts ?? 1) > 1 ? await channel.findTicket?.(marker, new Date(until)) : undefined;
    if (found) return { platform: channel.platform, ...found, already: true };
    const outcomes = await o.outcomes.list({ since, until });
    const report = buildReport({ since, until, outcomes, tickets: [], pinAudit: [], analyzer: o.analyzer });
    const command = `npm run -s cli -- report --since ${utcDay(since)} --format html --out report.html`;
    const posted = await channel.postDigest(digestCard(o.pack, report, o.helpdeskLang, command), marker);
    return { platform: channel.platform, ...posted };
  };
}
