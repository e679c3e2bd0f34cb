/**
 * `POST /api/messages`: the Bot Framework CloudAdapter in front of the Teams bot.
 *
 * Authentication fails closed: with an app id, the adapter checks every request's JWT
 * (issuer, audience, signature against the published keys, expiry) and answers 401 before
 * anything reaches the core. Without one it accepts unauthenticated requests, which is only
 * allowed in the explicit local mode. Outbound retries: see `retry.ts`.
 *
 * The Bot Framework delivers an activity again when the bot did not answer in time (15 s) or
 * answered 5xx: once authenticated, each message and conversation update is handled once by
 * its id through the core's `Deliveries`, like Slack's events. Invokes are not: their answer is
 * the HTTP response itself, which a retry needs again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationError, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Bot } from '../../core/bot.js';
import type { Deliveries } from '../../core/deliveries.js';
import { AdaptiveCardRenderer } from '../../render/adaptive/render.js';
import type { TeamsSettings } from './config.js';
import type { RetryPolicy } from './retry.js';
import { SigninTeamsBot } from './teams-bot.js';
import { type TeamsProactive, TeamsPinPublisher } from './helpdesk.js';
import { type Lang, langFromLocale } from '../../core/i18n/languages.js';
import { type Logger, silentLogger } from '../../core/log/logger.js';

export interface TeamsEndpointOptions {
  bot: Bot;
  settings: TeamsSettings;
  /** Where handled activities are remembered, against the Bot Framework's retries. */
  deliveries: Deliveries;
  renderer?: AdaptiveCardRenderer;
  retry?: RetryPolicy;
  log?: Logger;
  /** Where tokens are checked against: the Bot Framework's by default; a local issuer in tests. */
  auth?: { openIdMetadataUrl: string; tokenIssuer: string };
  /** How outbound calls get their token (tests give a fixed one; production uses the app secret). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** The language of the helpdesk channel's messages. */
  helpdeskLang?: Lang;
  /** AAD object ids of the users allowed to pin (BOT_ADMINS). */
  admins?: string[];
}

export interface TeamsEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void>;
  /** For proactive messages (ticket cards, notifications). */
  proactive: TeamsProactive;
}

/**
 * The SDK answers 500 when token verification fails with anything but its own
 * AuthenticationError (a bad signature on a known key id, for one). A request whose token
 * could not be verified is unauthorized, whatever the reason: 401.
 */
class FailClosedAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    try {
      return await super.authenticateRequest(...args);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
  }
}

/**
 * botbuilder's Response interface over a Node response. `busy` answers 503 whatever the
 * adapter says (an activity being handled by another process: the Bot Framework retries it).
 */
export function botResponse(res: ServerResponse, busy: { now: boolean } = { now: false }) {
  let payload: unknown;
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = busy.now ? 503 : code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body?: unknown) {
      payload = body;
    },
    end() {
      if (res.writableEnded) return;
      if (payload === undefined || payload === null) res.end();
      else if (typeof payload === 'string' || Buffer.isBuffer(payload)) res.end(payload);
      else {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(payload));
      }
    },
  };
}

/** The id the Bot Framework keeps across retries of one activity; none for invokes. */
function deliveryId(activity: { type?: string; id?: string; conversation?: { id?: string } }) {
  if (activity.type === 'invoke' || !activity.id || !activity.conversation?.id) return undefined;
  return `teams:${activity.conversation.id}:${activity.id}`;
}

export function createTeamsEndpoint(options: TeamsEndpointOptions): TeamsEndpoint {
  const { settings, bot } = options;
  const log = options.log ?? silentLogger;
  const config: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId,
    ...(options.auth
      ? {
          ToBotFromChannelOpenIdMetadataUrl: options.auth.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: options.auth.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: options.auth.tokenIssuer,
        }
      : {}),
  };
  const authentication = new FailClosedAuthentication(config, options.credentialsFactory);
  const adapter = new CloudAdapter(authentication);
  const renderer = options.renderer ?? new AdaptiveCardRenderer();
  adapter.onTurnError = async (context, error) => {
    log.error('teams turn failed', { err: error, activity: context.activity.type });
    try {
      const lang = langFromLocale(context.activity.locale) ?? 'en';
      await context.sendActivity({ type: 'message', text: bot.notice('error', lang).text });
    } catch (e) {
      // The user could not even be told: the turn's error is logged above, this one beside it.
      log.warn('could not tell the user the turn failed', { err: e });
    }
  };
  const pinPublisher = new TeamsPinPublisher({ adapter, appId: settings.appId, renderer });
  const teamsBot = new SigninTeamsBot({
    bot,
    renderer,
    log,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.helpdeskLang ? { helpdeskLang: options.helpdeskLang } : {}),
    ...(options.admins ? { admins: options.admins } : {}),
    pinPublisher: (pin, card) => pinPublisher.end(pin, card),
  });
  return {
    proactive: { adapter, appId: settings.appId, renderer },
    async handle(req, res, body) {
      const request = {
        body: body as Record<string, unknown>,
        headers: req.headers,
        method: req.method ?? 'POST',
      };
      const busy = { now: false };
      await adapter.process(request, botResponse(res, busy), async (context) => {
        const outcome = await options.deliveries.once(deliveryId(context.activity), () =>
          teamsBot.run(context),
        );
        busy.now = outcome === 'busy';
      });
    },
  };
}
