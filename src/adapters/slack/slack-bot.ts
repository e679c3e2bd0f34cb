/**
 * The Slack side of the bot: Bolt listeners that turn Slack events into calls of the
 * platform-free core, and the core's cards into Block Kit. Everything `@slack/*` stays in
 * this folder; each listener is a module of its own under listeners/.
 *
 * - Direct messages: every message. Channels: mentions, answered in the mention's thread.
 * - `/signin-help [question]`: answered only to the caller, with a button to share in the channel.
 * - Buttons (`block_actions`) drive the dialogs; the pressed message is updated in place
 *   (`chat.update`) without its buttons, so it cannot be answered twice. A card posted to one
 *   user in a channel is theirs: anyone else pressing it is told so privately, and it stays.
 * - The App Home tab lists the topics in the user's language.
 * - The user's locale comes from `users.info` (cached), and the language of the text wins.
 */
import type { App } from '@slack/bolt';
import { SlackContext, type SlackBotOptions } from './context.js';
import { choices } from './listeners/choice.js';
import { slashCommand } from './listeners/command.js';
import { directMessages } from './listeners/direct-message.js';
import { escalationForm } from './listeners/escalation-form.js';
import { home } from './listeners/home.js';
import { mentions } from './listeners/mention.js';
import { openForm } from './listeners/open-form.js';
import { share } from './listeners/share.js';
import { ticketActions } from './listeners/ticket-actions.js';

export type { SlackBotOptions } from './context.js';

const LISTENERS = [
  directMessages,
  mentions,
  slashCommand,
  choices,
  share,
  openForm,
  escalationForm,
  ticketActions,
  home,
];

export function registerSlackListeners(app: App, options: SlackBotOptions): void {
  const slack = new SlackContext(options, () => app.client);
  for (const listen of LISTENERS) listen(app, slack);
}
