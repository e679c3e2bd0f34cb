/** Mentions in channels: answered in the thread of the mention. */
import type { App } from '@slack/bolt';
import type { SlackContext, Where } from '../context.js';

export function mentions(app: App, slack: SlackContext): void {
  app.event('app_mention', async ({ event, client, body }) => {
    if (!event.user) return;
    const where: Where = {
      team: body.team_id ?? '',
      channel: event.channel,
      user: event.user,
      thread: event.thread_ts ?? event.ts,
    };
    const locale = await slack.locales.get(client, event.user);
    await slack.post(client, where, await slack.answer(where, { text: event.text ?? '', locale }));
  });
}
