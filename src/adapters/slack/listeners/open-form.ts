/** The escalation form: the button on the form card opens it as a modal. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { DEFAULT_LANG, langFromLocale } from '../../../core/i18n/languages.js';
import type { SlackContext, Where } from '../context.js';
import { formModal } from '../helpdesk.js';

export function openForm(app: App, slack: SlackContext): void {
  app.action<BlockAction<ButtonAction>>('open-form', async ({ ack, body, action, client, respond }) => {
    await ack();
    const { token } = JSON.parse(action.value ?? '{}') as { token?: string };
    const locale = await slack.locales.get(client, body.user.id);
    const lang = langFromLocale(locale) ?? DEFAULT_LANG;
    const container = body.container as { message_ts?: string; thread_ts?: string };
    const thread = (body.message?.thread_ts as string | undefined) ?? container.thread_ts;
    // The form's message: once the ticket is filed, it shows the ticket's number in its place.
    const message = body.message?.ts ?? container.message_ts;
    const where: Where = {
      team: body.team?.id ?? '',
      channel: body.channel?.id ?? '',
      user: body.user.id,
      ...(thread ? { thread } : {}),
    };
    // Someone else's form: no modal opens for it.
    if (await slack.refusedNotYours(where, message, locale, respond)) return;
    const metadata = {
      team: body.team?.id ?? '',
      channel: body.channel?.id ?? '',
      user: body.user.id,
      token,
      ...(thread ? { thread } : {}),
      ...(message ? { message } : {}),
    };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: formModal(slack.bot.formCard(lang, token ?? '0'), metadata),
    });
  });
}
