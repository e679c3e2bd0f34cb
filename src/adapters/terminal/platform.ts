/**
 * The terminal as a `ChatPlatform` (`cli chat`): one person at a keyboard, plain text in, cards
 * as text out, buttons as a numbered list. It has no webhook and no helpdesk channel, cannot
 * take files, and has no admins; what the helpdesk sends back later is printed where the
 * conversation is. It is started by the CLI, not listed in the server's registry.
 */
import type { Bot, Outgoing } from '../../core/bot.js';
import type { Card } from '../../core/cards/model.js';
import type { ChatPlatform } from '../../core/platform.js';
import { renderText } from '../../render/text/render.js';

export interface Terminal extends ChatPlatform {
  /** One line typed at the keyboard, answered by the bot. */
  say(line: string, locale: string | null): Promise<Outgoing>;
}

export function createTerminal(bot: Bot, print: (text: string) => void): Terminal {
  const render = (card: Card) => renderText(card, { numberChoices: true });
  return {
    name: 'terminal',
    routes: [],
    start: async () => {},
    stop: async () => {},
    // Typed text has no markup to read.
    inbound: (text) => text,
    render,
    notifier: {
      platform: 'terminal',
      notify: async (_address, cards) => cards.forEach((card) => print(render(card))),
    },
    endPin: async () => {},
    isAdmin: async () => false,
    say: (line, locale) => bot.handle({ conversation: 'terminal', platform: 'terminal', text: line, locale }),
  };
}
