/**
 * The Slack app: HTTP mode at /slack/events through SlackHttpReceiver, or Socket Mode when
 * SLACK_APP_TOKEN is set. The Web API client waits out 429s (Retry-After) rather than
 * dropping calls, and can be pointed elsewhere with SLACK_API_URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel, webApi } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Lang } from '../../core/i18n/languages.js';
import type { Deliveries } from '../../core/deliveries.js';
import type { SlackSettings } from './config.js';
import { boltLogger } from './bolt-logger.js';
import { SlackHttpReceiver } from './receiver.js';
import { registerSlackListeners } from './slack-bot.js';
import { DEFAULT_TOKEN_RETRY, SlackTokenCheck, type TokenRetry } from './token-check.js';
import { type Logger, silentLogger } from '../../core/log/logger.js';

export interface SlackEndpointOptions {
  bot: Bot;
  admins?: string[];
  helpdeskLang?: Lang;
  settings: SlackSettings;
  /** Where handled deliveries are remembered, against Slack's retries (see core/deliveries.ts). */
  deliveries: Deliveries;
  log?: Logger;
  /** Seconds since the epoch, for signature timestamps (tests move the clock). */
  now?: () => number;
  /** How the token check (`auth.test`) is retried while it fails. */
  tokenRetry?: Partial<TokenRetry>;
}

export interface SlackEndpoint {
  app: App;
  /** The bot token's check, for readiness. */
  tokenCheck: SlackTokenCheck;
  /** The HTTP route, in HTTP mode; undefined in Socket Mode. */
  handle?: (req: IncomingMessage, res: ServerResponse, raw: Buffer) => Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackEndpoint(options: SlackEndpointOptions): SlackEndpoint {
  const { settings, log = silentLogger } = options;
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // Rate-limited calls are retried after Retry-After, not rejected.
    rejectRateLimitedCalls: false,
  };
  // The token is checked in the background (see token-check.ts), not by Bolt before each event.
  let app: App | undefined;
  const tokenCheck = new SlackTokenCheck(
    () => app!.client,
    settings.botToken,
    { ...DEFAULT_TOKEN_RETRY, ...options.tokenRetry },
    log,
  );
  // Conversation state lives in the bot's own store; Bolt's conversation store is left off, as
  // its default looks up every event and builds an Error (with a stack) for each one not found.
  const shared = {
    authorize: tokenCheck.authorize,
    clientOptions,
    convoStore: false as const,
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
  };
  let receiver: SlackHttpReceiver | undefined;
  if (settings.appToken) {
    app = new App({ ...shared, appToken: settings.appToken, socketMode: true });
  } else {
    receiver = new SlackHttpReceiver({
      signingSecret: settings.signingSecret,
      deliveries: options.deliveries,
      log,
      ...(options.now ? { now: options.now } : {}),
    });
    app = new App({ ...shared, receiver });
  }
  // With `authorize`, Bolt's own client has no token: the bot's calls outside a listener
  // (the outbox, pin expiry) use this one.
  app.client = new webApi.WebClient(settings.botToken, clientOptions);
  app.error(async (error) => log.error('slack listener failed', { err: error }));
  registerSlackListeners(app, {
    bot: options.bot,
    log,
    ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    ...(options.helpdeskLang ? { helpdeskLang: options.helpdeskLang } : {}),
    ...(options.admins ? { admins: options.admins } : {}),
  });
  const started = app;
  return {
    app: started,
    tokenCheck,
    ...(receiver ? { handle: (req, res, raw) => receiver.handle(req, res, raw) } : {}),
    start: async () => {
      void tokenCheck.start();
      if (settings.appToken) await started.start();
    },
    stop: async () => {
      tokenCheck.stop();
      if (settings.appToken) await started.stop();
    },
  };
}
