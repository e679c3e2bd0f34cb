/** Pin commands in a Teams channel: the bot decides, Teams shows the card, the admin pins it by hand. */
import type { TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot.js';
import type { Card } from '../../core/cards/model.js';
import type { Pin } from '../../core/pins/types.js';
import { channelOf } from './activity.js';
import type { TeamsReplies } from './replies.js';
import { type RetryPolicy, TEAMS_RETRY, withRetry } from './retry.js';

export interface TeamsPinOptions {
  bot: Bot;
  replies: TeamsReplies;
  /** AAD object ids of the users allowed to pin (BOT_ADMINS). */
  admins?: string[];
  /** Updates the post of a pin that ended (unpinned, replaced). */
  pinPublisher?: (pin: Pin, card: Card) => Promise<void>;
  retry?: RetryPolicy;
}

/**
 * `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC` in a channel. Teams has no API for a
 * bot to pin a post: the bot posts the card, keeps it as the channel's active quick fix, and
 * tells the admin how to pin it by hand.
 */
export async function pinCommand(
  context: TurnContext,
  text: string,
  teams: TeamsPinOptions,
): Promise<boolean> {
  const activity = context.activity;
  const aad = activity.from?.aadObjectId ?? activity.from?.id ?? '';
  const channel = channelOf(activity);
  const outcome = await teams.bot.pinCommand({
    platform: 'teams',
    ...(channel ? { channel } : {}),
    actor: { id: aad, ...(activity.from?.name ? { name: activity.from.name } : {}) },
    admin: Boolean(teams.admins?.includes(aad)),
    text,
    locale: activity.locale ?? null,
  });
  if (!outcome) return false;
  for (const ended of outcome.ended) await teams.pinPublisher?.(ended.pin, ended.card);
  if (outcome.publish && channel) {
    const { pin, card } = outcome.publish;
    const res = await withRetry(
      () =>
        context.sendActivity({
          type: 'message',
          attachments: [teams.replies.attachment(card)],
          summary: card.title,
        }),
      teams.retry ?? TEAMS_RETRY,
    );
    const activityId = res?.id ?? '';
    await teams.bot.pinPosted(pin, {
      conversationId: activity.conversation.id,
      serviceUrl: activity.serviceUrl,
      activityId,
      permalink: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${activityId}`,
    });
    outcome.reply.push(teams.bot.notice('pins.teamsHowTo', card.lang));
  }
  await teams.replies.send(context, outcome.reply);
  return true;
}
