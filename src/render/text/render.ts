/**
 * Plain-text rendering of the card model: the terminal chat, and the fallback text platforms
 * show in notifications. Buttons become a numbered list; typing the number presses the button.
 */
import type { Card } from '../../core/cards/model.js';
import { wellFormed } from '../../core/text/well-formed.js';

export interface TextOptions {
  /** Show buttons as a numbered list (the terminal); notifications leave them out. */
  numberChoices?: boolean;
  /** Word for a link ("link"), shown before each URL. */
  linkWord?: string;
}

const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1');

export function renderText(card: Card, options: TextOptions = {}): string {
  const lines: string[] = [];
  const push = (...xs: (string | undefined)[]) => xs.forEach((x) => x !== undefined && lines.push(plain(x)));
  if (card.note) push(card.note, '');
  if (card.title) push(`== ${card.title} ==`);
  switch (card.kind) {
    case 'topic':
      if (card.pin) {
        push(`[${card.pin.label}] ${card.pin.byline}`);
        if (card.pin.status) push(card.pin.status);
        if (card.pin.note) push(`${card.pin.noteLabel}: ${card.pin.note}`);
        push('');
      }
      if (card.symptom) push(card.symptom);
      if (card.error) push(`${card.errorLabel}: "${card.error}"`);
      if (card.cause) push('', `${card.causeLabel}: ${card.cause}`);
      push('', card.stage.label);
      if (card.stage.intro) push(card.stage.intro);
      card.stage.steps.forEach((s, i) => push(`  ${i + 1}. ${s}`));
      if (card.links.length) {
        push('', `${card.linksLabel}:`);
        card.links.forEach((l) => push(`  - ${l.label}: ${l.url}`));
      }
      if (card.question) push('', card.question);
      break;
    case 'question':
      if (card.text) push(card.text, '');
      push(card.question);
      break;
    case 'triage':
      push(card.text, '', card.question);
      break;
    case 'notFound':
      push(card.text, `${card.userTextLabel}: "${card.userText}"`);
      if (card.suggestions) push('', card.suggestions);
      break;
    case 'welcome':
      push(card.text);
      break;
    case 'help':
      push(card.text, '', card.commands);
      break;
  }
  if (card.retirement) {
    // The retirement notice, then its link (Microsoft Learn), on every card that carries it.
    push('', card.retirement);
    card.links.forEach((l) => push(`  - ${l.label}: ${l.url}`));
  }
  switch (card.kind) {
    case 'notice':
      push(card.text);
      card.facts?.forEach((f) => push(`  ${f.label}: ${f.value}`));
      if (card.list?.length) {
        push('', `${card.listLabel}:`);
        card.list.forEach((x) => push(`  - ${x}`));
      }
      if (card.secondList?.length) {
        push('', `${card.secondListLabel}:`);
        card.secondList.forEach((x, i) => push(`  ${i + 1}. ${x}`));
      }
      if (card.links.length) {
        push('');
        card.links.forEach((l) => push(`  - ${l.label}: ${l.url}`));
      }
      break;
  }
  if (card.kind === 'form') {
    // Text has no forms: the current field only, its choices numbered.
    const field = card.fields[card.current];
    if (card.current === 0 && !card.problem) push(`${card.intro} ${card.skipHint}`, '');
    if (card.problem) push(card.problem);
    if (field) {
      push(
        `(${card.current + 1}/${card.fields.length}) ${field.label}${field.placeholder ? ` — ${field.placeholder}` : ''}`,
      );
      field.choices?.forEach((c, i) => push(`  [${i + 1}] ${c.label}`));
    }
  }
  if (card.kind === 'digest') {
    push(card.period, '');
    card.facts.forEach((f) => push(`${f.label}: ${f.value}`));
    push('', `${card.topicsLabel}:`);
    card.topics.forEach((t) => push(`  - ${t}`));
    push('', card.reportLabel, `  ${card.command}`);
  }
  if (card.kind === 'ticket') {
    push(card.status, '');
    card.facts.forEach((f) => push(`${f.label}: ${f.value}`));
    for (const section of card.sections) {
      push('', `${section.label}:`);
      section.items.forEach((x) => push(`  - ${x}`));
    }
  }
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
