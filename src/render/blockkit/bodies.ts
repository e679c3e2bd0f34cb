/** The body of each kind of card in Block Kit: what comes between its header and its buttons. */
import type { Card } from '../../core/cards/model.js';
import { quotesPerson } from '../people.js';
import { formButton, ticketButtons } from './buttons.js';
import {
  asPlain,
  type Block,
  chunks,
  clip,
  context,
  escapeSlack,
  factFields,
  LIMITS,
  mrkdwn,
  section,
  sections,
  textSection,
} from './text.js';

type Of<K extends Card['kind']> = Extract<Card, { kind: K }>;

/** A card's links as a list of Slack links, under their label. */
export function linkBlocks(card: Card, label?: string): Block[] {
  if (!card.links.length) return [];
  const items = card.links.map((l) => `• <${l.url}|${escapeSlack(l.label).replace(/\|/g, '¦')}>`);
  return sections([label ? `*${escapeSlack(label)}*` : '', ...items].filter(Boolean));
}

/** Who pinned the fix and until when (names as plain text), and the admin's note. */
function pinBlocks(card: Of<'topic'>): Block[] {
  if (!card.pin) return [];
  const lines = [`📌 ${card.pin.label}`, card.pin.byline, ...(card.pin.status ? [card.pin.status] : [])];
  const blocks: Block[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'plain_text',
          text: clip(asPlain(lines.join('\n'), card.people), LIMITS.section),
          emoji: true,
        },
      ],
    },
  ];
  if (card.pin.note)
    blocks.push(context(`${escapeSlack(card.pin.noteLabel ?? '')}: ${escapeSlack(card.pin.note)}`, true));
  return blocks;
}

export function topicBody(card: Of<'topic'>): Block[] {
  const blocks = pinBlocks(card);
  if (card.symptom) blocks.push(section(mrkdwn(card.symptom)));
  if (card.error) blocks.push(section(`*${escapeSlack(card.errorLabel)}*\n> ${escapeSlack(card.error)}`));
  if (card.cause) blocks.push(section(`*${escapeSlack(card.causeLabel)}*\n${mrkdwn(card.cause)}`));
  blocks.push(
    section(`*${escapeSlack(card.stage.label)}*${card.stage.intro ? `\n${mrkdwn(card.stage.intro)}` : ''}`),
  );
  blocks.push(...sections(card.stage.steps.map((s, i) => `${i + 1}. ${mrkdwn(s)}`)));
  blocks.push(...linkBlocks(card, card.linksLabel));
  if (card.question && card.choices.length) blocks.push(section(`*${escapeSlack(card.question)}*`));
  return blocks;
}

export function notFoundBody(card: Of<'notFound'>): Block[] {
  return [
    section(mrkdwn(card.text)),
    context(`${escapeSlack(card.userTextLabel)}: ${escapeSlack(card.userText)}`, true),
    ...(card.suggestions ? [section(`*${escapeSlack(card.suggestions)}*`)] : []),
  ];
}

export function formBody(card: Of<'form'>): Block[] {
  return [
    section(mrkdwn(card.intro)),
    ...(card.problem ? [section(`*${escapeSlack(card.problem)}*`)] : []),
    formButton(card.open, card.token),
  ];
}

/** What users and agents typed (names, answers, notes, file names) is shown as plain text. */
export function ticketBody(card: Of<'ticket'>): Block[] {
  const blocks = [textSection(`**${card.status}**`, card.people), ...factFields(card.facts, card.people)];
  for (const x of card.sections)
    blocks.push(
      section(`*${escapeSlack(x.label)}*`),
      ...chunks(x.items.map((item) => `• ${item}`)).map((c) => textSection(c, card.people)),
    );
  blocks.push(ticketButtons(card.choices));
  return blocks;
}

/** The week's figures for the helpdesk, the busiest topics, and the command for the full report. */
export function digestBody(card: Of<'digest'>): Block[] {
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(card.period) }] },
    ...factFields(card.facts),
    ...sections([`*${escapeSlack(card.topicsLabel)}*`, ...card.topics.map((t) => `• ${escapeSlack(t)}`)]),
    section(`${escapeSlack(card.reportLabel)}\n\`${escapeSlack(card.command)}\``),
  ];
}

export function noticeBody(card: Of<'notice'>): Block[] {
  const blocks = [textSection(card.text, card.people), ...factFields(card.facts ?? [], card.people)];
  if (card.list?.length && card.list.some((x) => quotesPerson(x, card.people)))
    blocks.push(
      section(`*${escapeSlack(card.listLabel ?? '')}*`),
      ...chunks(card.list.map((x) => `• ${x}`)).map((c) => textSection(c, card.people)),
    );
  else if (card.list?.length)
    blocks.push(
      ...sections([`*${escapeSlack(card.listLabel ?? '')}*`, ...card.list.map((x) => `• ${mrkdwn(x)}`)]),
    );
  if (card.secondList?.length)
    blocks.push(
      ...sections([
        `*${escapeSlack(card.secondListLabel ?? '')}*`,
        ...card.secondList.map((x, i) => `${i + 1}. ${mrkdwn(x)}`),
      ]),
    );
  blocks.push(...linkBlocks(card));
  return blocks;
}
