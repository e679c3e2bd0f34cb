/**
 * Sends what the outbox holds, one kind of message per handler, and retries what failed with
 * growing delays. It runs on a timer, and right away when a change queued something (`kick`).
 * After a crash, the next process picks up what was still pending.
 */
import type { Logger } from '../log/logger.js';
import type { Outbox, OutboxItem } from '../storage/types.js';

/**
 * Sends one message. `item` says which outbox item it is and how many times it was claimed: a
 * second claim means an earlier attempt may have sent it before its process died, so a handler
 * that posts something new looks for it first (see channel.ts).
 */
export type OutboxHandler = (
  payload: Record<string, unknown>,
  item?: Pick<OutboxItem, 'id' | 'attempts'>,
) => Promise<Record<string, unknown> | void>;

export interface OutboxWorkerOptions {
  intervalMs?: number;
  leaseMs?: number;
  batch?: number;
  log?: Logger;
  /** Told of each item sent (true) or failed (false), for the metrics. */
  onResult?: (kind: string, ok: boolean) => void;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly options: OutboxWorkerOptions = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 2000);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends what is due now (coalesces calls that arrive while a round is running). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .then(() => undefined)
      .catch((e) => this.options.log?.error(`outbox round failed: ${(e as Error).message}`, { err: e }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Runs rounds until nothing is due (tests). */
  async drain(): Promise<void> {
    await this.running;
    while ((await this.round()) > 0);
  }

  private async round(): Promise<number> {
    const leaseMs = this.options.leaseMs ?? 60_000;
    const claimed = Date.now();
    const items = await this.outbox.claim(this.options.batch ?? 20, leaseMs);
    for (const item of items) {
      if (Date.now() - claimed > leaseMs / 2) {
        // Another worker may take what is left once the lease ends: hand it back rather than race it.
        await this.outbox.fail(item.id, 'lease running out before it was sent', 0);
        continue;
      }
      const handler = this.handlers[item.kind];
      try {
        if (!handler) throw new Error(`no handler for ${item.kind}`);
        await this.outbox.complete(item.id, (await handler(item.payload, item)) ?? {});
        this.options.onResult?.(item.kind, true);
      } catch (e) {
        this.options.onResult?.(item.kind, false);
        const delay = Math.min(5 * 60_000, 1000 * 2 ** Math.min(item.attempts, 8));
        this.options.log?.warn(
          `outbox ${item.kind} #${item.id} failed (attempt ${item.attempts}): ${(e as Error).message}`,
          { err: e, outbox: { id: item.id, kind: item.kind, attempts: item.attempts, retryInMs: delay } },
        );
        await this.outbox.fail(item.id, (e as Error).message, delay);
      }
    }
    return items.length;
  }
}
