/**
 * The resolver index built once (`npm run build`) and read back at start: the same answers as
 * the index built in memory, on every labelled set (dev, holdout, chat-dev: the same topic,
 * score and candidates), and a file made from other content is never used.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgePack } from '../../../src/core/knowledge/load.js';
import { loadIndex, writeIndex } from '../../../src/core/resolver/prebuilt.js';
import { Resolver } from '../../../src/core/resolver/resolver.js';
import { parseDataset } from '../../../src/evaluation/dataset.js';
import { predict } from '../../../src/evaluation/predict.js';
import { contentCopy, editJson, realPack, realResolver, ROOT } from '../../helpers/pack.js';

const SETS = [
  join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'),
  join(ROOT, 'test', 'fixtures', 'holdout.jsonl'),
  join(ROOT, 'test', 'fixtures', 'chat-dev.jsonl'),
].filter((f) => existsSync(f));
const where = () => join(mkdtempSync(join(tmpdir(), 'signin-index-')), 'resolver-index.json');

describe('the prebuilt resolver index', () => {
  let file: string;
  beforeAll(() => {
    file = where();
    writeIndex(realPack(), ROOT, file);
  }, 120_000);

  it('is read back, and answers every labelled message exactly as the index built in memory', () => {
    const said: string[] = [];
    const read = new Resolver(
      realPack(),
      loadIndex(realPack(), ROOT, (l) => said.push(l), file),
    );
    expect(said).toEqual([expect.stringMatching(/^resolver index: read from .* \(\d+ ms\)$/)]);
    expect(SETS.length).toBeGreaterThanOrEqual(2);
    let messages = 0;
    for (const set of SETS) {
      const rows = parseDataset(readFileSync(set, 'utf8'), set);
      expect(predict(read, rows)).toStrictEqual(predict(realResolver(), rows));
      messages += rows.length;
    }
    expect(messages).toBeGreaterThan(400);
  }, 120_000);

  it('is not used when the content changed since it was built: built in memory, and said so', () => {
    const root = contentCopy();
    const copied = join(root, 'resolver-index.json');
    writeIndex(loadKnowledgePack(root), root, copied);
    editJson(root, 'locales/en/phrasings.json', (p) =>
      p['clock-skew'].push('my wristwatch disagrees with the server'),
    );
    const pack = loadKnowledgePack(root);
    const said: string[] = [];
    const resolver = new Resolver(
      pack,
      loadIndex(pack, root, (l) => said.push(l), copied),
    );
    expect(said).toEqual([
      expect.stringMatching(
        /was made from other content or code \(npm run build remakes it\); built in memory/,
      ),
    ]);
    expect(resolver.resolve('my wristwatch disagrees with the server').topic).toBe('clock-skew');
  }, 120_000);

  it('is built in memory, and said so, when the file is missing or damaged', () => {
    const said: string[] = [];
    const missing = where();
    loadIndex(realPack(), ROOT, (l) => said.push(l), missing);
    const damaged = where();
    writeFileSync(damaged, '{"hash": "abc", "terms": [');
    loadIndex(realPack(), ROOT, (l) => said.push(l), damaged);
    // A whole header, from this very content, and its arrays cut off half way.
    const cut = where();
    writeIndex(realPack(), ROOT, cut);
    const bytes = readFileSync(cut);
    writeFileSync(cut, bytes.subarray(0, bytes.indexOf(10) + (bytes.length - bytes.indexOf(10)) / 2));
    loadIndex(realPack(), ROOT, (l) => said.push(l), cut);
    expect(said).toEqual([
      expect.stringContaining(`no prebuilt index at ${missing}; built in memory`),
      expect.stringMatching(/the prebuilt index .* cannot be read \(.*JSON.*\); built in memory/),
      expect.stringMatching(/the prebuilt index .* cannot be read \(.*cut short\); built in memory/),
    ]);
  }, 120_000);
});
