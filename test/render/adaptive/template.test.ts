/**
 * The cards' own template expander (src/render/adaptive/template.ts) gives exactly what
 * `adaptivecards-templating` gave: every card file, for every card the bot sends (every
 * topic and stage, every kind of card, hostile user text included), in every language. The
 * library stays a development dependency for this comparison only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import type { CardKind } from '../../../src/core/cards/model.js';
import { templateData, TEMPLATE_FILES } from '../../../src/render/adaptive/render.js';
import { compileTemplate, TemplateError } from '../../../src/render/adaptive/template.js';
import { allCards } from '../../helpers/cards.js';
import { ROOT } from '../../helpers/pack.js';

const cardFile = (kind: CardKind) =>
  JSON.parse(readFileSync(join(ROOT, 'cards', TEMPLATE_FILES[kind]), 'utf8'));

describe('the cards expanded without adaptivecards-templating', () => {
  it('has every file in cards/ in use', () => {
    expect(Object.values(TEMPLATE_FILES).sort()).toEqual(
      readdirSync(join(ROOT, 'cards'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    it('renders every card exactly as the library did', () => {
      const compiled = new Map<CardKind, (root: unknown) => unknown>();
      const kinds = new Set<CardKind>();
      for (const [name, card] of allCards(lang)) {
        const template = cardFile(card.kind);
        const data = templateData(card);
        const ours = (
          compiled.get(card.kind) ??
          compiled.set(card.kind, compileTemplate(template, card.kind)).get(card.kind)!
        )(data);
        const library = new Template(template).expand({ $root: data });
        expect(ours, name).toStrictEqual(library);
        kinds.add(card.kind);
      }
      // Every card file was compared, not only the common ones.
      expect([...kinds].sort()).toEqual(Object.keys(TEMPLATE_FILES).sort());
    });
  });

  it('agrees with the library on what the cards do not use yet: missing values, objects, lists of one', () => {
    const template = {
      type: 'AdaptiveCard',
      a: '${missing}',
      b: 'x ${missing.deeper} y ${n + 1}',
      c: { $when: '${flag}', text: 'dropped' },
      d: [{ $data: '${one}', v: '${$index}: ${$data}' }],
      e: { $data: '${obj}', v: '${name}', w: '${$root.n}' },
      f: [{ $data: '${many}', $when: "${$data != 'b'}", v: '${$data}' }],
      g: '${count(many) > 2 && !(n == 3) || n >= 2}',
    };
    const data = { n: 2, flag: false, one: ['only'], obj: { name: 'inner' }, many: ['a', 'b', 'c'] };
    expect(compileTemplate(template, 'test')(data)).toStrictEqual(
      new Template(template).expand({ $root: data }),
    );
  });

  it('refuses, when the renderer starts, a binding it does not know, naming the file', () => {
    expect(() => compileTemplate({ text: '${formatDateTime(at)}' }, 'ticket.json')).toThrow(TemplateError);
    expect(() => compileTemplate({ text: '${formatDateTime(at)}' }, 'ticket.json')).toThrow(
      'ticket.json: the function formatDateTime() is not supported (only count) in ${formatDateTime(at)}.',
    );
    expect(() => compileTemplate({ $when: 'yes', text: '' }, 'x.json')).toThrow(/x\.json: "\$when"/);
  });
});
