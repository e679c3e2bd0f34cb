/**
 * Plain-text rendering of the card model: the terminal chat, and the fallback text platforms
 * show in notifications. Buttons become a numbered list; typing the number presses the button.
 *
 * One function per card kind (in ./kinds.ts); this file puts them in order: the note and title,
 * the card's own body, the retirement notice, then the kinds that come after it, then the buttons.
 */
import type { Card } from '../../core/cards/model.js';
import { wellFormed } from '../../core/text/well-formed.js';
import { type Push, renderAfterRetirement, renderBody } from './kinds.js';

export interface TextOptions {
  /** Show buttons as a numbered list (the terminal); notifications leave them out. */
  numberChoices?: boolean;
  /** Word for a link ("link"), shown before each URL. */
  linkWord?: string;
}

const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1');

export function renderText(card: Card, options: TextOptions = {}): string {
  const lines: string[] = [];
  const push: Push = (...xs) => xs.forEach((x) => x !== undefined && lines.push(plain(x)));
  if (card.note) push(card.note, '');
  if (card.title) push(`== ${card.title} ==`);
  renderBody(card, push);
  if (card.retirement) {
    // The retirement notice, then its link (Microsoft Learn), on every card that carries it.
    push('', card.retirement);
    card.links.forEach((l) => push(`  - ${l.label}: ${l.url}`));
  }
  renderAfterRetirement(card, push);
  if (options.numberChoices && card.choices.length) {
    push('');
    card.choices.forEach((c, i) => push(`  [${i + 1}] ${c.label}`));
    if ((card.kind === 'question' || card.kind === 'triage') && card.hint) push(card.hint);
  }
  // What a person typed reaches a terminal too: no control character (escape sequences, a
  // carriage return that overwrites the line) or direction override gets through.
  return wellFormed(lines.join('\n'))
    .replace(/\r/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
