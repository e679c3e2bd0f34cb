/**
 * The bot's cards in Teams: sent as Adaptive Cards (remembered when they ask something, so that
 * a press later, on any process, finds them), and updated in place once answered, asked again,
 * or replaced by the ticket a form filed. Outbound calls are retried (see retry.ts).
 */
import { type Attachment, CardFactory, type TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot.js';
import type { CardAnswer } from '../../core/cards/answered.js';
import type { Card, NoticeCard } from '../../core/cards/model.js';
import { DEFAULT_LANG, langFromLocale } from '../../core/i18n/languages.js';
import type { AdaptiveCardRenderer } from '../../render/adaptive/render.js';
import { conversationKey, sentKey } from './activity.js';
import { type RetryPolicy, TEAMS_RETRY, withRetry } from './retry.js';
import type { Logger } from '../../core/log/logger.js';

export interface TeamsRepliesOptions {
  bot: Bot;
  renderer: AdaptiveCardRenderer;
  retry?: RetryPolicy;
  log?: Logger;
}

export class TeamsReplies {
  constructor(private readonly options: TeamsRepliesOptions) {}

  /** The ticket's number in the place of the form it came from, with the form as sent. */
  async showFiled(context: TurnContext, id: string, filed: Card, sent: CardAnswer): Promise<boolean> {
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
      this.options.log?.warn(
        `could not show the ticket in place of its form ${id}: ${(error as Error).message}`,
        {
          err: error,
        },
      );
      return false;
    }
  }

  async askAgainInPlace(context: TurnContext, activityId: string, cards: Card[]): Promise<boolean> {
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
      this.options.log?.warn(`could not update card ${activityId} in place: ${(error as Error).message}`, {
        err: error,
      });
      return false;
    }
    await this.options.bot.sentCards.remember(key, card);
    return true;
  }

  /**
   * The notice for a button pressed on a card that was sent to someone else (see
   * CardOwnership), in the presser's language; undefined when the press is theirs to make.
   */
  async notYours(context: TurnContext): Promise<NoticeCard | undefined> {
    const activity = context.activity;
    if (!activity.replyToId) return undefined;
    const lang = langFromLocale(activity.locale) ?? DEFAULT_LANG;
    const notice = await this.options.bot.notYourCard(
      sentKey(activity, activity.replyToId),
      conversationKey(activity),
      lang,
    );
    if (notice)
      this.options.log?.info(
        `card ${activity.replyToId} pressed by someone it was not sent to: left as it is`,
      );
    return notice;
  }

  /** Sends the cards; those that ask something are remembered as the sender's (`owned`). */
  async send(context: TurnContext, cards: Card[], owned = true): Promise<void> {
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
        await this.options.bot.sentCards.remember(
          sentKey(context.activity, response.id),
          card,
          ...(owned ? [conversationKey(context.activity)] : []),
        );
    }
  }

  attachment(card: Card): Attachment {
    return CardFactory.adaptiveCard(this.options.renderer.render(card));
  }

  /** The pressed card, read-only: no inputs or buttons, what was answered shown. */
  async answeredCard(
    context: TurnContext,
    activityId: string | undefined,
    answer: CardAnswer,
  ): Promise<Card> {
    const card = activityId
      ? await this.options.bot.sentCards.recall(sentKey(context.activity, activityId))
      : undefined;
    return this.options.bot.answered(card, answer, langFromLocale(context.activity.locale) ?? 'en');
  }

  async markAnswered(
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
      this.options.log?.info(`could not update answered card ${activityId}: ${(error as Error).message}`, {
        err: error,
      });
    }
  }
}
