/**
 * What came from a person (the helpdesk's question and note, an agent's or a user's name, form
 * answers, file names) is inert on every surface: Adaptive Card TextBlocks and facts, Block Kit
 * sections and fields, the `text` Slack notifications show, and the terminal.
 */
import { describe, expect, it } from 'vitest';
import { CardBuilder } from '../../src/core/cards/build.js';
import type { Card } from '../../src/core/cards/model.js';
import { LANGUAGES } from '../../src/core/i18n/languages.js';
import { AdaptiveCardRenderer } from '../../src/render/adaptive/render.js';
import { renderBlockKit } from '../../src/render/blockkit/render.js';
import { renderText } from '../../src/render/text/render.js';
import { HOSTILE, sampleTicket } from '../helpers/cards.js';
import { realPack } from '../helpers/pack.js';

const pack = realPack();
const build = new CardBuilder(pack);
const adaptive = new AdaptiveCardRenderer();
const LINK = '[open](javascript:alert(1))';
const AGENT = `**Alex** <@U0ADMIN> ${LINK}`;
const QUESTION = `${HOSTILE} ${LINK} \u001b[2J`;

/** The notices a user gets from the helpdesk, and the ticket card, with hostile text in them. */
const cards = (lang: (typeof LANGUAGES)[number]): [string, Card][] => [
  ['claimed', build.notice('ticket.claimed', lang, { agent: AGENT, ref: 'SI-1001' })],
  ['asked', build.notice('ticket.asked', lang, { question: QUESTION, ref: 'SI-1001' })],
  ['resolved', build.notice('ticket.resolved', lang, { agent: AGENT, note: QUESTION, ref: 'SI-1001' })],
  ['reopened', build.notice('ticket.reopened', lang, { agent: AGENT, ref: 'SI-1001' })],
  [
    'ticket',
    build.ticket(
      {
        ...sampleTicket(lang),
        claimedBy: AGENT,
        user: { id: 'U1', name: AGENT },
        history: [
          ...sampleTicket(lang).history,
          { at: '2026-11-22T03:07:00.000Z', actor: AGENT, kind: 'resolved', detail: QUESTION },
        ],
      },
      lang,
    ),
  ],
];

/** Every string of the rendered Adaptive Card that Teams reads as markdown. */
function markdownTexts(json: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (typeof n.value === 'string' && typeof n.title === 'string') out.push(n.value); // facts
    Object.values(n).forEach(walk);
  };
  walk(json);
  return out;
}

describe.each(LANGUAGES)('person text in %s', (lang) => {
  it.each(cards(lang))('%s: inert in Adaptive Cards', (_, card) => {
    const texts = markdownTexts(adaptive.render(card)).join('\n');
    expect(texts).not.toMatch(/\]\(/); // no link syntax
    expect(texts).not.toMatch(/(^|[^\\])\*\*/); // no bold
    expect(texts).not.toMatch(/(^|[^\\])\[open/);
    expect(texts).not.toMatch(/<at>|<@|<!/);
    expect(texts).not.toContain('https://evil');
    expect(texts).toContain('javascript'); // still shown, as typed
  });

  it.each(cards(lang))('%s: inert in Block Kit and its text fallback', (_, card) => {
    const message = renderBlockKit(card, { chooseLabel: 'Choose' });
    expect(message.text).not.toMatch(/<[@!#]|<https?:|<javascript/);
    for (const block of message.blocks) {
      const objects = [
        (block as { text?: { type: string; text: string } }).text,
        ...((block as { fields?: { type: string; text: string }[] }).fields ?? []),
        ...((block as { elements?: { type: string; text: string }[] }).elements ?? []),
      ].filter((o): o is { type: string; text: string } => typeof o?.text === 'string');
      for (const o of objects) {
        expect(o.text).not.toMatch(/<[@!#]|<https?:/);
        // Anything quoting a person is plain text, where Slack reads no formatting or link.
        if (o.text.includes('javascript')) expect(o.type).toBe('plain_text');
      }
    }
  });

  it.each(cards(lang))('%s: no control characters reach the terminal', (_, card) => {
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(renderText(card)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
