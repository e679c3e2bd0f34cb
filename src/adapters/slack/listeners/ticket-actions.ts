/**
 * The helpdesk's buttons on a ticket card: Claim, Reopen and Logs act at once; Ask and Resolve
 * open a modal for the question or the note (`ticket-input`). Where a button was pressed and by
 * whom is what Slack signed: the core takes ticket actions only from the helpdesk channel (and
 * the listed agents), with the card's token, and only the person who pressed is told a refusal.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { ActResult } from '../../../core/helpdesk/service.js';
import type { ActionOrigin, TicketOperation } from '../../../core/helpdesk/types.js';
import { DEFAULT_LANG } from '../../../core/i18n/languages.js';
import { escapeSlack } from '../../../render/blockkit/render.js';
import type { SlackContext } from '../context.js';
import { modalValues, ticketInputModal } from '../helpdesk.js';
/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

function origin(
  channel: string | undefined,
  user: { id: string; name?: string; username?: string },
): ActionOrigin {
  return {
    platform: 'slack',
    ...(channel ? { channel } : {}),
    user: user.id,
    name: user.name ?? user.username ?? user.id,
  };
}

async function refuse(
  slack: SlackContext,
  client: WebClient,
  result: ActResult,
  channel: string | undefined,
  user: string,
) {
  const refusal = slack.bot.helpdeskRefusal(result, slack.options.helpdeskLang ?? DEFAULT_LANG);
  if (refusal && channel) await client.chat.postEphemeral({ channel, user, text: escapeSlack(refusal.text) });
}

export function ticketActions(app: App, slack: SlackContext): void {
  const { bot } = slack;
  app.action<BlockAction<ButtonAction>>(
    /^ticket:(claim|reopen|logs|ask|resolve)$/,
    async ({ ack, body, action, client }) => {
      await ack();
      const payload = JSON.parse(action.value ?? '{}') as { value?: string; token?: string };
      const [op, ref = ''] = (payload.value ?? '').split(':') as [TicketOperation, string?];
      const hl = slack.options.helpdeskLang ?? DEFAULT_LANG;
      const channel = body.channel?.id;
      const from = origin(channel, body.user);
      const token = payload.token ?? '';
      if (op !== 'ask' && op !== 'resolve')
        return refuse(
          slack,
          client,
          await bot.helpdeskAction({ ref, op, origin: from, token }),
          channel,
          body.user.id,
        );
      // Checked before the modal opens, and again when it is sent.
      const checked = await bot.helpdeskCheck({ ref, op, origin: from, token });
      if (!checked.ok) return refuse(slack, client, checked, channel, body.user.id);
      const input = op === 'ask' ? 'question' : 'note';
      await client.views.open({
        trigger_id: body.trigger_id,
        view: ticketInputModal(
          bot.message(`helpdesk.actions.${op}`, hl),
          bot.message(`helpdesk.inputs.${input}`, hl),
          bot.message('helpdesk.actions.send', hl),
          { ref, op, token, channel: channel ?? '' },
        ),
      });
    },
  );

  app.view('ticket-input', async ({ ack, view, body, client }) => {
    await ack();
    // private_metadata is ours: Slack keeps it with the modal and signs it back to us.
    const meta = JSON.parse(view.private_metadata || '{}') as {
      ref?: string;
      op?: TicketOperation;
      token?: string;
      channel?: string;
    };
    const result = await bot.helpdeskAction({
      ref: meta.ref ?? '',
      op: meta.op ?? 'claim',
      origin: origin(meta.channel, body.user),
      text: modalValues(view.state).text ?? '',
      token: meta.token ?? '',
    });
    await refuse(slack, client, result, meta.channel, body.user.id);
  });
}
