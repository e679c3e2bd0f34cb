import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import type { Resolution } from '../../src/core/resolver/types.js';
import { parseDataset } from '../../src/evaluation/dataset.js';
import { evaluate, formatReport } from '../../src/evaluation/metrics.js';

const res = (
  topic: string | null,
  candidates: string[],
  lang: Resolution['lang'] = 'en',
  suggestions: string[] = [],
): Resolution => ({
  text: '',
  topic,
  confidence: topic ? 0.9 : 0.1,
  lang,
  clarify: false,
  candidates: candidates.map((t, i) => ({ topic: t, score: 1 - i * 0.1 })),
  suggestions,
  answer: topic
    ? { kind: 'fix', id: topic }
    : { kind: suggestions.length ? 'did-you-mean' : 'unknown', id: null },
});

describe('evaluate', () => {
  const rows = parseDataset(
    [
      '{"text":"a","label":"clock-skew","lang":"en"}',
      '{"text":"b","label":"clock-skew","lang":"ja"}',
      '{"text":"c","label":"triage","lang":"ja"}',
      '{"text":"d","label":"out-of-scope","lang":"en"}',
      '{"text":"e","label":"out-of-scope","lang":"en"}',
    ].join('\n'),
  );
  const report = evaluate(rows, [
    res('clock-skew', ['clock-skew']),
    res('dns-propagation', ['dns-propagation', 'clock-skew']),
    res(null, ['triage']),
    res(null, []),
    res('forgotten-password', ['forgotten-password']),
  ]);

  it('computes top-1 and top-3 accuracy', () => {
    expect(report.top1).toBe(0.4);
    expect(report.top3).toBe(0.8);
  });

  it('computes out-of-scope precision and recall', () => {
    expect(report.outOfScope).toEqual({ precision: 0.5, recall: 0.5, predicted: 2, actual: 2 });
  });

  it('breaks figures down by label and language', () => {
    expect(report.byLabel['clock-skew']).toMatchObject({ total: 2, top1: 1, top3: 2, accuracy: 0.5 });
    expect(report.byLang.ja).toMatchObject({ total: 2, top1: 0, top3: 2, accuracy: 0 });
  });

  it('lists the confusions with examples', () => {
    expect(report.confusions).toContainEqual({
      label: 'clock-skew',
      predicted: 'dns-propagation',
      count: 1,
      examples: ['b'],
    });
    expect(formatReport(report)).toContain('clock-skew -> dns-propagation  x1');
  });
});

describe('the first reply as a helpdesk judges it', () => {
  const rows = parseDataset(
    [
      '{"text":"a","label":"clock-skew","lang":"en","family":"plain"}',
      '{"text":"b","label":"clock-skew","lang":"en","family":"described"}',
      '{"text":"c","label":"clock-skew","lang":"ja","family":"described"}',
      '{"text":"d","label":"out-of-scope","lang":"ja","family":"near-miss"}',
      '{"text":"e","label":"out-of-scope","lang":"ja","family":"near-miss"}',
    ].join('\n'),
  );
  const report = evaluate(rows, [
    res('clock-skew', ['clock-skew']),
    res(null, ['dns-propagation', 'clock-skew'], 'en', ['dns-propagation', 'clock-skew']),
    res(null, ['clock-skew'], 'ja'),
    res(null, ['forgotten-password'], 'ja', ['forgotten-password']),
    res('forgotten-password', ['forgotten-password'], 'ja'),
  ]);

  it('counts the right topic among the suggestions as a useful first reply, not as top-1', () => {
    expect(report.top1).toBe(0.2);
    expect(report.useful).toBe(0.4);
  });

  it('counts a fix shown for a look-alike problem as a wrong fix, and suggestions offered for it as unhelped', () => {
    expect(report.wrongFix).toBe(0.2);
    expect(report.byFamily['near-miss']).toMatchObject({ total: 2, top1: 0, wrongFix: 1, unhelped: 1 });
  });

  it('counts a known problem that got neither its fix nor it among the suggestions as unhelped', () => {
    expect(report.unhelped).toBe(0.4);
    expect(report.byLang.ja).toMatchObject({ total: 3, unhelped: 2, wrongFix: 1 });
    expect(formatReport(report)).toMatch(/useful first\s+40\.0%/);
  });
});

describe('parseDataset', () => {
  it('reads the family and the earlier messages of a conversation', () => {
    expect(parseDataset('{"text":"a","label":"x","family":"follow-up","context":["b"]}')).toEqual([
      { text: 'a', label: 'x', family: 'follow-up', context: ['b'] },
    ]);
    expect(() => parseDataset('{"text":"a","label":"x","context":"b"}')).toThrow(/context/);
  });

  it('names the line of a malformed entry', () => {
    expect(() => parseDataset('{"text":"a","label":"x"}\nnot json', 'set.jsonl')).toThrow(/set\.jsonl:2/);
    expect(() => parseDataset('{"text":"a"}')).toThrow(InvalidInputError);
    expect(() => parseDataset('{"text":"a","label":"x","lang":"fr"}')).toThrow(/unknown lang/);
  });

  it('skips blank lines', () => {
    expect(parseDataset('\n{"text":"a","label":"x"}\n\n')).toHaveLength(1);
  });
});
