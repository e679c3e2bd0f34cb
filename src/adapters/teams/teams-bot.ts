/**
 * The Teams side of the bot: turns Teams activities into calls of the platform-free core and
 * the core's cards into Teams messages. Everything botbuilder-specific stays in this folder.
 *
 * - Personal chat: every message. Channels and group chats: only messages that @mention the
 *   bot; the mention is stripped and the reply goes into the same thread.
 * - Buttons: Action.Submit arrives as a message with `value`; Action.Execute as an
 *   `adaptiveCard/action` invoke. Either way the answered card is replaced in place by its
 *   answered form, so its buttons cannot be pressed again. A card sent to one user in a
 *   channel or group chat is theirs: anyone else pressing it is told so, and it stays as it is.
 * - The user's locale comes from `activity.locale`; the language of the text wins over it.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Bot, Incoming, IncomingFile } from '../../core/bot.js';
import type { ActionPayload, Card } from '../../core/cards/model.js';
import type { TicketOperation } from '../../core/helpdesk/types.js';
import type { Lang } from '../../core/i18n/languages.js';
import type { Pin } from '../../core/pins/types.js';
import { type AdaptiveCardRenderer, readSubmit } from '../../render/adaptive/render.js';
import { channelOf, conversationKey, fileAttachments, isGroup, mentionsBot, senderOf } from './activity.js';
import { teamsInbound, withoutMentions } from './markup.js';
import { pinCommand } from './pin-command.js';
import { TeamsReplies } from './replies.js';
import type { RetryPolicy } from './retry.js';
import type { Logger } from '../../core/log/logger.js';

export { channelOf, conversationKey, fileAttachments } from './activity.js';

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
  log?: Logger;
}

export class SigninTeamsBot extends TeamsActivityHandler {
  private readonly replies: TeamsReplies;

  constructor(private readonly options: TeamsBotOptions) {
    super();
    this.replies = new TeamsReplies(options);

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
      const notYours = submitted ? await this.replies.notYours(context) : undefined;
      if (notYours) {
        // Someone else's card: it stays as it is, and only a notice goes to the thread.
        await this.replies.send(context, [notYours]);
        return next();
      }
      // A pin's note is shown as typed (escaped when rendered): only the mentions go.
      if (
        !submitted &&
        input.text &&
        (await pinCommand(context, withoutMentions(typed), { ...this.options, replies: this.replies }))
      )
        return next();
      const files = fileAttachments(activity);
      if (files.length) await this.answer(context, { files });
      if (files.length && !input.text?.trim() && !submitted) return next();
      const askedAgain = await this.answer(context, input, submitted ? activity.replyToId : undefined);
      if (submitted && !askedAgain) await this.replies.markAnswered(context, activity.replyToId, input);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.recipient.id)) {
        const channel = channelOf(context.activity);
        // The welcome is for everyone in the conversation: no owner.
        await this.replies.send(
          context,
          await this.options.bot.welcomeCards(context.activity.locale, 'teams', channel),
          false,
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
    const notYours = await this.replies.notYours(context);
    // Someone else's card: Teams shows this message to the person who pressed it only, and
    // the card stays as it is.
    if (notYours)
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: notYours.text,
      } as Omit<AdaptiveCardInvokeResponse, 'value'> as AdaptiveCardInvokeResponse;
    const input = readSubmit(invokeValue?.action?.data);
    await this.answer(context, input);
    const answered = await this.replies.answeredCard(context, context.activity.replyToId, input);
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
      user: senderOf(activity),
      // How to reach this user again (ticket updates): the conversation reference, as plain JSON.
      address: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<
        string,
        unknown
      >,
      ...input,
    };
    const out = await this.options.bot.handle(incoming);
    if (pressed && out.filed && (await this.replies.showFiled(context, pressed, out.filed.card, input))) {
      await this.replies.send(
        context,
        out.cards.filter((c) => c !== out.filed?.card),
      );
      return true;
    }
    if (pressed && (await this.replies.askAgainInPlace(context, pressed, out.cards))) return true;
    await this.replies.send(context, out.cards);
    return false;
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
    if (refusal) await this.replies.send(context, [refusal]);
  }
}
