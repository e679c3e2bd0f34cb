/**
 * Teams message text as the core reads it. Teams delivers HTML: `<at>Bot</at>` for mentions,
 * `<p>`, `<div>`, `<br>`, `<span>` around the words, `<blockquote>` for a quoted reply, and
 * character references. Mentions go (the mentioned name is not part of the question), a quoted
 * reply becomes `>` lines (the core drops them when the user wrote something of their own),
 * tags go and references are decoded. No SDK here: the CLI reads pasted Teams text with it.
 */
import { decodeEntities } from '../entities.js';

const MENTION = /<at[^>]*>[\s\S]*?<\/at>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;
/** Where HTML breaks a line: a quote line ends there. */
const LINE_BREAK = /<br\s*\/?>|<\/(?:p|div)>/gi;

/** A quoted reply's text as `>` lines, on lines of their own. */
function quoteLines(inner: string): string {
  const lines = inner
    .replace(LINE_BREAK, '\n')
    .replace(TAG, ' ')
    .split('\n')
    .filter((line) => line.trim());
  return `\n${lines.map((line) => `> ${line}`).join('\n')}\n`;
}

/** Only the mentions of the bot (or anyone) removed: a pin note keeps the rest as typed. */
export function withoutMentions(html: string): string {
  return html.replace(MENTION, ' ').trim();
}

export function teamsInbound(html: string): string {
  const text = html
    .replace(MENTION, ' ')
    .replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi, (_, inner: string) => quoteLines(inner))
    .replace(LINE_BREAK, '\n')
    .replace(TAG, ' ');
  // Tags are removed again after decoding, for markup that arrived escaped.
  return decodeEntities(text).replace(MENTION, ' ').replace(TAG, ' ');
}
