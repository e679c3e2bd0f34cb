/**
 * The resolver's accuracy targets, on the shared labelled set (tuned on) and on a held-out set
 * written without looking at the bot's phrasings (test/fixtures/holdout.jsonl).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/evaluation/dataset.js';
import { evaluate } from '../../src/evaluation/metrics.js';
import { realResolver, ROOT } from '../helpers/pack.js';

const DEV = join(ROOT, '..', 'shared', 'eval', 'dev.jsonl');
const HOLDOUT = join(ROOT, 'test', 'fixtures', 'holdout.jsonl');

function run(file: string) {
  const rows = parseDataset(readFileSync(file, 'utf8'), file);
  return evaluate(
    rows,
    rows.map((r) => realResolver().resolve(r.text)),
  );
}

describe('accuracy on the shared dev set', () => {
  it('is where the evaluation expects it (../shared beside the project)', () => {
    expect(existsSync(DEV), `${DEV} is missing: clone the project with ../shared beside it`).toBe(true);
  });

  const report = run(DEV);

  it('has top-1 of at least 95%', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.95);
  });

  it('has at least 90% top-1 in each language', () => {
    for (const [lang, t] of Object.entries(report.byLang))
      expect(t.accuracy, lang).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(report.byLang).sort()).toEqual(['en', 'ja', 'zh-CN', 'zh-TW']);
  });

  it('answers at least 90% of out-of-scope questions with no topic', () => {
    expect(report.outOfScope.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('accuracy on phrasings the bot has never seen', () => {
  const report = run(HOLDOUT);

  it('keeps top-1 above 85% and top-3 above 95%', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.85);
    expect(report.top3).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every language above 80%', () => {
    for (const [lang, t] of Object.entries(report.byLang))
      expect(t.accuracy, lang).toBeGreaterThanOrEqual(0.8);
  });

  it('answers at least 85% of out-of-scope questions with no topic', () => {
    expect(report.outOfScope.recall).toBeGreaterThanOrEqual(0.85);
  });
});
