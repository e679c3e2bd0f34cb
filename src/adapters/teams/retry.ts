/**
 * Retries outbound calls that failed for a passing reason: throttled (429), a conflicting
 * update (412), or a gateway that gave up (502, 504). Waits honour Retry-After, else grow
 * exponentially with full jitter so many conversations do not retry in step.
 *
 * For Teams, botbuilder's HTTP pipeline (core-rest-pipeline) already retries 429 (honouring
 * Retry-After) and 5xx (exponential, jittered) three times, and cannot be told not to; stacking
 * a second loop on those would multiply attempts under sustained throttling. TEAMS_RETRY
 * therefore adds only what the pipeline does not retry: 412.
 */
export interface RetryPolicy {
  retries: number;
  baseMs: number;
  maxMs: number;
  statuses: number[];
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 4,
  baseMs: 500,
  maxMs: 30_000,
  statuses: [429, 412, 502, 504],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export const TEAMS_RETRY: RetryPolicy = { ...DEFAULT_RETRY, statuses: [412] };

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Retry-After in milliseconds, from seconds or an HTTP date, when the error carries one. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers as
    { get?: (name: string) => string | undefined | null } | Record<string, string> | undefined;
  const raw =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.retries || status === undefined || !policy.statuses.includes(status)) throw error;
      const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt) * policy.random();
      await policy.sleep(Math.min(policy.maxMs, retryAfterMs(error) ?? backoff));
    }
  }
}
