/**
 * Slack as a `ChatPlatform`: Bolt at POST /slack/events (or Socket Mode with SLACK_APP_TOKEN),
 * ticket cards in the helpdesk channel (HELPDESK_SLACK_CHANNEL), notifications where users
 * talked to the bot, and the posts of ended pins updated and unpinned. Loaded only when
 * SLACK_BOT_TOKEN is set.
 */
import type { Card } from '../../core/cards/model.js';
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

export function createPlatform(context: PlatformContext): ChatPlatform {
  const { config, log, bot, helpdeskLang } = context;
  const settings = readSlackSettings(config);
  if (!settings) throw new Error('Slack is not configured (SLACK_BOT_TOKEN)');
  const slack = createSlackEndpoint({
    bot,
    helpdeskLang,
    admins: context.admins,
    settings,
    // Held while handled against Slack's retries (after about 1 and 5 minutes): SLACK_HANDLING_LEASE_MS.
    deliveries: context.deliveries.withLease(config.SLACK_HANDLING_LEASE_MS),
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
