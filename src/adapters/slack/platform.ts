/**
 * Slack as a `ChatPlatform`: Bolt at POST /slack/events (or Socket Mode with SLACK_APP_TOKEN),
 * ticket cards in the helpdesk channel (HELPDESK_SLACK_CHANNEL), notifications where users
 * talked to the bot, and the posts of ended pins updated and unpinned. Loaded only when
 * SLACK_BOT_TOKEN is set.
 */
import type { Card } from '../../core/cards/model.js';
import { ConfigError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/languages.js';
import type { ChatPlatform, PlatformContext } from '../../core/platform.js';
import { renderBlockKit } from '../../render/blockkit/render.js';
import { readSlackSettings } from './config.js';
import { createSlackEndpoint, type SlackEndpointOptions } from './endpoint.js';
import { SlackHelpdeskChannel, SlackNotifier } from './helpdesk.js';
import { slackInbound } from './markup.js';
import { isSlackAdmin, SlackPinPublisher } from './pins.js';

/** The test seams tests may give (the signature clock, the token check's retry timing). */
export type SlackSeams = Partial<Pick<SlackEndpointOptions, 'now' | 'tokenRetry'>>;

/** How long a delivery being handled is held against Slack's retries, when not the default. */
function leaseMs(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.SLACK_HANDLING_LEASE_MS?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0)
    throw new ConfigError(`SLACK_HANDLING_LEASE_MS must be a positive number of milliseconds; got "${raw}".`);
  return ms;
}

export function createPlatform(context: PlatformContext): ChatPlatform {
  const { env, log, bot, helpdeskLang } = context;
  const settings = readSlackSettings(env);
  if (!settings) throw new Error('Slack is not configured (SLACK_BOT_TOKEN)');
  const lease = leaseMs(env);
  const slack = createSlackEndpoint({
    bot,
    helpdeskLang,
    admins: context.admins,
    settings,
    deliveries: lease ? context.deliveries.withLease(lease) : context.deliveries,
    log,
    ...(context.options as SlackSeams | undefined),
  });
  const client = () => slack.app.client;
  const chooseLabel = (lang: Lang) => bot.message('slack.choose', lang);
  const pins = new SlackPinPublisher(client, chooseLabel, log);
  const handle = slack.handle;
  return {
    name: 'slack',
    routes: handle
      ? [{ method: 'POST', path: '/slack/events', handle: (req, res, _body, raw) => handle(req, res, raw) }]
      : [],
    start: () => slack.start(),
    stop: () => slack.stop(),
    // Replies need a bot token Slack accepts: not ready until it does, with what is wrong.
    checks: () => ({ slackToken: slack.tokenCheck.status() }),
    inbound: slackInbound,
    render: (card: Card) => renderBlockKit(card, { chooseLabel: chooseLabel(card.lang) }),
    notifier: new SlackNotifier(client, (card) => chooseLabel(card.lang)),
    ...(context.helpdeskChannel
      ? { helpdesk: new SlackHelpdeskChannel(client, context.helpdeskChannel, chooseLabel(helpdeskLang)) }
      : {}),
    endPin: (pin, card) => pins.end(pin, card),
    isAdmin: (user) => isSlackAdmin(client(), user, context.admins, log),
  };
}
