/** Sharing a privately answered topic (a slash command's answer) with the channel. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { DEFAULT_LANG, type Lang } from '../../../core/i18n/languages.js';
import { escapeSlack } from '../../../render/blockkit/render.js';
import type { SlackContext } from '../context.js';

export function share(app: App, slack: SlackContext): void {
  app.action<BlockAction<ButtonAction>>('share', async ({ ack, body, action, client, respond }) => {
    await ack();
    const { topic, lang } = JSON.parse(action.value ?? '{}') as { topic?: string; lang?: Lang };
    const language = lang ?? DEFAULT_LANG;
    const card = topic ? slack.bot.shareCard(topic, language) : undefined;
    if (!card || !body.channel) return;
    const message = slack.render(card);
    const sharedBy = slack.bot.message('slack.sharedBy', language, {
      user: `<@${escapeSlack(body.user.id)}>`,
    });
    message.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: sharedBy }] });
    await client.chat.postMessage({ channel: body.channel.id, ...message });
    await respond({ delete_original: false, replace_original: false, response_type: 'ephemeral', text: '✓' });
  });
}
