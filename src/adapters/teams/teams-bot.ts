/**
 * The Teams side of the bot: turns Teams activities into calls of the platform-free core and
 * the core's cards into Teams messages. Everything botbuilder-specific stays in this folder.
 *
 * - Personal chat: every message. Channels and group chats: only messages that @mention the
 *   bot; the mention is stripped and the reply goes into the same thread.
 * - Buttons: Action.Submit arrives as a message with `value`; Action.Execute as an
 *   `adaptiveCard/action` invoke. Either way the answered card is replaced in place by its
 *   answered form, so its buttons cannot be pressed again.
 * - The user's locale comes from `activity.locale`; the language of the text wins over it.
 */
import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  CardFactory,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Bot, Incoming, IncomingFile } from '../../core/bot.js';
import type { TicketOperation } from '../../core/helpdesk/types.js';
import type { Pin } from '../../core/pins/types.js';
import type { Lang } from '../../core/i18n/languages.js';
import type { ActionPayload, Card } from '../../core/cards/model.js';
import type { CardAnswer } from '../../core/cards/answered.js';
import { downloadCapped } from '../download.js';
import { langFromLocale } from '../../core/i18n/languages.js';
import { teamsInbound, withoutMentions } from './markup.js';
import { type AdaptiveCardRenderer, readSubmit } from '../../render/adaptive/render.js';
import { type RetryPolicy, TEAMS_RETRY, withRetry } from './retry.js';

const SEARCH_RESULTS = 10;

export interface TeamsBotOptions {
  bot: Bot;
  /** AAD object ids of the users allowed to pin (BOT_ADMINS). */
  admins?: string[];
  /** The language of the helpdesk channel's messages. */
  helpdeskLang?: Lang;
  /** Updates the post of a pin that ended (unpinned, replaced). */
  pinPublisher?: (pin: Pin, card: Card) => Promise<void>;
  renderer: AdaptiveCardRenderer;
  retry?: RetryPolicy;
  log?: (message: string) => void;
}

/** One conversation state per user per Teams conversation (a channel thread, a chat). */
export function conversationKey(activity: Partial<Activity>): string {
  const user = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
  return `teams:${activity.conversation?.id ?? 'unknown'}:${user}`;
}

/** Where a sent card is remembered: the conversation (thread) and the message's id. */
function sentKey(activity: Partial<Activity>, activityId: string): string {
  return `teams:${activity.conversation?.id ?? 'unknown'}:${activityId}`;
}

/** The channel (or group chat) a message belongs to, without the thread part. */
export function channelOf(activity: Partial<Activity>): string | undefined {
  if (!isGroup(activity)) return undefined;
  const data = activity.channelData as { teamsChannelId?: string; channel?: { id?: string } } | undefined;
  return data?.teamsChannelId ?? data?.channel?.id ?? activity.conversation?.id?.split(';')[0];
}

function isGroup(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}

function mentionsBot(activity: Partial<Activity>): boolean {
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * Files a user sent in personal chat: Teams delivers them as attachments with a short-lived
 * download URL; they are downloaded only when taken for a ticket.
 */
export function fileAttachments(activity: Partial<Activity>): IncomingFile[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.teams.file.download.info')
    .map((a) => {
      const content = (a.content ?? {}) as { downloadUrl?: string; fileType?: string };
      return {
        name: a.name ?? `file.${content.fileType ?? 'bin'}`,
        contentType: 'application/octet-stream',
        // Teams announces no size: the stream itself stops at the limit.
        download: async (maxBytes: number) => {
          if (!content.downloadUrl) throw new Error('no download URL');
          return downloadCapped(content.downloadUrl, maxBytes);
        },
      };
    });
}

export class SigninTeamsBot extends TeamsActivityHandler {
  constructor(private readonly options: TeamsBotOptions) {
    super();

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const submitted = activity.value !== undefined && activity.value !== null;
      if (isGroup(activity) && !submitted && !mentionsBot(activity)) return next();
      const typed = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
      const input = submitted ? readSubmit(activity.value) : { text: teamsInbound(typed) };
      if (input.action?.action === 'ticket') {
        // A helpdesk button on a ticket card: the outbox updates the card and tells the user.
        await this.ticketAction(context, input.action);
        return next();
      }
      // A pin's note is shown as typed (escaped when rendered): only the mentions go.
      if (!submitted && input.text && (await this.pinCommand(context, withoutMentions(typed)))) return next();
      const files = fileAttachments(activity);
      if (files.length) await this.answer(context, { files });
      if (files.length && !input.text?.trim() && !submitted) return next();
      const askedAgain = await this.answer(context, input, submitted ? activity.replyToId : undefined);
      if (submitted && !askedAgain) await this.markAnswered(context, activity.replyToId, input);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.recipient.id)) {
        const channel = channelOf(context.activity);
        await this.send(
          context,
          await this.options.bot.welcomeCards(context.activity.locale, 'teams', channel),
        );
      }
      await next();
    });
  }

  /** Action.Execute (Universal Actions): the returned card replaces the one that was pressed. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const input = readSubmit(invokeValue?.action?.data);
    await this.answer(context, input);
    const answered = await this.answeredCard(context, context.activity.replyToId, input);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: this.options.renderer.render(answered),
    };
  }

  /** Search-based message extension: find topics from the compose box and insert their card. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const { bot, renderer } = this.options;
    const params = query.parameters ?? [];
    const initial = params.some((p) => p.name === 'initialRun');
    const text = String(params.find((p) => p.name === 'searchText')?.value ?? '');
    // The channel's pinned quick fixes lead the results.
    const channel = channelOf(context.activity) ?? context.activity.conversation?.id?.split(';')[0];
    const { found } = await bot.searchTopics(
      initial ? '' : text,
      { locale: context.activity.locale ?? null, platform: 'teams', ...(channel ? { channel } : {}) },
      SEARCH_RESULTS,
    );
    const attachments = found.map((topic) => ({
      ...CardFactory.adaptiveCard(renderer.render(topic.card)),
      preview: CardFactory.thumbnailCard(topic.title, topic.symptom),
    }));
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  /**
   * Hands the input to the bot and sends its cards; returns whether the pressed card was updated
   * in place (then it must not be marked answered as well). `pressed` is the card whose button
   * was pressed:
   * - a submitted form that filed a ticket shows the ticket's number in that card's place, with
   *   what was sent, read-only: the Bot Connector may deliver the submission again (to another
   *   process, after a crash), and the same update then says it in the same place, once;
   * - a card asked again (nothing chosen, a required answer missing) is updated in place.
   */
  private async answer(
    context: TurnContext,
    input: { action?: ActionPayload; text?: string; files?: IncomingFile[] },
    pressed?: string,
  ): Promise<boolean> {
    const activity = context.activity;
    const incoming: Incoming = {
      conversation: conversationKey(activity),
      locale: activity.locale ?? null,
      platform: 'teams',
      ...(channelOf(activity) ? { channel: channelOf(activity)! } : {}),
      user: {
        id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
        ...(activity.from?.name ? { name: activity.from.name } : {}),
      },
      // How to reach this user again (ticket updates): the conversation reference, as plain JSON.
      address: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<
        string,
        unknown
      >,
      ...input,
    };
    const out = await this.options.bot.handle(incoming);
    if (pressed && out.filed && (await this.showFiled(context, pressed, out.filed.card, input))) {
      await this.send(
        context,
        out.cards.filter((c) => c !== out.filed?.card),
      );
      return true;
    }
    if (pressed && (await this.askAgainInPlace(context, pressed, out.cards))) return true;
    await this.send(context, out.cards);
    return false;
  }

  /** The ticket's number in the place of the form it came from, with the form as sent. */
  private async showFiled(context: TurnContext, id: string, filed: Card, sent: CardAnswer): Promise<boolean> {
    const form = await this.options.bot.sentCards.recall(sentKey(context.activity, id));
    const answered = form ? this.options.bot.answered(form, sent, filed.lang) : undefined;
    const card =
      filed.kind === 'notice' && answered?.kind === 'notice' && answered.facts
        ? { ...filed, facts: answered.facts }
        : filed;
    try {
      await withRetry(
        () => context.updateActivity({ id, type: 'message', attachments: [this.attachment(card)] }),
        this.options.retry ?? TEAMS_RETRY,
      );
      return true;
    } catch (error) {
      this.options.log?.(`could not show the ticket in place of its form ${id}: ${(error as Error).message}`);
      return false;
    }
  }

  private async askAgainInPlace(context: TurnContext, activityId: string, cards: Card[]): Promise<boolean> {
    const key = sentKey(context.activity, activityId);
    const before = await this.options.bot.sentCards.recall(key);
    const [card] = cards;
    if (cards.length !== 1 || !card || !before || card.kind !== before.kind) return false;
    if (card.kind !== 'form' && card.kind !== 'triage') return false;
    try {
      await withRetry(
        () =>
          context.updateActivity({ id: activityId, type: 'message', attachments: [this.attachment(card)] }),
        this.options.retry ?? TEAMS_RETRY,
      );
    } catch (error) {
      // The card could not be updated: it is sent as a new message instead.
      this.options.log?.(`could not update card ${activityId} in place: ${(error as Error).message}`);
      return false;
    }
    await this.options.bot.sentCards.remember(key, card);
    return true;
  }

  private async send(context: TurnContext, cards: Card[]): Promise<void> {
    for (const card of cards) {
      const response = await withRetry(
        () =>
          context.sendActivity({
            type: 'message',
            attachments: [this.attachment(card)],
            ...(card.title ? { summary: card.title } : {}),
          }),
        this.options.retry ?? TEAMS_RETRY,
      );
      // Remembered in storage, so that pressing it later, after a restart or on another
      // process, still replaces it with its answered form.
      // Cards that ask something: buttons, or a form's inputs.
      if (response?.id && (card.choices.length || card.kind === 'form'))
        await this.options.bot.sentCards.remember(sentKey(context.activity, response.id), card);
    }
  }

  /**
   * `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC` in a channel. Teams has no API for a
   * bot to pin a post: the bot posts the card, keeps it as the channel's active quick fix, and
   * tells the admin how to pin it by hand.
   */
  private async pinCommand(context: TurnContext, text: string): Promise<boolean> {
    const activity = context.activity;
    const aad = activity.from?.aadObjectId ?? activity.from?.id ?? '';
    const channel = channelOf(activity);
    const outcome = await this.options.bot.pinCommand({
      platform: 'teams',
      ...(channel ? { channel } : {}),
      actor: { id: aad, ...(activity.from?.name ? { name: activity.from.name } : {}) },
      admin: Boolean(this.options.admins?.includes(aad)),
      text,
      locale: activity.locale ?? null,
    });
    if (!outcome) return false;
    for (const ended of outcome.ended) await this.options.pinPublisher?.(ended.pin, ended.card);
    if (outcome.publish && channel) {
      const { pin, card } = outcome.publish;
      const res = await withRetry(
        () =>
          context.sendActivity({
            type: 'message',
            attachments: [this.attachment(card)],
            summary: card.title,
          }),
        this.options.retry ?? TEAMS_RETRY,
      );
      const activityId = res?.id ?? '';
      await this.options.bot.pinPosted(pin, {
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        activityId,
        permalink: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${activityId}`,
      });
      outcome.reply.push(this.options.bot.notice('pins.teamsHowTo', card.lang));
    }
    await this.send(context, outcome.reply);
    return true;
  }

  /**
   * A button on a ticket card. The core decides whether it may go ahead (the helpdesk channel,
   * the listed agents, the card's token) from what Teams authenticated: the conversation the
   * card is in and the pressing user's AAD object id. When it does not, only the person who
   * pressed it is told why; a stale card is refreshed in place by the outbox.
   */
  private async ticketAction(context: TurnContext, action: ActionPayload): Promise<void> {
    const [op, ref = ''] = action.value.split(':') as [TicketOperation, string?];
    const activity = context.activity;
    const channel = channelOf(activity) ?? activity.conversation?.id;
    const result = await this.options.bot.helpdeskAction({
      ref,
      op,
      origin: {
        platform: 'teams',
        ...(channel ? { channel } : {}),
        user: activity.from?.aadObjectId ?? activity.from?.id ?? '',
        ...(activity.from?.name ? { name: activity.from.name } : {}),
      },
      text: action.fields?.question ?? action.fields?.note ?? '',
      ...(action.token ? { token: action.token } : {}),
    });
    const refusal = this.options.bot.helpdeskRefusal(result, this.options.helpdeskLang ?? 'en');
    if (refusal) await this.send(context, [refusal]);
  }

  private attachment(card: Card): Attachment {
    return CardFactory.adaptiveCard(this.options.renderer.render(card));
  }

  /** The pressed card, read-only: no inputs or buttons, what was answered shown. */
  private async answeredCard(
    context: TurnContext,
    activityId: string | undefined,
    answer: CardAnswer,
  ): Promise<Card> {
    const card = activityId
      ? await this.options.bot.sentCards.recall(sentKey(context.activity, activityId))
      : undefined;
    return this.options.bot.answered(card, answer, langFromLocale(context.activity.locale) ?? 'en');
  }

  private async markAnswered(
    context: TurnContext,
    activityId: string | undefined,
    answer: CardAnswer,
  ): Promise<void> {
    if (!activityId) return;
    const answered = await this.answeredCard(context, activityId, answer);
    try {
      await withRetry(
        () =>
          context.updateActivity({
            id: activityId,
            type: 'message',
            attachments: [this.attachment(answered)],
          }),
        this.options.retry ?? TEAMS_RETRY,
      );
    } catch (error) {
      // The answer itself went through; an old card that cannot be updated is only cosmetic.
      this.options.log?.(`could not update answered card ${activityId}: ${(error as Error).message}`);
    }
  }
}
