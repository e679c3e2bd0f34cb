/**
 * Accuracy figures for the resolver on a labelled set: top-1 and top-3, out-of-scope precision
 * and recall, the same per label and per language, and which labels get confused for which.
 */
import type { Resolution } from '../core/resolver/types.js';
import { type LabelledQuestion, OUT_OF_SCOPE } from './dataset.js';

export interface Tally {
  total: number;
  top1: number;
  top3: number;
}

export interface EvaluationReport {
  total: number;
  top1: number;
  top3: number;
  outOfScope: { precision: number; recall: number; predicted: number; actual: number };
  byLabel: Record<string, Tally & { accuracy: number }>;
  byLang: Record<string, Tally & { accuracy: number }>;
  confusions: { label: string; predicted: string; count: number; examples: string[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10000) / 10000);

export function evaluate(rows: LabelledQuestion[], predictions: Resolution[]): EvaluationReport {
  const byLabel = new Map<string, Tally>();
  const byLang = new Map<string, Tally>();
  const confusions = new Map<
    string,
    { label: string; predicted: string; count: number; examples: string[] }
  >();
  let top1 = 0;
  let top3 = 0;
  let predictedOos = 0;
  let actualOos = 0;
  let correctOos = 0;
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    const predicted = p.topic ?? OUT_OF_SCOPE;
    const hit1 = predicted === row.label;
    const hit3 =
      row.label === OUT_OF_SCOPE ? hit1 : p.candidates.slice(0, 3).some((c) => c.topic === row.label);
    if (hit1) top1++;
    if (hit3) top3++;
    if (predicted === OUT_OF_SCOPE) predictedOos++;
    if (row.label === OUT_OF_SCOPE) actualOos++;
    if (hit1 && predicted === OUT_OF_SCOPE) correctOos++;
    const lang = row.lang ?? p.lang;
    for (const [map, key] of [
      [byLabel, row.label],
      [byLang, lang],
    ] as const) {
      const t = map.get(key) ?? { total: 0, top1: 0, top3: 0 };
      t.total++;
      if (hit1) t.top1++;
      if (hit3) t.top3++;
      map.set(key, t);
    }
    if (!hit1) {
      const key = `${row.label} -> ${predicted}`;
      const c = confusions.get(key) ?? { label: row.label, predicted, count: 0, examples: [] };
      c.count++;
      if (c.examples.length < 3) c.examples.push(row.text);
      confusions.set(key, c);
    }
  });
  const withAccuracy = (m: Map<string, Tally>) =>
    Object.fromEntries(
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, t]) => [k, { ...t, accuracy: ratio(t.top1, t.total) }]),
    );
  return {
    total: rows.length,
    top1: ratio(top1, rows.length),
    top3: ratio(top3, rows.length),
    outOfScope: {
      precision: ratio(correctOos, predictedOos),
      recall: ratio(correctOos, actualOos),
      predicted: predictedOos,
      actual: actualOos,
    },
    byLabel: withAccuracy(byLabel),
    byLang: withAccuracy(byLang),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** A plain-text report for people reading a terminal. */
export function formatReport(r: EvaluationReport): string {
  const lines = [
    `questions      ${r.total}`,
    `top-1          ${pct(r.top1)}`,
    `top-3          ${pct(r.top3)}`,
    `out-of-scope   precision ${pct(r.outOfScope.precision)}  recall ${pct(r.outOfScope.recall)}  (${r.outOfScope.actual} in the set, ${r.outOfScope.predicted} answered "not something I know")`,
    '',
    'by language    total  top-1   top-3',
  ];
  for (const [lang, t] of Object.entries(r.byLang))
    lines.push(
      `  ${lang.padEnd(13)}${String(t.total).padStart(5)}  ${pct(t.accuracy).padStart(6)}  ${pct(t.top3 / t.total).padStart(6)}`,
    );
  lines.push('', 'by label                      total  top-1   top-3');
  for (const [label, t] of Object.entries(r.byLabel))
    lines.push(
      `  ${label.padEnd(28)}${String(t.total).padStart(5)}  ${pct(t.accuracy).padStart(6)}  ${pct(t.top3 / t.total).padStart(6)}`,
    );
  lines.push('', r.confusions.length ? 'confusions (label -> answered)' : 'confusions: none');
  for (const c of r.confusions) {
    lines.push(`  ${c.label} -> ${c.predicted}  x${c.count}`);
    for (const e of c.examples) lines.push(`      ${JSON.stringify(e)}`);
  }
  return lines.join('\n');
}
