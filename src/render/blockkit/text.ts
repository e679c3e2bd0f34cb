/**
 * Block Kit text within Slack's limits, made safe: every text escaped (&, <, >) before Slack
 * reads it, so "<!channel>" or "<@U123>" typed by a user can never ping anyone; text that quotes
 * a person is plain text (or marked verbatim), so Slack turns nothing in it into a link.
 */
import { mapPeople, quotesPerson } from '../people.js';

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

/** Escapes the three characters Slack's mrkdwn and mention syntax use. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Our content's **bold** as Slack's *bold*, escaped. */
export const mrkdwn = (text: string) => escapeSlack(text).replace(/\*\*(.+?)\*\*/g, '*$1*');

/**
 * Text for a plain_text object, which Slack reads no formatting, mention or link in; angle
 * brackets are turned anyway, so that no copy of it elsewhere reads as `<!here>` either.
 */
const plainText = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

/** Text that quotes a person, as plain text: our own **bold** marks go, the rest as typed. */
export const asPlain = (text: string, people: readonly string[] = []) =>
  plainText(
    mapPeople(
      text,
      people,
      (p) => p,
      (own) => own.replace(/\*\*/g, ''),
    ),
  );

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.section) },
});

/** A section for a text that may quote a person: plain text when it does, else mrkdwn. */
export function textSection(text: string, people: readonly string[] = []): Block {
  if (!quotesPerson(text, people)) return section(mrkdwn(text));
  return {
    type: 'section',
    text: { type: 'plain_text', text: clip(asPlain(text, people), LIMITS.section), emoji: true },
  };
}

/** Whole lines in groups under the section limit (a line longer than that is cut later). */
export function chunks(lines: string[]): string[] {
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
export const sections = (lines: string[]): Block[] => chunks(lines).map(section);

/** A small line of mrkdwn under or above the card's text. */
export const context = (text: string, verbatim = false): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.section), ...(verbatim ? { verbatim: true } : {}) }],
});

/**
 * Label and value pairs as section fields, ten to a section. A value that quotes a person
 * (what a user or an agent typed) is plain text, never read as a mention or markup.
 */
export function factFields(
  facts: { label: string; value: string }[],
  people: readonly string[] = [],
): Block[] {
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
