/** Every card in every language as Block Kit: within Slack's limits, steps whole, user text inert. */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/i18n/languages.js';
import { type Block, LIMITS, renderBlockKit } from '../../src/render/blockkit/render.js';
import { CardBuilder } from '../../src/core/cards/build.js';
import { allCards, HOSTILE } from '../helpers/cards.js';
import { realPack } from '../helpers/pack.js';

const pack = realPack();
const len = (s: string) => [...s].length;

/** Every text object in the blocks, with where it sits. */
function texts(blocks: Block[]): { where: string; type: string; text: string }[] {
  const out: { where: string; type: string; text: string }[] = [];
  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string')
        out.push({ where, type: o.type, text: o.text });
      for (const [k, x] of Object.entries(o)) walk(x, `${where}.${k}`);
    }
  };
  walk(blocks, 'blocks');
  return out;
}

describe.each(LANGUAGES)('Block Kit in %s', (lang) => {
  it.each(allCards(lang))('%s', (_, card) => {
    const { text, blocks } = renderBlockKit(card, { chooseLabel: pack.message('slack.choose', lang) });
    expect(text.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const b of blocks) {
      if (b.type === 'header')
        expect(len((b.text as { text: string }).text)).toBeLessThanOrEqual(LIMITS.header);
      if (b.type === 'section' && b.text)
        expect(len((b.text as { text: string }).text)).toBeLessThanOrEqual(LIMITS.section);
      if (b.type === 'section' && b.fields) {
        expect((b.fields as unknown[]).length).toBeLessThanOrEqual(10);
        for (const f of b.fields as { text: string }[]) expect(len(f.text)).toBeLessThanOrEqual(2000);
      }
      if (b.type === 'context') expect((b.elements as unknown[]).length).toBeLessThanOrEqual(10);
      const elements = b.type === 'actions' ? (b.elements as any[]) : b.accessory ? [b.accessory] : [];
      if (b.type === 'actions') expect(elements.length).toBeLessThanOrEqual(LIMITS.actions);
      for (const e of elements) {
        expect(len(e.text.text)).toBeLessThanOrEqual(LIMITS.button);
        expect(e.value.length).toBeLessThanOrEqual(LIMITS.value);
        expect(e.action_id.length).toBeLessThanOrEqual(LIMITS.actionId);
      }
    }
    // Nothing in any text can be read by Slack as a mention, a broadcast or a link, but our own links.
    for (const t of texts(blocks)) expect(t.text, t.where).not.toMatch(/<[@!#]/);
    if (card.kind === 'topic') {
      const all = texts(blocks)
        .map((t) => t.text)
        .join('\n');
      for (const step of card.stage.steps) {
        const shown = step
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/\*\*(.+?)\*\*/g, '*$1*');
        expect(all, 'a step was cut').toContain(shown);
      }
      for (const link of card.links) expect(all).toContain(`<${link.url}|`);
    }
    if (card.choices.length) {
      const values = blocks
        .flatMap((b) => (b.type === 'actions' ? (b.elements as any[]) : b.accessory ? [b.accessory] : []))
        .map((e) => JSON.parse(e.value));
      expect(values).toEqual(card.choices.map((c) => c.payload));
    }
  });
});

describe('Block Kit', () => {
  it('shows hostile user text escaped and verbatim, pinging no one', () => {
    const card = new CardBuilder(pack).notFound(HOSTILE, [], 'en', '1');
    const { blocks } = renderBlockKit(card, { chooseLabel: 'Choose' });
    const user = texts(blocks).find((t) => t.text.includes('boss'))!;
    expect(user.type).toBe('mrkdwn');
    expect(JSON.stringify(blocks)).toContain('"verbatim":true');
    expect(user.text).not.toMatch(/<!channel>|<!here>|<@U024BE7LH>/);
    expect(user.text).toContain('&lt;!channel&gt;');
  });

  it('splits a very long stage between steps, never inside one', () => {
    const builder = new CardBuilder(pack);
    const base = builder.topic('personal-certificate', 1, 'en', '1');
    const long = 'x'.repeat(1200);
    const card = {
      ...base,
      stage: { ...base.stage, steps: Array.from({ length: 8 }, (_, i) => `step ${i} ${long}`) },
    };
    const { blocks } = renderBlockKit(card, { chooseLabel: 'Choose' });
    const stepSections = blocks.filter(
      (b) => b.type === 'section' && /^\d+\. step/.test((b.text as any).text),
    );
    expect(stepSections.length).toBeGreaterThan(2);
    for (const s of stepSections) {
      const lines = (s.text as any).text.split('\n');
      for (const line of lines) expect(line).toMatch(/^\d+\. step \d x{1200}$/);
    }
  });

  it('gives long choices a section each with a short button', () => {
    const { blocks } = renderBlockKit(new CardBuilder(pack).triage('en', '1'), { chooseLabel: 'Choose' });
    const withButton = blocks.filter((b) => b.accessory);
    expect(withButton.length).toBe(7);
    expect(JSON.stringify(withButton)).toContain(
      'Cannot verify that the server is trusted for your sign-in address. Connect anyway?',
    );
  });
});
