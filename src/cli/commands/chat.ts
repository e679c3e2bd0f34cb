/**
 * `cli chat`: a conversation with the bot in the terminal, the same dialogs as Teams and Slack.
 * Cards are shown as text, buttons as a numbered list: type the number, or the answer itself.
 * An empty line, Ctrl-C or the end of input ends the chat. At a terminal the line is edited as
 * in a shell (arrows, history, Ctrl-L clears the screen); piped input is read line by line.
 */
import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n/languages.js';
import { renderText } from '../../render/text/render.js';
import { createTerminal } from '../../adapters/terminal/platform.js';

export async function chatCommand(bot: Bot, locale?: string): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  let lang: Lang = langFromLocale(locale) ?? DEFAULT_LANG;
  const show = (text: string) => out(`\n${text}\n\n`);
  const terminal = createTerminal(bot, show);
  // At a terminal, a line editor: arrows, history, Ctrl-L, Ctrl-C; from a pipe, plain lines.
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({
    input: process.stdin,
    crlfDelay: Infinity,
    terminal: tty,
    ...(tty ? { output: process.stdout, historySize: 200 } : {}),
  });
  rl.on('SIGINT', () => rl.close()); // Ctrl-C ends the chat as an empty line does
  const prompt = () => {
    if (!tty) return void out(bot.pack.message('chat.prompt', lang));
    rl.setPrompt(bot.pack.message('chat.prompt', lang));
    rl.prompt();
  };

  show(renderText(bot.welcome(lang), { numberChoices: false }));
  out(bot.pack.message('chat.choose', lang) + '\n');
  prompt();
  for await (const line of rl) {
    if (!line.trim()) break;
    const reply = await terminal.say(line, locale ?? null);
    for (const card of reply.cards) {
      lang = card.lang;
      show(terminal.render(card) as string);
    }
    prompt();
  }
  out(`\n${bot.pack.message('chat.bye', lang)}\n`);
  rl.close();
  return 0;
}
