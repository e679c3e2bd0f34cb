/**
 * The buttons of the dialogs (`choice:N`): the pressed message is updated in place without its
 * buttons, so it cannot be answered twice (an ephemeral one through its response_url), and the
 * bot's answer follows where the message was.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionPayload } from '../../../core/cards/model.js';
import { answeredBlocks, type Block } from '../../../render/blockkit/render.js';
import type { SlackContext, Where } from '../context.js';

/** The button's payload, or undefined for a value that is not one of ours. */
function payloadOf(value: string | undefined): ActionPayload | undefined {
  try {
    return JSON.parse(value ?? '') as ActionPayload;
  } catch {
    return undefined; // not a payload the bot made: nothing to answer
  }
}

export function choices(app: App, slack: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(/^choice:\d+$/, async ({ ack, body, action, client, respond }) => {
    await ack();
    const payload = payloadOf(action.value);
    if (!payload) return;
    const container = body.container as { channel_id?: string; is_ephemeral?: boolean; thread_ts?: string };
    const message = body.message as { ts: string; thread_ts?: string; blocks?: Block[] } | undefined;
    const channel = body.channel?.id ?? container.channel_id ?? '';
    const thread = message?.thread_ts ?? container.thread_ts;
    const where: Where = {
      team: body.team?.id ?? '',
      channel,
      user: body.user.id,
      ...(thread ? { thread } : {}),
    };
    const label = action.text.text;
    const locale = await slack.locales.get(client, body.user.id);
    // Ephemeral messages are seen by their owner only; any other message may be someone else's.
    if (!container.is_ephemeral && (await slack.refusedNotYours(where, message?.ts, locale, respond))) return;
    const ephemeral = container.is_ephemeral || !message;
    const answered = { text: `✓ ${label}`, blocks: answeredBlocks(message?.blocks ?? [], label) };
    // Ephemeral messages can only be changed through their response_url.
    if (ephemeral) await respond({ replace_original: true, ...answered });
    else await client.chat.update({ channel, ts: message.ts, ...answered });
    const cards = await slack.answer(where, { action: payload, locale });
    if (!ephemeral) return slack.post(client, where, cards);
    for (const card of cards)
      await respond({ response_type: 'ephemeral', replace_original: false, ...slack.render(card) });
  });
}
