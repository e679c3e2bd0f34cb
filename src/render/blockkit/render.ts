/**
 * Renders the card model as Slack Block Kit, within Slack's limits: 50 blocks a message,
 * 3,000 characters a section, 150 a header, 75 a button label, 2,000 a button value, always
 * with a `text` fallback. Long step lists are split between steps, never inside one.
 *
 * All text is escaped (&, <, >) before Slack reads it, so "<!channel>" or "<@U123>" typed by a
 * user can never ping anyone; user text is also marked verbatim, so Slack does not turn its
 * URLs or channel names into links (see `text.ts`). Each kind of card's body is in `bodies.ts`,
 * buttons in `buttons.ts`.
 */
import type { Card } from '../../core/cards/model.js';
import { renderText } from '../text/render.js';
import { digestBody, formBody, noticeBody, notFoundBody, ticketBody, topicBody } from './bodies.js';
import { choiceButtons } from './buttons.js';
import { type Block, clip, context, escapeSlack, LIMITS, mrkdwn, section } from './text.js';

export { answeredBlocks, encodeValue } from './buttons.js';
export { type Block, escapeSlack, LIMITS } from './text.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface BlockKitOptions {
  /** Label of the short button next to a long choice ("Choose"). */
  chooseLabel: string;
}

/** The `text` every message carries (notifications, clients without blocks): escaped, so nothing in it pings or links. */
const fallback = (card: Card) => escapeSlack(clip(renderText(card), 3000));

export function renderBlockKit(card: Card, options: BlockKitOptions): SlackMessage {
  const blocks: Block[] = [];
  if (card.note) blocks.push(context(mrkdwn(card.note)));
  if (card.title)
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(card.title, LIMITS.header), emoji: true },
    });
  blocks.push(...body(card));
  // A ticket card carries its own buttons (see ticketBody) and no retirement notice.
  if (card.kind !== 'ticket') {
    blocks.push(...retirementBlocks(card));
    blocks.push(...choiceButtons(card.choices, options.chooseLabel));
  }
  return { text: fallback(card), blocks: blocks.slice(0, LIMITS.blocks) };
}

function body(card: Card): Block[] {
  switch (card.kind) {
    case 'topic':
      return topicBody(card);
    case 'question':
      return [
        ...(card.text ? [section(mrkdwn(card.text))] : []),
        section(`*${escapeSlack(card.question)}*${card.hint ? `\n_${escapeSlack(card.hint)}_` : ''}`),
      ];
    case 'triage':
      return [
        section(mrkdwn(card.text)),
        section(`*${escapeSlack(card.question)}*\n_${escapeSlack(card.hint)}_`),
      ];
    case 'notFound':
      return notFoundBody(card);
    case 'welcome':
      return [section(mrkdwn(card.text))];
    case 'help':
      return [section(mrkdwn(card.text)), section(mrkdwn(card.commands))];
    case 'form':
      return formBody(card);
    case 'ticket':
      return ticketBody(card);
    case 'digest':
      return digestBody(card);
    case 'notice':
      return noticeBody(card);
  }
}

/** The retirement notice and its Microsoft Learn link, small, under the card's own text. */
function retirementBlocks(card: Card): Block[] {
  if (!card.retirement) return [];
  const link = card.links.map((l) => `<${l.url}|${escapeSlack(l.label).replace(/\|/g, '¦')}>`).join(' · ');
  return [context(`${mrkdwn(card.retirement)}\n${link}`)];
}
