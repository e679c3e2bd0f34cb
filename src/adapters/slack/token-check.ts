/**
 * The bot token's check (`auth.test`), off the request path. Bolt's default calls `auth.test`
 * when the app is built and makes every event wait for it: with a slow Slack API the first
 * acknowledgements came after Slack's 3 s, and one `ok: false` was an unhandled rejection that
 * ended the process. Here the check runs in the background and is retried with exponential
 * backoff until it passes; events are authorized at once with the configured token (the bot's
 * own user and bot ids join once known), and the state is reported on readiness (/readyz).
 */
import type { AuthorizeResult } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { type Logger, silentLogger } from '../../core/log/logger.js';

/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

export interface TokenCheckStatus {
  state: 'checking' | 'ok' | 'failing';
  /** `auth.test` calls made so far. */
  attempts: number;
  /** Why the last call failed (Slack's error code, or the network error). */
  error?: string;
  /** When the next call is due, while failing. */
  retryAt?: string;
  team?: string;
}

export interface TokenRetry {
  /** Wait before the first retry; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_TOKEN_RETRY: TokenRetry = { initialDelayMs: 1000, maxDelayMs: 5 * 60 * 1000 };

export class SlackTokenCheck {
  private current: TokenCheckStatus = { state: 'checking', attempts: 0 };
  private ids: { botId?: string; botUserId?: string } = {};
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly client: () => WebClient,
    private readonly token: string,
    private readonly retry: TokenRetry = DEFAULT_TOKEN_RETRY,
    private readonly log: Logger = silentLogger,
  ) {}

  status(): TokenCheckStatus {
    return { ...this.current };
  }

  /** Bolt's `authorize`: never waits for the check. */
  readonly authorize = async (): Promise<AuthorizeResult> => ({ botToken: this.token, ...this.ids });

  /** Starts checking (once); resolves when the first call has answered, passed or not. */
  start(): Promise<void> {
    this.stopped = false;
    return (this.running ??= this.attempt(this.retry.initialDelayMs));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async attempt(nextDelay: number): Promise<void> {
    if (this.stopped) return;
    const attempts = this.current.attempts + 1;
    try {
      const result = await this.client().auth.test({ token: this.token });
      this.ids = {
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
      };
      this.current = { state: 'ok', attempts, ...(result.team ? { team: result.team } : {}) };
      if (attempts > 1) this.log.info(`slack token check passed after ${attempts} attempts`);
    } catch (e) {
      const error = (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;
      const delay = Math.min(nextDelay, this.retry.maxDelayMs);
      this.current = {
        state: 'failing',
        attempts,
        error,
        retryAt: new Date(Date.now() + delay).toISOString(),
      };
      this.log.warn(
        `slack token check failed (auth.test: ${error}); trying again in ${Math.round(delay / 1000)} s`,
      );
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.attempt(delay * 2), delay);
      this.timer.unref();
    }
  }
}
