/**
 * Renders the card model as Slack Block Kit, within Slack's limits: 50 blocks a message,
 * 3,000 characters a section, 150 a header, 75 a button label, 2,000 a button value, always
 * with a `text` fallback. Long step lists are split between steps, never inside one.
 *
 * All text is escaped (&, <, >) before Slack reads it, so "<!channel>" or "<@U123>" typed by a
 * user can never ping anyone; user text is also marked verbatim, so Slack does not turn its
 * URLs or channel names into links.
 */
import type { ActionPayload, Card, Choice } from '../../core/cards/model.js';
import { mapPeople, quotesPerson } from '../people.js';
import { renderText } from '../text/render.js';

export const LIMITS = {
  blocks: 50,
  section: 3000,
  header: 150,
  button: 75,
  value: 2000,
  actionId: 255,
  actions: 25,
};

export type Block = Record<string, unknown> & { type: string };

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Escapes the three characters Slack's mrkdwn and mention syntax use. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Our content's **bold** as Slack's *bold*, escaped. */
const mrkdwn = (text: string) => escapeSlack(text).replace(/\*\*(.+?)\*\*/g, '*$1*');

/**
 * Text for a plain_text object, which Slack reads no formatting, mention or link in; angle
 * brackets are turned anyway, so that no copy of it elsewhere reads as `<!here>` either.
 */
const plainText = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

/** Text that quotes a person, as plain text: our own **bold** marks go, the rest as typed. */
const asPlain = (text: string, people: readonly string[] = []) =>
  plainText(
    mapPeople(
      text,
      people,
      (p) => p,
      (own) => own.replace(/\*\*/g, ''),
    ),
  );

/** A section for a text that may quote a person: plain text when it does, else mrkdwn. */
function textSection(text: string, people: readonly string[] = []): Block {
  if (!quotesPerson(text, people)) return section(mrkdwn(text));
  return {
    type: 'section',
    text: { type: 'plain_text', text: clip(asPlain(text, people), LIMITS.section), emoji: true },
  };
}

/** The `text` every message carries (notifications, clients without blocks): escaped, so nothing in it pings or links. */
const fallback = (card: Card) => escapeSlack(clip(renderText(card), 3000));

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.section) },
});

/** Whole lines in groups under the section limit (a line longer than that is cut later). */
function chunks(lines: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if ([...next].length > LIMITS.section && current) {
      out.push(current);
      current = line;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

/** Sections holding whole mrkdwn lines, each under the section limit. */
const sections = (lines: string[]): Block[] => chunks(lines).map(section);

export const encodeValue = (payload: ActionPayload) => JSON.stringify(payload);

function buttons(choices: Choice[], chooseLabel: string): Block[] {
  if (!choices.length) return [];
  const button = (c: Choice, i: number, text: string) => ({
    type: 'button',
    action_id: `choice:${i}`,
    text: { type: 'plain_text', text: clip(text, LIMITS.button), emoji: true },
    value: encodeValue(c.payload),
    ...(c.style === 'positive' ? { style: 'primary' } : c.style === 'destructive' ? { style: 'danger' } : {}),
  });
  // Labels too long for a button (whole error messages) get a section each, with a short button.
  if (choices.every((c) => [...c.label].length <= LIMITS.button) && choices.length <= LIMITS.actions)
    return [{ type: 'actions', block_id: 'choices', elements: choices.map((c, i) => button(c, i, c.label)) }];
  return choices.map((c, i) => ({
    ...section(mrkdwn(c.label)),
    block_id: `choice-${i}`,
    accessory: button(c, i, chooseLabel),
  }));
}

function links(card: Card, label?: string): Block[] {
  if (!card.links.length) return [];
  const items = card.links.map((l) => `• <${l.url}|${escapeSlack(l.label).replace(/\|/g, '¦')}>`);
  return sections([label ? `*${escapeSlack(label)}*` : '', ...items].filter(Boolean));
}

export interface BlockKitOptions {
  /** Label of the short button next to a long choice ("Choose"). */
  chooseLabel: string;
}

export function renderBlockKit(card: Card, options: BlockKitOptions): SlackMessage {
  const blocks: Block[] = [];
  if (card.note)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(mrkdwn(card.note), LIMITS.section) }],
    });
  if (card.title)
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(card.title, LIMITS.header), emoji: true },
    });
  switch (card.kind) {
    case 'topic':
      if (card.pin) {
        const lines = [
          `📌 ${card.pin.label}`,
          card.pin.byline,
          ...(card.pin.status ? [card.pin.status] : []),
        ];
        // Names of people: plain text, never read as a mention or markup.
        blocks.push({
          type: 'context',
          elements: [
            {
              type: 'plain_text',
              text: clip(asPlain(lines.join('\n'), card.people), LIMITS.section),
              emoji: true,
            },
          ],
        });
        if (card.pin.note)
          blocks.push({
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: clip(
                  `${escapeSlack(card.pin.noteLabel ?? '')}: ${escapeSlack(card.pin.note)}`,
                  LIMITS.section,
                ),
                verbatim: true,
              },
            ],
          });
      }
      if (card.symptom) blocks.push(section(mrkdwn(card.symptom)));
      if (card.error) blocks.push(section(`*${escapeSlack(card.errorLabel)}*\n> ${escapeSlack(card.error)}`));
      if (card.cause) blocks.push(section(`*${escapeSlack(card.causeLabel)}*\n${mrkdwn(card.cause)}`));
      blocks.push(
        section(
          `*${escapeSlack(card.stage.label)}*${card.stage.intro ? `\n${mrkdwn(card.stage.intro)}` : ''}`,
        ),
      );
      blocks.push(...sections(card.stage.steps.map((s, i) => `${i + 1}. ${mrkdwn(s)}`)));
      blocks.push(...links(card, card.linksLabel));
      if (card.question && card.choices.length) blocks.push(section(`*${escapeSlack(card.question)}*`));
      break;
    case 'question':
      if (card.text) blocks.push(section(mrkdwn(card.text)));
      blocks.push(
        section(`*${escapeSlack(card.question)}*${card.hint ? `\n_${escapeSlack(card.hint)}_` : ''}`),
      );
      break;
    case 'triage':
      blocks.push(
        section(mrkdwn(card.text)),
        section(`*${escapeSlack(card.question)}*\n_${escapeSlack(card.hint)}_`),
      );
      break;
    case 'notFound':
      blocks.push(section(mrkdwn(card.text)));
      blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: clip(`${escapeSlack(card.userTextLabel)}: ${escapeSlack(card.userText)}`, LIMITS.section),
            verbatim: true,
          },
        ],
      });
      if (card.suggestions) blocks.push(section(`*${escapeSlack(card.suggestions)}*`));
      break;
    case 'welcome':
      blocks.push(section(mrkdwn(card.text)));
      break;
    case 'help':
      blocks.push(section(mrkdwn(card.text)), section(mrkdwn(card.commands)));
      break;
    case 'form':
      // Slack asks through a modal: the message carries the button that opens it.
      blocks.push(section(mrkdwn(card.intro)));
      if (card.problem) blocks.push(section(`*${escapeSlack(card.problem)}*`));
      blocks.push({
        type: 'actions',
        block_id: 'form',
        elements: [
          {
            type: 'button',
            action_id: 'open-form',
            style: 'primary',
            text: { type: 'plain_text', text: clip(card.open, LIMITS.button) },
            value: JSON.stringify({ token: card.token }),
          },
        ],
      });
      break;
    case 'ticket': {
      // What users and agents typed (names, answers, notes, file names) is shown as plain text.
      blocks.push(textSection(`**${card.status}**`, card.people));
      blocks.push(...factFields(card.facts, card.people));
      for (const x of card.sections)
        blocks.push(
          section(`*${escapeSlack(x.label)}*`),
          ...chunks(x.items.map((item) => `• ${item}`)).map((c) => textSection(c, card.people)),
        );
      // Claim and Reopen act at once; Ask and Resolve open a modal for the question or the note.
      blocks.push({
        type: 'actions',
        block_id: 'ticket',
        elements: card.choices.map((c) => ({
          type: 'button',
          action_id: `ticket:${c.payload.value.split(':')[0]}`,
          text: { type: 'plain_text', text: clip(c.label, LIMITS.button) },
          value: encodeValue(c.payload),
          ...(c.style === 'positive' ? { style: 'primary' } : {}),
        })),
      });
      return { text: fallback(card), blocks: blocks.slice(0, LIMITS.blocks) };
    }
    case 'digest':
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(card.period) }] });
      blocks.push(...factFields(card.facts));
      blocks.push(
        ...sections([`*${escapeSlack(card.topicsLabel)}*`, ...card.topics.map((t) => `• ${escapeSlack(t)}`)]),
      );
      blocks.push(section(`${escapeSlack(card.reportLabel)}\n\`${escapeSlack(card.command)}\``));
      break;
    case 'notice':
      blocks.push(textSection(card.text, card.people));
      blocks.push(...factFields(card.facts ?? [], card.people));
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
      blocks.push(...links(card));
      break;
  }
  if (card.retirement) {
    // The retirement notice and its Microsoft Learn link, small, under the card's own text.
    const link = card.links.map((l) => `<${l.url}|${escapeSlack(l.label).replace(/\|/g, '¦')}>`).join(' · ');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`${mrkdwn(card.retirement)}\n${link}`, LIMITS.section) }],
    });
  }
  blocks.push(...buttons(card.choices, options.chooseLabel));
  return { text: fallback(card), blocks: blocks.slice(0, LIMITS.blocks) };
}

/**
 * Label and value pairs as section fields, ten to a section. A value that quotes a person
 * (what a user or an agent typed) is plain text, never read as a mention or markup.
 */
function factFields(facts: { label: string; value: string }[], people: readonly string[] = []): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < facts.length; i += 10)
    blocks.push({
      type: 'section',
      fields: facts.slice(i, i + 10).map((f) =>
        quotesPerson(f.value, people)
          ? { type: 'plain_text', text: clip(asPlain(`${f.label}\n${f.value}`, people), 2000), emoji: true }
          : {
              type: 'mrkdwn',
              text: clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, 2000),
              verbatim: true,
            },
      ),
    });
  return blocks;
}

/** The same message once answered: buttons gone, the answer shown. */
export function answeredBlocks(blocks: Block[], answer: string): Block[] {
  const kept = blocks
    .filter((b) => b.type !== 'actions')
    .map((b) => {
      const { accessory: _accessory, ...rest } = b as Block & { accessory?: unknown };
      return rest as Block;
    });
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeSlack(answer)}` }] }];
}
