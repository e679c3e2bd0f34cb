/**
 * Every card the bot can send, for every topic and language, rendered as an Adaptive Card:
 * valid against the official 1.5 schema (../shared/schemas, with the Teams-only `msteams`
 * stripped), parsed by the adaptivecards SDK without warnings, user text escaped, and under
 * Teams' 100 KB message limit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CardBuilder } from '../../src/core/cards/build.js';
import { LANGUAGES } from '../../src/core/i18n/languages.js';
import { AdaptiveCardRenderer, readSubmit } from '../../src/render/adaptive/render.js';
import { allCards, HOSTILE } from '../helpers/cards.js';
import { realPack, ROOT } from '../helpers/pack.js';

const require = createRequire(import.meta.url);
// The SDK's UMD build parses cards without a DOM (its CommonJS entry needs a browser).
const AC = require('adaptivecards/dist/adaptivecards.js');
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');

const SCHEMA_FILE = join(ROOT, '..', 'shared', 'schemas', 'adaptive-card-1.5.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
schema.$id = schema.id;
delete schema.id;
const ajv = new Ajv.default({ strict: false, allErrors: true, validateFormats: false });
ajv.addMetaSchema(draft06);
const validate = ajv.compile(schema);

const pack = realPack();
const build = new CardBuilder(pack);
const renderer = new AdaptiveCardRenderer();

function sdkProblems(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(JSON.stringify(context.getEventAt(i)));
  for (const v of card.validateProperties().failures ?? []) problems.push(JSON.stringify(v));
  return problems;
}

describe.each(LANGUAGES)('Adaptive Cards in %s', (lang) => {
  it.each(allCards(lang))('%s', (_, card) => {
    const json = renderer.render(card);
    const { msteams: _msteams, ...bare } = json as Record<string, unknown>;
    const valid = validate(bare);
    expect(valid ? [] : validate.errors).toEqual([]);
    expect(sdkProblems(json)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(json), 'utf8')).toBeLessThan(100 * 1024);
    expect(JSON.stringify(json)).not.toContain('${'); // every template binding resolved
    expect(card.lang).toBe(lang);
  });
});

describe('the checks themselves', () => {
  it('reject a malformed card', () => {
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] })).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [], msteams: { width: 'Full' } })).toBe(
      false,
    );
    expect(
      sdkProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'x', size: 'Huge' }],
      }),
    ).not.toEqual([]);
  });
});

describe('Adaptive Card content', () => {
  it('shows a topic stage: title, numbered steps, KB links as OpenUrl buttons, Yes/No', () => {
    const json = renderer.render(build.topic('clock-skew', 0, 'en', '3')) as any;
    const texts = JSON.stringify(json.body);
    expect(texts).toContain(pack.text('clock-skew', 'en').title);
    expect(texts).toContain('1. ' + pack.text('clock-skew', 'en').stages['sync-time']!.steps[0]);
    // The button has a short title (Teams cuts long ones off); the full title is in the text.
    expect(json.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'KB 816042',
      url: 'https://go.microsoft.com/fwlink/?linkid=3052&kbid=816042',
    });
    expect(texts).toContain(
      `[${pack.text('clock-skew', 'en').links.kb816042}](https://go.microsoft.com/fwlink/?linkid=3052&kbid=816042)`,
    );
    expect(json.actions.filter((a: any) => a.type === 'Action.Submit').map((a: any) => a.data)).toEqual([
      { action: 'fixed', value: 'yes', token: '3' },
      { action: 'fixed', value: 'no', token: '3' },
    ]);
  });

  it('puts user text in a plain TextRun, with links, mentions and markdown neutralised', () => {
    const json = renderer.render(build.notFound(HOSTILE, [], 'en', '1')) as any;
    const run = json.body.find((b: any) => b.type === 'RichTextBlock').inlines[0];
    expect(run.type).toBe('TextRun');
    expect(run.text).not.toContain('https://');
    expect(run.text).not.toMatch(/<at>|<!channel>/);
    expect(run.text).not.toMatch(/(^|[^\\])\*\*/);
    expect(run.text).not.toMatch(/(^|[^\\])\[click\]/);
    const blocks = json.body
      .filter((b: any) => b.type === 'TextBlock')
      .map((b: any) => b.text)
      .join('\n');
    expect(blocks).not.toContain('evil.example');
  });

  it('gives every link button a short title, and shows every other link in full in the text', () => {
    for (const lang of LANGUAGES)
      for (const [name, card] of allCards(lang)) {
        const json = renderer.render(card) as any;
        const buttons = (json.actions ?? []).filter((a: any) => a.type === 'Action.OpenUrl');
        for (const b of buttons) expect(b.title.length, `${name}: ${b.title}`).toBeLessThanOrEqual(20);
        const body = JSON.stringify(json.body);
        // Each link is reachable: in full in the text, or as a button with a short title.
        for (const link of card.links)
          if (!buttons.some((b: any) => b.url === link.url))
            expect(body, name).toContain(JSON.stringify(link.label).slice(1, -1));
      }
  });

  it('asks the triage question once, as the label of its choices', () => {
    for (const lang of LANGUAGES) {
      const card = build.triage(lang, '2');
      const body = JSON.stringify(renderer.render(card).body);
      expect(body.split(JSON.stringify(card.question).slice(1, -1)).length - 1).toBe(1);
    }
  });

  it('shows what a user sent as read-only facts, defanged, with no inputs and no buttons', () => {
    const card = {
      ...build.notice('form.sent', 'en'),
      facts: [{ label: 'The exact error', value: HOSTILE }],
    };
    const json = renderer.render(card) as any;
    const facts = json.body.find((b: any) => b.type === 'FactSet').facts;
    expect(facts[0].title).toBe('The exact error');
    expect(facts[0].value).not.toMatch(/<at>|https:\/\//);
    expect(JSON.stringify(json.body)).not.toContain('Input.');
    expect(json.actions ?? []).toEqual([]);
  });

  it('fills a form asked again with the answers already given', () => {
    const card = build.form('en', '3', 2, 'problem', { client: 'lync2013', os: 'windows7' });
    const inputs = JSON.stringify(renderer.render(card).body);
    expect(inputs).toContain('"id":"client"');
    const json = renderer.render(card) as any;
    const all = json.body.flatMap((b: any) => b.items ?? [b]);
    expect(all.find((i: any) => i.id === 'client').value).toBe('lync2013');
    expect(all.find((i: any) => i.id === 'os').value).toBe('windows7');
    expect(all.find((i: any) => i.id === 'error').value).toBe('');
  });

  it('carries a plain-text fallback for notifications', () => {
    const json = renderer.render(build.topic('wrong-version', 0, 'ja', '1')) as any;
    expect(json.fallbackText).toContain(pack.text('wrong-version', 'ja').title);
  });

  it('reads back what its buttons and the triage form send', () => {
    expect(readSubmit({ action: 'fixed', value: 'no', token: '4' })).toEqual({
      action: { action: 'fixed', value: 'no', token: '4' },
    });
    expect(readSubmit({ action: 'form', value: 'triage', token: '5', choice: 'topic:clock-skew' })).toEqual({
      action: { action: 'topic', value: 'clock-skew', token: '5' },
    });
    expect(
      readSubmit({
        action: 'form',
        value: 'triage',
        token: '5',
        choice: 'option:none',
        text: ' my clock is off ',
      }),
    ).toEqual({
      text: ' my clock is off ',
    });
    expect(readSubmit({ action: 'launch-missiles' })).toEqual({});
    expect(readSubmit('nonsense')).toEqual({});
  });
});
