/**
 * The plain-text body of each card kind, one function per kind. Each adds its lines through
 * `push`, which drops undefined parts and strips bold markers, so the kinds only say what to show.
 */
import type {
  Card,
  DigestCard,
  FormCard,
  NoticeCard,
  TicketCard,
  TopicCard,
} from '../../core/cards/model.js';

/** Adds lines to the text being built; undefined parts are left out. */
export type Push = (...xs: (string | undefined)[]) => void;

/** A topic: its pin, the symptom and error, the cause, the current stage's steps, its links. */
function topic(card: TopicCard, push: Push): void {
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
}

/** The kinds whose body comes before the retirement notice. */
export function renderBody(card: Card, push: Push): void {
  switch (card.kind) {
    case 'topic':
      topic(card, push);
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
}

/** A notice: its text, facts, a bulleted and a numbered list, and its links. */
function notice(card: NoticeCard, push: Push): void {
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
}

/** Text has no forms: the current field only, its choices numbered. */
function form(card: FormCard, push: Push): void {
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

/** The weekly digest: its period, figures, top topics and the command for the full report. */
function digest(card: DigestCard, push: Push): void {
  push(card.period, '');
  card.facts.forEach((f) => push(`${f.label}: ${f.value}`));
  push('', `${card.topicsLabel}:`);
  card.topics.forEach((t) => push(`  - ${t}`));
  push('', card.reportLabel, `  ${card.command}`);
}

/** A helpdesk ticket: its status, facts and each section as a bulleted list. */
function ticket(card: TicketCard, push: Push): void {
  push(card.status, '');
  card.facts.forEach((f) => push(`${f.label}: ${f.value}`));
  for (const section of card.sections) {
    push('', `${section.label}:`);
    section.items.forEach((x) => push(`  - ${x}`));
  }
}

/** The kinds whose body comes after the retirement notice. */
export function renderAfterRetirement(card: Card, push: Push): void {
  switch (card.kind) {
    case 'notice':
      notice(card, push);
      break;
    case 'form':
      form(card, push);
      break;
    case 'digest':
      digest(card, push);
      break;
    case 'ticket':
      ticket(card, push);
      break;
  }
}
