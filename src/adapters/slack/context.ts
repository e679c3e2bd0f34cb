/**
 * What every Slack listener shares: where a message was written (`Where`), the conversation it
 * belongs to, the users' locales, and how the bot is asked and its cards posted. Each listener
 * is a module of its own under listeners/, given this context.
 */
import type { WebClient } from '@slack/web-api';
import type { Bot, Incoming, Outgoing } from '../../core/bot.js';
import type { Card } from '../../core/cards/model.js';
import type { Lang } from '../../core/i18n/languages.js';
import { renderBlockKit, type SlackMessage } from '../../render/blockkit/render.js';
import { LocaleCache } from './locale.js';
import { slackInbound } from './markup.js';
import { SlackPinPublisher } from './pins.js';

export interface Where {
  team: string;
  channel: string;
  user: string;
  thread?: string;
}

/** One conversation state per user: a DM, a mention's thread, or a user's slash commands in a channel. */
export function conversationKey(w: Where): string {
  return ['slack', w.team, w.channel, w.thread ?? '-', w.user].join(':');
}

/** Direct-message channels start with D; only other channels have pinned quick fixes. */
export const isDirect = (channel: string) => channel.startsWith('D');

export interface SlackBotOptions {
  bot: Bot;
  /** Slack user ids allowed to pin, besides the workspace's admins and owners. */
  admins?: string[];
  /** The language the helpdesk reads (its modals). */
  helpdeskLang?: Lang;
  log?: (message: string) => void;
  /** The Web API's URL when not Slack's own (SLACK_API_URL): its host serves files too. */
  apiUrl?: string;
}

export class SlackContext {
  readonly bot: Bot;
  readonly locales = new LocaleCache();
  readonly publisher: SlackPinPublisher;

  constructor(
    readonly options: SlackBotOptions,
    client: () => WebClient,
  ) {
    this.bot = options.bot;
    this.publisher = new SlackPinPublisher(client, (lang) => this.chooseLabel(lang), options.log);
  }

  chooseLabel(lang: Lang): string {
    return this.bot.message('slack.choose', lang);
  }

  render(card: Card): SlackMessage {
    return renderBlockKit(card, { chooseLabel: this.chooseLabel(card.lang) });
  }

  /** The bot's answer to what was written or pressed at `where`, its markup read first. */
  handle(where: Where, input: Omit<Incoming, 'conversation'>): Promise<Outgoing> {
    return this.bot.handle({
      conversation: conversationKey(where),
      platform: 'slack',
      user: { id: where.user },
      address: { channel: where.channel, ...(where.thread ? { thread: where.thread } : {}) },
      ...(isDirect(where.channel) ? {} : { channel: where.channel }),
      ...input,
      ...(input.text !== undefined ? { text: slackInbound(input.text) } : {}),
    });
  }

  async answer(where: Where, input: Omit<Incoming, 'conversation'>): Promise<Card[]> {
    return (await this.handle(where, input)).cards;
  }

  /** Posts cards where the conversation is (in the thread, for a mention). */
  async post(client: WebClient, where: Where, cards: Card[]): Promise<void> {
    for (const card of cards)
      await client.chat.postMessage({
        channel: where.channel,
        ...(where.thread ? { thread_ts: where.thread } : {}),
        ...this.render(card),
      });
  }
}
