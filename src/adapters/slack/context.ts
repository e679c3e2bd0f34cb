/**
 * What every Slack listener shares: where a message was written (`Where`), the conversation it
 * belongs to, the users' locales, and how the bot is asked and its cards posted. Each listener
 * is a module of its own under listeners/, given this context.
 */
import type { webApi } from '@slack/bolt';
import type { Bot, Incoming, Outgoing } from '../../core/bot.js';
import type { Card } from '../../core/cards/model.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n/languages.js';
import { renderBlockKit, type SlackMessage } from '../../render/blockkit/render.js';
import { LocaleCache } from './locale.js';
import { slackInbound } from './markup.js';
import { SlackPinPublisher } from './pins.js';
import type { Logger } from '../../core/log/logger.js';
/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

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

/** Where a posted card is remembered, with whom it belongs to: its channel and message ts. */
export const sentKey = (channel: string, ts: string) => `slack:${channel}:${ts}`;

/** Direct-message channels start with D; only other channels have pinned quick fixes. */
export const isDirect = (channel: string) => channel.startsWith('D');

export interface SlackBotOptions {
  bot: Bot;
  /** Slack user ids allowed to pin, besides the workspace's admins and owners. */
  admins?: string[];
  /** The language the helpdesk reads (its modals). */
  helpdeskLang?: Lang;
  log?: Logger;
  /** The Web API's URL when not Slack's own (SLACK_API_URL): its host serves files too. */
  apiUrl?: string;
}

export class SlackContext {
  readonly bot: Bot;
  readonly locales: LocaleCache;
  readonly publisher: SlackPinPublisher;

  constructor(
    readonly options: SlackBotOptions,
    client: () => WebClient,
  ) {
    this.bot = options.bot;
    this.locales = new LocaleCache(options.log);
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
    for (const card of cards) {
      const posted = await client.chat.postMessage({
        channel: where.channel,
        ...(where.thread ? { thread_ts: where.thread } : {}),
        ...this.render(card),
      });
      // A card that asks something belongs to the user it answers (see CardOwnership).
      if (posted.ts && (card.choices.length || card.kind === 'form'))
        await this.bot.sentCards.remember(sentKey(where.channel, posted.ts), card, conversationKey(where));
    }
  }

  /**
   * Tells `where.user` privately that the message `ts` they pressed was posted for someone else
   * (see CardOwnership); returns whether it was, so that the press goes no further.
   */
  async refusedNotYours(
    where: Where,
    ts: string | undefined,
    locale: string | null,
    respond: (message: Record<string, unknown>) => Promise<unknown>,
  ): Promise<boolean> {
    if (!ts) return false;
    const lang = langFromLocale(locale) ?? DEFAULT_LANG;
    const notice = await this.bot.notYourCard(sentKey(where.channel, ts), conversationKey(where), lang);
    if (!notice) return false;
    this.options.log?.info(
      `message ${ts} in ${where.channel} pressed by ${where.user}, not its owner: left as it is`,
    );
    await respond({ response_type: 'ephemeral', replace_original: false, ...this.render(notice) });
    return true;
  }
}
