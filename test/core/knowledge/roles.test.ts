/**
 * The topics the code relies on (the triage menu, the hand-over) are found by their kind in
 * the pack, and the validator refuses a pack that has none, or two, of either.
 */
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

function issuesAfter(edit: (dir: string) => void) {
  const dir = contentCopy();
  dirs.push(dir);
  edit(dir);
  try {
    loadKnowledgePack(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentValidationError);
    return (e as ContentValidationError).issues;
  }
  throw new Error('the pack loaded');
}

describe('topic roles', () => {
  it('finds the triage menu and the hand-over by their kind', () => {
    const pack = realPack();
    expect(pack.topic(pack.triage).kind).toBe('triage');
    expect(pack.topic(pack.handOver).kind).toBe('escalate');
    expect([pack.triage, pack.handOver]).toEqual(['triage', 'collect-logs']);
  });

  it('refuses a pack without a hand-over topic, naming the kind', () => {
    const issues = issuesAfter((dir) =>
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
    const issues = issuesAfter((dir) => {
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
