/**
 * The Slack side of the bot: Bolt listeners that turn Slack events into calls of the
 * platform-free core, and the core's cards into Block Kit. Everything `@slack/*` stays in
 * this folder.
 *
 * - Direct messages: every message. Channels: mentions, answered in the mention's thread.
 * - `/signin-help [question]`: answered only to the caller, with a button to share in the channel.
 * - Buttons (`block_actions`) drive the dialogs; the pressed message is updated in place
 *   (`chat.update`) without its buttons, so it cannot be answered twice.
 * - The App Home tab lists the topics in the user's language.
 * - The user's locale comes from `users.info` (cached), and the language of the text wins.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot, Incoming } from '../../core/bot.js';
import { CardBuilder } from '../../core/cards/build.js';
import type { ActionPayload, Card } from '../../core/cards/model.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n/languages.js';
import {
  answeredBlocks,
  type Block,
  escapeSlack,
  renderBlockKit,
  type SlackMessage,
} from '../../render/blockkit/render.js';

const LOCALE_TTL_MS = 60 * 60 * 1000;
const COMMAND = '/signin-help';

interface Where {
  team: string;
  channel: string;
  user: string;
  thread?: string;
}

/** One conversation state per user: a DM, a mention's thread, or a user's slash commands in a channel. */
export function conversationKey(w: Where): string {
  return ['slack', w.team, w.channel, w.thread ?? '-', w.user].join(':');
}

export class LocaleCache {
  private readonly cache = new Map<string, { locale: string | null; expires: number }>();

  async get(client: WebClient, user: string): Promise<string | null> {
    const hit = this.cache.get(user);
    if (hit && hit.expires > Date.now()) return hit.locale;
    let locale: string | null = null;
    try {
      const info = await client.users.info({ user, include_locale: true });
      locale = info.user?.locale ?? null;
    } catch {
      // Without the locale the text decides alone.
    }
    this.cache.set(user, { locale, expires: Date.now() + LOCALE_TTL_MS });
    return locale;
  }
}

export interface SlackBotOptions {
  bot: Bot;
  log?: (message: string) => void;
}

export function registerSlackListeners(app: App, options: SlackBotOptions): void {
  const { bot } = options;
  const builder = new CardBuilder(bot.pack);
  const locales = new LocaleCache();
  const render = (card: Card): SlackMessage =>
    renderBlockKit(card, { chooseLabel: bot.pack.message('slack.choose', card.lang) });

  async function answer(where: Where, input: Omit<Incoming, 'conversation'>): Promise<Card[]> {
    const out = await bot.handle({ conversation: conversationKey(where), ...input });
    return out.cards;
  }

  async function post(client: WebClient, where: Where, cards: Card[]): Promise<void> {
    for (const card of cards) {
      const message = render(card);
      await client.chat.postMessage({
        channel: where.channel,
        ...(where.thread ? { thread_ts: where.thread } : {}),
        ...message,
      });
    }
  }

  // Direct messages.
  app.message(async ({ message, client, body }) => {
    const m = message as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      text?: string;
      user?: string;
      channel: string;
      thread_ts?: string;
    };
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user) return;
    const where: Where = {
      team: String((body as { team_id?: string }).team_id ?? ''),
      channel: m.channel,
      user: m.user,
    };
    const locale = await locales.get(client, m.user);
    await post(client, where, await answer(where, { text: m.text ?? '', locale }));
  });

  // Mentions in channels: answered in the thread of the mention.
  app.event('app_mention', async ({ event, client, body }) => {
    if (!event.user) return;
    const where: Where = {
      team: String((body as { team_id?: string }).team_id ?? ''),
      channel: event.channel,
      user: event.user,
      thread: event.thread_ts ?? event.ts,
    };
    const locale = await locales.get(client, event.user);
    await post(client, where, await answer(where, { text: event.text ?? '', locale }));
  });

  // The slash command: private to the caller, with the option to share.
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const where: Where = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const locale = await locales.get(client, command.user_id);
    const cards = command.text.trim()
      ? await answer(where, { text: command.text, locale })
      : [builder.help(langFromLocale(locale) ?? DEFAULT_LANG, '0')];
    for (const card of cards) {
      const message = render(card);
      if (card.kind === 'topic') message.blocks.push(shareButton(card));
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
  });

  function shareButton(card: Card & { kind: 'topic' }): Block {
    return {
      type: 'actions',
      block_id: 'share',
      elements: [
        {
          type: 'button',
          action_id: 'share',
          text: { type: 'plain_text', text: bot.pack.message('slack.share', card.lang) },
          value: JSON.stringify({ topic: card.topic, lang: card.lang }),
        },
      ],
    };
  }

  // Buttons.
  app.action(/^choice:\d+$/, async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as unknown as {
      user: { id: string };
      team?: { id: string };
      channel?: { id: string };
      container?: { channel_id?: string; message_ts?: string; is_ephemeral?: boolean; thread_ts?: string };
      message?: { ts: string; thread_ts?: string; blocks?: Block[] };
    };
    const a = action as { value?: string; text?: { text?: string } };
    let payload: ActionPayload;
    try {
      payload = JSON.parse(a.value ?? '') as ActionPayload;
    } catch {
      return;
    }
    const channel = b.channel?.id ?? b.container?.channel_id ?? '';
    const thread = b.message?.thread_ts ?? b.container?.thread_ts;
    const where: Where = { team: b.team?.id ?? '', channel, user: b.user.id, ...(thread ? { thread } : {}) };
    const label = a.text?.text ?? '';
    if (b.container?.is_ephemeral || !b.message) {
      // Ephemeral messages can only be changed through their response_url.
      await respond({
        replace_original: true,
        text: `✓ ${label}`,
        blocks: answeredBlocks(b.message?.blocks ?? [], label),
      });
    } else {
      await client.chat.update({
        channel,
        ts: b.message.ts,
        text: `✓ ${label}`,
        blocks: answeredBlocks(b.message.blocks ?? [], label),
      });
    }
    const locale = await locales.get(client, b.user.id);
    const cards = await answer(where, { action: payload, locale });
    if (b.container?.is_ephemeral || !b.message) {
      for (const card of cards)
        await respond({ response_type: 'ephemeral', replace_original: false, ...render(card) });
    } else await post(client, where, cards);
  });

  // Sharing a privately answered topic with the channel.
  app.action('share', async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as unknown as { user: { id: string }; channel?: { id: string } };
    const { topic, lang } = JSON.parse((action as { value?: string }).value ?? '{}') as {
      topic?: string;
      lang?: Lang;
    };
    if (!topic || !bot.pack.topics.has(topic) || !b.channel) return;
    const language = lang ?? DEFAULT_LANG;
    const card = { ...builder.topic(topic, 0, language, '0'), choices: [] };
    const message = render(card);
    message.blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: bot.pack.message('slack.sharedBy', language, { user: `<@${escapeSlack(b.user.id)}>` }),
        },
      ],
    });
    await client.chat.postMessage({ channel: b.channel.id, ...message });
    await respond({ delete_original: false, replace_original: false, response_type: 'ephemeral', text: '✓' });
  });

  // The App Home tab: the topics, in the user's language.
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const lang = langFromLocale(await locales.get(client, event.user)) ?? DEFAULT_LANG;
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: homeBlocks(bot, lang) },
    });
  });
}

export function homeBlocks(bot: Bot, lang: Lang): Block[] {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: bot.pack.message('slack.home.title', lang).slice(0, 150) },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: escapeSlack(bot.pack.message('slack.home.text', lang)) },
    },
    { type: 'divider' },
  ];
  for (const topic of bot.pack.topics.values()) {
    if (topic.kind !== 'fix') continue;
    const text = bot.pack.text(topic.id, lang);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(text.title)}*\n${escapeSlack(text.symptom)}` },
    });
  }
  return blocks.slice(0, 100);
}
