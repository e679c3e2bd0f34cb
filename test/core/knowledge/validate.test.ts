import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentIssueCode, ContentValidationError } from '../../../src/core/knowledge/errors.js';
import { loadKnowledgePack } from '../../../src/core/knowledge/load.js';
import { contentCopy, editJson, realPack } from '../../helpers/pack.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function broken(edit: (dir: string) => void): ContentValidationError {
  const dir = contentCopy();
  dirs.push(dir);
  edit(dir);
  try {
    loadKnowledgePack(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentValidationError);
    return e as ContentValidationError;
  }
  throw new Error('the broken pack loaded');
}

describe('knowledge pack validation', () => {
  it('loads the real pack cleanly', () => {
    const dir = contentCopy();
    dirs.push(dir);
    expect(loadKnowledgePack(dir).topics.size).toBe(15);
  });

  it('fails on a missing translation, naming the file and key', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/ja/topics.json', (d) => delete d['clock-skew'].stages['sync-time'].title),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingTranslation,
        file: 'locales/ja/topics.json',
        key: 'clock-skew.stages.sync-time.title',
      }),
    );
    expect(error.message).toContain('locales/ja/topics.json: clock-skew.stages.sync-time.title');
  });

  it('fails on a whole topic missing in one language', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/zh-TW/topics.json', (d) => delete d['not-licensed']),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingTranslation,
        file: 'locales/zh-TW/topics.json',
        key: 'not-licensed',
      }),
    );
  });

  it('fails on a fact that differs between languages (a stale DNS value)', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/ja/topics.json', (d) => {
        const steps: string[] = d['server-unavailable-dns'].stages['add-cname'].steps;
        d['server-unavailable-dns'].stages['add-cname'].steps = steps.map((s) =>
          s.replace('sipdir.online.lync.com', 'sipdir.online.microsoft.com'),
        );
      }),
    );
    const issue = error.issues.find((i) => i.code === ContentIssueCode.FactMismatch);
    expect(issue).toMatchObject({ file: 'locales/ja/topics.json' });
    expect(issue?.key).toMatch(/^server-unavailable-dns\.stages\.add-cname\.steps\[\d\]$/);
    expect(issue?.message).toContain('sipdir.online.lync.com');
    expect(issue?.message).toContain('sipdir.online.microsoft.com');
    // The declared fact is now missing from the Japanese topic as a whole, too.
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingFact,
        file: 'locales/ja/topics.json',
        key: 'server-unavailable-dns',
      }),
    );
  });

  it('fails on a changed number (72 hours) in one language', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/zh-CN/topics.json', (d) => {
        const stage = d['dns-propagation'].stages['check-and-wait'];
        stage.steps = stage.steps.map((s: string) => s.replace('72', '48'));
      }),
    );
    expect(
      error.issues.some((i) => i.code === ContentIssueCode.FactMismatch && i.message.includes('"72"')),
    ).toBe(true);
  });

  it('fails on a step list that does not line up with English', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/zh-TW/topics.json', (d) =>
        d['forgotten-password'].stages['reset-password'].steps.pop(),
      ),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.StepCountMismatch,
        file: 'locales/zh-TW/topics.json',
        key: 'forgotten-password.stages.reset-password.steps',
      }),
    );
  });

  it('fails on a reference to an unknown topic', () => {
    const error = broken((dir) =>
      editJson(dir, 'dialogs/topics/clock-skew.json', (d) => d.next.push('clock-skwe')),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.UnknownTopic,
        file: 'dialogs/topics/clock-skew.json',
        key: 'next[1]',
      }),
    );
  });

  it('fails on malformed links: not https, or pointing at another KB article', () => {
    const error = broken((dir) =>
      editJson(dir, 'dialogs/topics/clock-skew.json', (d) => {
        d.links[0].url = 'http://go.microsoft.com/fwlink/?linkid=3052&kbid=816042';
        d.links.push({
          id: 'other',
          kb: '2409256',
          url: 'https://go.microsoft.com/fwlink/?linkid=3052&kbid=816042',
        });
      }),
    );
    const links = error.issues.filter((i) => i.code === ContentIssueCode.MalformedLink);
    expect(links.map((i) => i.key)).toEqual(['links[0].url', 'links[1].url']);
    expect(links[0]!.message).toContain('https');
  });

  it('fails on malformed JSON, naming the file', () => {
    const error = broken((dir) => writeFileSync(join(dir, 'locales/ja/phrasings.json'), '{ "triage": [ }'));
    expect(error.issues[0]).toMatchObject({
      code: ContentIssueCode.MalformedJson,
      file: 'locales/ja/phrasings.json',
    });
  });

  it('fails on lexicon domain words that are not a list', () => {
    const error = broken((dir) => editJson(dir, 'locales/zh-TW/lexicon.json', (d) => (d.domain = '登入')));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.InvalidStructure,
        file: 'locales/zh-TW/lexicon.json',
        key: 'domain',
      }),
    );
  });

  it('fails when a language misses an interface message or changes its placeholders', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/ja/common.json', (d) => {
        delete d.topic.cause;
        d.tooLong = '長すぎます';
      }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingTranslation,
        file: 'locales/ja/common.json',
        key: 'topic.cause',
      }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.FactMismatch,
        file: 'locales/ja/common.json',
        key: 'tooLong',
      }),
    );
  });

  it('reports every problem at once', () => {
    const error = broken((dir) => {
      editJson(dir, 'locales/ja/topics.json', (d) => delete d.triage.question);
      editJson(dir, 'dialogs/topics/triage.json', (d) => d.triage.errors.push('nope'));
    });
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
  });

  it('fails on a fact without a source, and on a cited or localized link that is not https', () => {
    const error = broken((dir) => {
      editJson(dir, 'dialogs/topics/clock-skew.json', (d) => delete d.citations['w32tm /resync']);
      editJson(dir, 'dialogs/topics/user-not-sip-enabled.json', (d) => {
        d.links[0].urls.ja = 'http://learn.microsoft.com/ja-jp/x';
        d.citations['Set-ADUser'] = 'not a url';
      });
      editJson(dir, 'dialogs/topics/cert-trust-dialog.json', (d) => delete d.errorSources.ja[0].url);
    });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: ContentIssueCode.MissingCitation,
          file: 'dialogs/topics/clock-skew.json',
          key: 'citations.w32tm /resync',
        }),
        expect.objectContaining({ code: ContentIssueCode.MalformedLink, key: 'links[0].urls.ja' }),
        expect.objectContaining({ code: ContentIssueCode.MalformedLink, key: 'citations.Set-ADUser' }),
        expect.objectContaining({ code: ContentIssueCode.MissingCitation, key: 'errorSources.ja[0]' }),
      ]),
    );
  });

  it('fails when a language drops a cited fact of the log steps (the Lync 2010 folder)', () => {
    const error = broken((dir) =>
      editJson(dir, 'locales/zh-TW/common.json', (d) => {
        d.logs.steps[2] = d.logs.steps[2].replace('%userprofile%\\Tracing', '%userprofile%');
      }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.MissingFact,
        file: 'locales/zh-TW/common.json',
        key: 'logs.steps',
      }),
    );
  });
});

/**
 * The topics the code relies on (the triage menu, the hand-over) are found by their kind in
 * the pack, and the validator refuses a pack that has none, or two, of either.
 */
describe('topic roles', () => {
  it('finds the triage menu and the hand-over by their kind', () => {
    const pack = realPack();
    expect(pack.topic(pack.triage).kind).toBe('triage');
    expect(pack.topic(pack.handOver).kind).toBe('escalate');
    expect([pack.triage, pack.handOver]).toEqual(['triage', 'collect-logs']);
  });

  it('refuses a pack without a hand-over topic, naming the kind', () => {
    const { issues } = broken((dir) =>
      editJson(dir, 'dialogs/topics/collect-logs.json', (d) => (d.kind = 'fix')),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: ContentIssueCode.InvalidStructure,
        key: 'kind',
        message: 'no topic has kind "escalate"; the bot needs exactly one',
      }),
    );
  });

  it('refuses a second triage topic, naming both', () => {
    const { issues } = broken((dir) => {
      const triage = JSON.parse(readFileSync(join(dir, 'dialogs/topics/triage.json'), 'utf8'));
      writeFileSync(
        join(dir, 'dialogs/topics/triage-again.json'),
        JSON.stringify({ ...triage, id: 'triage-again' }),
      );
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'dialogs/topics/triage-again.json',
        key: 'kind',
        message: '2 topics have kind "triage" (triage-again, triage); the bot needs exactly one',
      }),
    );
  });
});
