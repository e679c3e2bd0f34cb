/**
 * The submitted escalation form is saved with its ticket before it is acknowledged, and the user
 * is told the ticket's number in the form's own message (an update, not a new post), before the
 * acknowledgement too: a submission Slack delivers again (to this or another process) finds the
 * ticket filed and updates the same message, so nothing is lost and nothing is said twice.
 */
import type { App } from '@slack/bolt';
import type { Card } from '../../../core/cards/model.js';
import type { SlackContext, Where } from '../context.js';
import { modalValues } from '../helpdesk.js';

export function escalationForm(app: App, slack: SlackContext): void {
  app.view('escalation-form', async ({ ack, view, client }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as Where & { token?: string; message?: string };
    const where: Where = {
      team: meta.team,
      channel: meta.channel,
      user: meta.user,
      ...(meta.thread ? { thread: meta.thread } : {}),
    };
    const fields = modalValues(view.state);
    const locale = await slack.locales.get(client, meta.user);
    const out = await slack.handle(where, {
      action: { action: 'form', value: 'escalation', fields, ...(meta.token ? { token: meta.token } : {}) },
      locale,
    });
    let inPlace: Card | undefined = out.filed && meta.message ? out.filed.card : undefined;
    if (inPlace)
      try {
        await client.chat.update({ channel: where.channel, ts: meta.message!, ...slack.render(inPlace) });
      } catch (e) {
        // The form's message is gone (deleted, too old): the number goes in a message of its own.
        slack.options.log?.warn(
          `could not show ${out.filed!.ref} in place of its form: ${(e as Error).message}`,
          {
            err: e,
          },
        );
        inPlace = undefined;
      }
    await ack();
    await slack.post(
      client,
      where,
      out.cards.filter((c) => c !== inPlace),
    );
  });
}
