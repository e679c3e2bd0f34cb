/**
 * `cli chat`: a conversation with the bot in the terminal, the same dialogs as Teams and Slack.
 * Cards are shown as text, buttons as a numbered list: type the number, or the answer itself.
 * An empty line (or end of input) ends the chat.
 */
import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n/languages.js';
import { renderText } from '../../render/text/render.js';

export async function chatCommand(bot: Bot, locale?: string): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  let lang: Lang = langFromLocale(locale) ?? DEFAULT_LANG;
  const show = (text: string) => out(`\n${text}\n\n`);
  const prompt = () => out(bot.pack.message('chat.prompt', lang));

  show(renderText(bot.welcome(lang), { numberChoices: false }));
  out(bot.pack.message('chat.choose', lang) + '\n');
  prompt();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) {
    if (!line.trim()) break;
    const reply = await bot.handle({ conversation: 'terminal', text: line, locale: locale ?? null });
    for (const card of reply.cards) {
      lang = card.lang;
      show(renderText(card, { numberChoices: true }));
    }
    prompt();
  }
  out(`\n${bot.pack.message('chat.bye', lang)}\n`);
  rl.close();
  return 0;
}
