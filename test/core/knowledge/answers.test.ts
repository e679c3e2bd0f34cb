/** Replies that are not fixes are content: a new one loads without code, a broken one is named. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentIssueCode, ContentValidationError } from '../../../src/core/knowledge/errors.js';
import { loadKnowledgePack } from '../../../src/core/knowledge/load.js';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { Resolver } from '../../../src/core/resolver/resolver.js';
import { contentCopy, editJson } from '../../helpers/pack.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const copy = () => {
  const dir = contentCopy();
  dirs.push(dir);
  return dir;
};
const issues = (dir: string) => {
  try {
    loadKnowledgePack(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentValidationError);
    return (e as ContentValidationError).issues;
  }
  throw new Error('the broken pack loaded');
};

describe('answers as data', () => {
  it('a content author adds a neighbour redirect with two files and no code', () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'dialogs/answers/printer-jam.json'),
      JSON.stringify({ id: 'printer-jam', kind: 'near-miss', links: [] }),
    );
    for (const lang of LANGUAGES)
      editJson(dir, `locales/${lang}/answers.json`, (d) => {
        d['printer-jam'] = {
          title: 'That sounds like a printer',
          text: 'I only know sign-in problems.',
          phrasings: ['printer jammed', 'paper jam in the printer'],
        };
      });
    const resolver = new Resolver(loadKnowledgePack(dir));
    expect(resolver.resolve('the printer on floor three has a paper jam').answer).toEqual({
      kind: 'near-miss',
      id: 'printer-jam',
    });
  });

  it('names the file and key of a missing text, an unknown kind and a bad link', () => {
    const dir = copy();
    editJson(dir, 'locales/ja/answers.json', (d) => delete d['mail-dns'].phrasings);
    editJson(dir, 'dialogs/answers/bye.json', (d) => (d.kind = 'farewell'));
    editJson(
      dir,
      'dialogs/answers/skype-online-retirement.json',
      (d) => (d.links[0].url = 'http://example.com'),
    );
    const found = issues(dir);
    expect(found).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingTranslation,
        file: 'locales/ja/answers.json',
        key: 'mail-dns.phrasings',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.InvalidStructure,
        file: 'dialogs/answers/bye.json',
        key: 'kind',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MalformedLink,
        file: 'dialogs/answers/skype-online-retirement.json',
        key: 'links[0].url',
      }),
    );
  });

  it('refuses an answer that takes a topic id, and text for an answer that does not exist', () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'dialogs/answers/clock-skew.json'),
      JSON.stringify({ id: 'clock-skew', kind: 'near-miss', links: [] }),
    );
    editJson(dir, 'locales/en/answers.json', (d) => (d['no-such-answer'] = d.bye));
    const found = issues(dir);
    expect(found).toContainEqual(
      expect.objectContaining({ file: 'dialogs/answers/clock-skew.json', key: 'id' }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ code: ContentIssueCode.UnknownTopic, key: 'no-such-answer' }),
    );
  });
});
