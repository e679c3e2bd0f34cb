/**
 * `/signin-help [question]`: answered only to the caller, a topic with a button to share it in
 * the channel; with nothing after it, the help card led by the channel's pinned quick fixes;
 * `pin`, `pins`, `unpin` are pin commands (see pin-command.ts).
 */
import type { App } from '@slack/bolt';
import type { Card, TopicCard } from '../../../core/cards/model.js';
import type { Block } from '../../../render/blockkit/render.js';
import { isDirect, type SlackContext, type Where } from '../context.js';
import { pinCommand } from './pin-command.js';

const COMMAND = '/signin-help';

function shareButton(slack: SlackContext, card: TopicCard): Block {
  return {
    type: 'actions',
    block_id: 'share',
    elements: [
      {
        type: 'button',
        action_id: 'share',
        text: { type: 'plain_text', text: slack.bot.message('slack.share', card.lang) },
        value: JSON.stringify({ topic: card.topic, lang: card.lang }),
      },
    ],
  };
}

export function slashCommand(app: App, slack: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const where: Where = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const locale = await slack.locales.get(client, command.user_id);
    const { text, channel_id: channel } = command;
    const pinned = await pinCommand(slack, client, {
      text,
      channel,
      user: command.user_id,
      name: command.user_name,
      locale,
    });
    const reply = (card: Card) => {
      const message = slack.render(card);
      if (!pinned && card.kind === 'topic') message.blocks.push(shareButton(slack, card));
      return respond({ response_type: 'ephemeral', replace_original: false, ...message });
    };
    const cards =
      pinned ??
      (text.trim()
        ? await slack.answer(where, { text, locale })
        : await slack.bot.helpCards({
            locale,
            platform: 'slack',
            ...(isDirect(channel) ? {} : { channel }),
          }));
    for (const card of cards) await reply(card);
  });
}
