/** Direct messages, and files shared in them: every message is for the bot. */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackContext, Where } from '../context.js';
import { incomingFile, type SlackFile } from '../files.js';

export function directMessages(app: App, slack: SlackContext): void {
  app.message(async ({ message, client, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (message.channel_type !== 'im') return;
    if (message.subtype !== undefined && message.subtype !== 'file_share') return;
    if (('bot_id' in message && message.bot_id) || !message.user) return;
    const where: Where = { team: body.team_id ?? '', channel: message.channel, user: message.user };
    const locale = await slack.locales.get(client, message.user);
    const files: SlackFile[] = message.files ?? [];
    if (files.length) {
      // Files go with the user's ticket; a caption, if any, is read as a message after them.
      const taken = files.map((f) => incomingFile(f, client.token, slack.options.apiUrl));
      await slack.post(client, where, await slack.answer(where, { files: taken, locale }));
      if (!message.text?.trim()) return;
    }
    await slack.post(client, where, await slack.answer(where, { text: message.text ?? '', locale }));
  });
}
