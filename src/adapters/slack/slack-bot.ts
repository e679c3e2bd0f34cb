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
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot, Incoming, IncomingFile } from '../../core/bot.js';
import type { TicketOperation } from '../../core/helpdesk/types.js';
import type { ActResult } from '../../core/helpdesk/service.js';
import type { Pin } from '../../core/pins/types.js';
import { formModal, modalValues, ticketInputModal } from './helpdesk.js';
import { downloadCapped } from '../download.js';
import type { ActionPayload, Card } from '../../core/cards/model.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n/languages.js';
import { slackInbound } from './markup.js';
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
  /** Slack user ids allowed to pin, besides the workspace's admins and owners. */
  admins?: string[];
  /** The language the helpdesk reads (its modals). */
  helpdeskLang?: Lang;
  log?: (message: string) => void;
  /** The Web API's URL when not Slack's own (SLACK_API_URL): its host serves files too. */
  apiUrl?: string;
}

interface SlackFile {
  name?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
}

/**
 * Where Slack serves private files: the bot token goes to these hosts only (and to the Web API's
 * own host, when SLACK_API_URL points the bot at another one); a file whose URL names any other
 * host is not downloaded.
 */
const SLACK_FILE_HOSTS = ['files.slack.com'];

export function isSlackFileUrl(url: string, apiUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'https:' && SLACK_FILE_HOSTS.includes(target.hostname)) return true;
  if (!apiUrl) return false;
  const api = new URL(apiUrl);
  return target.protocol === api.protocol && target.host === api.host;
}

/** A file shared with the bot, downloaded with the bot token only when the bot takes it. */
function incomingFile(file: SlackFile, token: string | undefined, apiUrl?: string): IncomingFile {
  return {
    name: file.name ?? 'file',
    contentType: file.mimetype ?? 'application/octet-stream',
    ...(file.size !== undefined ? { size: file.size } : {}),
    // The announced size is checked first; the stream stops at the limit whatever it said.
    download: async (maxBytes: number) => {
      const url = file.url_private_download;
      if (!url) throw new Error('no download URL');
      if (!isSlackFileUrl(url, apiUrl)) throw new Error(`not a Slack file host: ${new URL(url).host}`);
      return downloadCapped(url, maxBytes, token ? { authorization: `Bearer ${token}` } : {});
    },
  };
}

/** Updates the post of a pin that ended (expired, unpinned, replaced) and unpins it in Slack. */
export class SlackPinPublisher {
  constructor(
    private readonly client: () => WebClient,
    private readonly chooseLabel: (lang: Lang) => string,
    private readonly log?: (message: string) => void,
  ) {}

  async end(pin: Pin, card: Card, client: WebClient = this.client()): Promise<void> {
    const message = pin.message as { channel?: string; ts?: string } | undefined;
    if (!message?.channel || !message.ts) return;
    await client.chat.update({
      channel: message.channel,
      ts: message.ts,
      ...renderBlockKit(card, { chooseLabel: this.chooseLabel(card.lang) }),
    });
    try {
      await client.pins.remove({ channel: message.channel, timestamp: message.ts });
    } catch (e) {
      this.log?.(
        `pins.remove failed: ${(e as { data?: { error?: string } }).data?.error ?? (e as Error).message}`,
      );
    }
  }
}

export function registerSlackListeners(app: App, options: SlackBotOptions): void {
  const { bot } = options;
  const publisher = new SlackPinPublisher(
    () => app.client,
    (lang) => bot.message('slack.choose', lang),
    options.log,
  );
  const locales = new LocaleCache();
  const render = (card: Card): SlackMessage =>
    renderBlockKit(card, { chooseLabel: bot.message('slack.choose', card.lang) });

  async function answer(where: Where, input: Omit<Incoming, 'conversation'>): Promise<Card[]> {
    return (await handle(where, input)).cards;
  }

  function handle(where: Where, input: Omit<Incoming, 'conversation'>) {
    return bot.handle({
      conversation: conversationKey(where),
      platform: 'slack',
      user: { id: where.user },
      address: { channel: where.channel, ...(where.thread ? { thread: where.thread } : {}) },
      // Channels (not DMs) can have pinned quick fixes.
      ...(where.channel.startsWith('D') ? {} : { channel: where.channel }),
      ...input,
      ...(input.text !== undefined ? { text: slackInbound(input.text) } : {}),
    });
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

  // Direct messages, and files shared in them.
  app.message(async ({ message, client, body }) => {
    const m = message as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      text?: string;
      user?: string;
      channel: string;
      files?: SlackFile[];
    };
    if (m.channel_type !== 'im' || m.bot_id || !m.user) return;
    if (m.subtype && m.subtype !== 'file_share') return;
    const where: Where = {
      team: String((body as { team_id?: string }).team_id ?? ''),
      channel: m.channel,
      user: m.user,
    };
    const locale = await locales.get(client, m.user);
    if (m.files?.length) {
      // Files go with the user's ticket; a caption, if any, is read as a message after them.
      await post(
        client,
        where,
        await answer(where, {
          files: m.files.map((f) => incomingFile(f, client.token, options.apiUrl)),
          locale,
        }),
      );
      if (!m.text?.trim()) return;
    }
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
    const pinned = await pinCommand(
      client,
      command.text,
      command.channel_id,
      command.user_id,
      command.user_name,
      locale,
    );
    if (pinned) {
      for (const card of pinned)
        await respond({ response_type: 'ephemeral', replace_original: false, ...render(card) });
      return;
    }
    const cards = command.text.trim()
      ? await answer(where, { text: command.text, locale })
      : await bot.helpCards({
          locale,
          platform: 'slack',
          ...(command.channel_id.startsWith('D') ? {} : { channel: command.channel_id }),
        });
    for (const card of cards) {
      const message = render(card);
      if (card.kind === 'topic') message.blocks.push(shareButton(card));
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
  });

  /** `/signin-help pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC`; undefined for anything else. */
  async function pinCommand(
    client: WebClient,
    text: string,
    channel: string,
    user: string,
    name: string | undefined,
    locale: string | null,
  ) {
    if (!/^\s*(pin|pins|unpin)\b/i.test(text)) return undefined;
    const outcome = await bot.pinCommand({
      platform: 'slack',
      ...(channel.startsWith('D') ? {} : { channel }),
      actor: { id: user, ...(name ? { name } : {}) },
      admin: await isSlackAdmin(client, user, options.admins ?? [], options.log),
      // The note is shown as typed (escaped when rendered), tokens and all.
      text,
      locale,
    });
    if (!outcome) return undefined;
    for (const ended of outcome.ended) await publisher.end(ended.pin, ended.card, client);
    if (outcome.publish) {
      const { pin, card } = outcome.publish;
      const posted = await client.chat.postMessage({ channel, ...render(card) });
      const ts = posted.ts!;
      try {
        await client.pins.add({ channel, timestamp: ts });
      } catch (e) {
        // already_pinned, not_pinnable: the post still stands, and answers in the channel lead with it.
        options.log?.(
          `pins.add failed: ${(e as { data?: { error?: string } }).data?.error ?? (e as Error).message}`,
        );
      }
      let permalink: string | undefined;
      try {
        permalink = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
      } catch {
        permalink = undefined;
      }
      await bot.pinPosted(pin, { channel, ts, ...(permalink ? { permalink } : {}) });
    }
    return outcome.reply;
  }

  function shareButton(card: Card & { kind: 'topic' }): Block {
    return {
      type: 'actions',
      block_id: 'share',
      elements: [
        {
          type: 'button',
          action_id: 'share',
          text: { type: 'plain_text', text: bot.message('slack.share', card.lang) },
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
    const language = lang ?? DEFAULT_LANG;
    const card = topic ? bot.shareCard(topic, language) : undefined;
    if (!card || !b.channel) return;
    const message = render(card);
    message.blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: bot.message('slack.sharedBy', language, { user: `<@${escapeSlack(b.user.id)}>` }),
        },
      ],
    });
    await client.chat.postMessage({ channel: b.channel.id, ...message });
    await respond({ delete_original: false, replace_original: false, response_type: 'ephemeral', text: '✓' });
  });

  // The escalation form: the button on the form card opens it as a modal.
  app.action('open-form', async ({ ack, body, client }) => {
    await ack();
    const b = body as unknown as {
      trigger_id: string;
      user: { id: string };
      team?: { id: string };
      channel?: { id: string };
      message?: { ts?: string; thread_ts?: string };
      container?: { message_ts?: string; thread_ts?: string };
      actions?: { value?: string }[];
    };
    const { token } = JSON.parse(b.actions?.[0]?.value ?? '{}') as { token?: string };
    const lang = langFromLocale(await locales.get(client, b.user.id)) ?? DEFAULT_LANG;
    const thread = b.message?.thread_ts ?? b.container?.thread_ts;
    // The form's message: once the ticket is filed, it shows the ticket's number in its place.
    const message = b.message?.ts ?? b.container?.message_ts;
    const metadata = {
      team: b.team?.id ?? '',
      channel: b.channel?.id ?? '',
      user: b.user.id,
      token,
      ...(thread ? { thread } : {}),
      ...(message ? { message } : {}),
    };
    await client.views.open({
      trigger_id: b.trigger_id,
      view: formModal(bot.formCard(lang, token ?? '0'), metadata),
    });
  });

  /**
   * The submitted form is saved with its ticket before it is acknowledged, and the user is told
   * the ticket's number in the form's own message (an update, not a new post), before the
   * acknowledgement too: a submission Slack delivers again (to this or another process) finds
   * the ticket filed and updates the same message, so nothing is lost and nothing is said twice.
   */
  app.view('escalation-form', async ({ ack, view, client }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as Where & { token?: string; message?: string };
    const where: Where = {
      team: meta.team,
      channel: meta.channel,
      user: meta.user,
      ...(meta.thread ? { thread: meta.thread } : {}),
    };
    const fields = modalValues(view.state);
    const locale = await locales.get(client, meta.user);
    const out = await handle(where, {
      action: { action: 'form', value: 'escalation', fields, ...(meta.token ? { token: meta.token } : {}) },
      locale,
    });
    let inPlace = out.filed && meta.message ? out.filed.card : undefined;
    if (inPlace)
      try {
        await client.chat.update({ channel: where.channel, ts: meta.message!, ...render(inPlace) });
      } catch (e) {
        // The form's message is gone (deleted, too old): the number goes in a message of its own.
        options.log?.(`could not show ${out.filed!.ref} in place of its form: ${(e as Error).message}`);
        inPlace = undefined;
      }
    await ack();
    await post(
      client,
      where,
      out.cards.filter((c) => c !== inPlace),
    );
  });

  /**
   * Where a ticket button was pressed and by whom, as Slack signed it: the core takes ticket
   * actions only from the helpdesk channel (and the listed agents), with the card's token.
   */
  const origin = (channel: string | undefined, user: { id: string; name?: string; username?: string }) => ({
    platform: 'slack' as const,
    ...(channel ? { channel } : {}),
    user: user.id,
    name: user.name ?? user.username ?? user.id,
  });
  /** Tells only the person who pressed a ticket button why it was not carried out. */
  const refuse = async (client: WebClient, result: ActResult, channel: string | undefined, user: string) => {
    const refusal = bot.helpdeskRefusal(result, options.helpdeskLang ?? DEFAULT_LANG);
    if (refusal && channel)
      await client.chat.postEphemeral({ channel, user, text: escapeSlack(refusal.text) });
  };

  // The helpdesk's buttons on a ticket card: Claim and Reopen act at once, Ask and Resolve ask for text.
  app.action<BlockAction<ButtonAction>>(
    /^ticket:(claim|reopen|logs|ask|resolve)$/,
    async ({ ack, body, action, client }) => {
      await ack();
      const payload = JSON.parse(action.value ?? '{}') as { value?: string; token?: string };
      const [op, ref = ''] = (payload.value ?? '').split(':') as [TicketOperation, string?];
      const hl = options.helpdeskLang ?? DEFAULT_LANG;
      const from = origin(body.channel?.id, body.user);
      const token = payload.token ?? '';
      if (op === 'ask' || op === 'resolve') {
        // Checked before the modal opens, and again when it is sent.
        const checked = await bot.helpdeskCheck({ ref, op, origin: from, token });
        if (!checked.ok) return refuse(client, checked, body.channel?.id, body.user.id);
        const meta = { ref, op, token, channel: body.channel?.id ?? '' };
        const input = op === 'ask' ? 'question' : 'note';
        await client.views.open({
          trigger_id: body.trigger_id,
          view: ticketInputModal(
            bot.message(`helpdesk.actions.${op}`, hl),
            bot.message(`helpdesk.inputs.${input}`, hl),
            bot.message('helpdesk.actions.send', hl),
            meta,
          ),
        });
        return;
      }
      const result = await bot.helpdeskAction({ ref, op, origin: from, token });
      await refuse(client, result, body.channel?.id, body.user.id);
    },
  );

  app.view('ticket-input', async ({ ack, view, body, client }) => {
    await ack();
    // private_metadata is ours: Slack keeps it with the modal and signs it back to us.
    const meta = JSON.parse(view.private_metadata || '{}') as {
      ref?: string;
      op?: TicketOperation;
      token?: string;
      channel?: string;
    };
    const text = modalValues(view.state).text ?? '';
    const result = await bot.helpdeskAction({
      ref: meta.ref ?? '',
      op: meta.op ?? 'claim',
      origin: origin(meta.channel, body.user),
      text,
      token: meta.token ?? '',
    });
    await refuse(client, result, meta.channel, body.user.id);
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
      text: { type: 'plain_text', text: bot.message('slack.home.title', lang).slice(0, 150) },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: escapeSlack(bot.message('slack.home.text', lang)) },
    },
    { type: 'divider' },
  ];
  for (const topic of bot.topicList(lang))
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(topic.title)}*\n${escapeSlack(topic.symptom)}` },
    });
  return blocks.slice(0, 100);
}

/** Admins: BOT_ADMINS, or the workspace's admins and owners. */
export async function isSlackAdmin(
  client: WebClient,
  user: string,
  admins: string[],
  log?: (message: string) => void,
): Promise<boolean> {
  if (admins.includes(user)) return true;
  try {
    const info = await client.users.info({ user });
    return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
  } catch (e) {
    // Whoever Slack cannot vouch for now is not an admin: the command is refused, not lost.
    log?.(`users.info failed for ${user}: ${(e as Error).message}`);
    return false;
  }
}
