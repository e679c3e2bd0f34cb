/**
 * Retried deliveries, handled once for every platform. Platforms deliver again what they did
 * not see acknowledged in time (Slack after 3 s, the Bot Framework after 15 s or a 5xx), maybe
 * to another process of the bot. Each delivery is claimed by the id the platform keeps across
 * retries while it is handled, then remembered as done for 30 minutes: a retry of a handled
 * delivery is acknowledged without a second answer, while one whose first attempt never
 * arrived is handled. A claim held while handling lasts `leaseMs` only: a retry that finds it
 * held is `busy` (the platform should be told to try again later), and once the lease has run
 * out (the process handling it died) the retry is handled. If handling fails, the claim is
 * given back so that the next retry is handled.
 */
import type { DedupeStore } from './storage/types.js';

export const DEDUPE_TTL_MS = 30 * 60 * 1000;
/** How long a delivery being handled is held (Slack's retries come after about 1 and 5 minutes). */
export const HANDLING_LEASE_MS = 45 * 1000;

/** What became of a delivery: handled now, handled before (a retry), or being handled elsewhere. */
export type DeliveryOutcome = 'handled' | 'duplicate' | 'busy';

export class Deliveries {
  constructor(
    private readonly store: DedupeStore,
    private readonly leaseMs: number = HANDLING_LEASE_MS,
  ) {}

  /** The same deliveries, held for `leaseMs` while handled (a platform whose handling takes longer). */
  withLease(leaseMs: number): Deliveries {
    return new Deliveries(this.store, leaseMs);
  }

  /**
   * Runs `handle` unless the delivery `id` was handled or is being handled; without an id
   * (a delivery the platform does not identify) it always runs. A failure of `handle` gives
   * the claim back and is rethrown.
   */
  async once(id: string | undefined, handle: () => Promise<void>): Promise<DeliveryOutcome> {
    if (id === undefined) {
      await handle();
      return 'handled';
    }
    const claim = await this.store.begin(id, this.leaseMs);
    if (claim === 'done') return 'duplicate';
    if (claim === 'busy') return 'busy';
    try {
      await handle();
    } catch (error) {
      await this.store.release(id);
      throw error;
    }
    await this.store.finish(id, DEDUPE_TTL_MS);
    return 'handled';
  }
}
