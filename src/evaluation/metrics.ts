/**
 * Accuracy figures for the resolver on a labelled set, as a helpdesk would judge its first reply:
 *
 * - top-1: the right topic's fix, or, for a message outside what the bot knows, neither a fix
 *   nor "did you mean" suggestions (offering sign-in topics to someone whose Windows password
 *   expired sends them the wrong way, even without a fix);
 * - useful first reply: that, or the right topic among the "did you mean" suggestions;
 * - wrong fix: a topic's fix shown that is not the right one (a fix for a look-alike problem
 *   from another product included);
 * - unhelped: neither (no fix and no right suggestion for a message the bot knows, or
 *   suggestions offered for one it does not).
 *
 * Also top-3 of the ranked candidates, out-of-scope precision and recall, the same per label,
 * per language and per family of message, and which labels get confused for which.
 */
import type { Resolution } from '../core/resolver/types.js';
import { type LabelledQuestion, OUT_OF_SCOPE } from './dataset.js';

export interface Tally {
  total: number;
  top1: number;
  top3: number;
  useful: number;
  wrongFix: number;
  unhelped: number;
}

export type Rates = Tally & {
  accuracy: number;
  usefulRate: number;
  wrongFixRate: number;
  unhelpedRate: number;
};

export interface EvaluationReport {
  total: number;
  top1: number;
  top3: number;
  /** Share of messages whose first reply is the right fix or offers it among the suggestions. */
  useful: number;
  /** Share of messages shown a fix that is not the right one. */
  wrongFix: number;
  /** Share of messages that get neither the right reply nor the right topic among the suggestions. */
  unhelped: number;
  outOfScope: { precision: number; recall: number; predicted: number; actual: number };
  byLabel: Record<string, Rates>;
  byLang: Record<string, Rates>;
  byFamily: Record<string, Rates>;
  confusions: { label: string; predicted: string; count: number; examples: string[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10000) / 10000);
const empty = (): Tally => ({ total: 0, top1: 0, top3: 0, useful: 0, wrongFix: 0, unhelped: 0 });

/** What the bot's first reply did for one message. */
export function judge(
  label: string,
  p: Resolution,
): { top1: boolean; top3: boolean; useful: boolean; wrongFix: boolean } {
  const predicted = p.topic ?? OUT_OF_SCOPE;
  const suggested = (p.suggestions ?? []).length > 0;
  const top1 = predicted === label && !(label === OUT_OF_SCOPE && suggested);
  const top3 = label === OUT_OF_SCOPE ? top1 : p.candidates.slice(0, 3).some((c) => c.topic === label);
  const useful = top1 || (label !== OUT_OF_SCOPE && (p.suggestions ?? []).includes(label));
  const wrongFix = p.topic !== null && p.topic !== label;
  return { top1, top3, useful, wrongFix };
}

type Confusion = EvaluationReport['confusions'][number];
type Judgement = ReturnType<typeof judge>;

/** The tallies one message counts in: the whole set, its label, its language, its family. */
interface Groups {
  all: Tally;
  byLabel: Map<string, Tally>;
  byLang: Map<string, Tally>;
  byFamily: Map<string, Tally>;
}

function talliesFor(groups: Groups, row: LabelledQuestion, p: Resolution): Tally[] {
  const keyed = [
    [groups.byLabel, row.label],
    [groups.byLang, row.lang ?? p.lang],
    [groups.byFamily, row.family ?? '-'],
  ] as const;
  return [
    groups.all,
    ...keyed.map(([map, key]) => {
      const t = map.get(key) ?? empty();
      map.set(key, t);
      return t;
    }),
  ];
}

function count(t: Tally, j: Judgement): void {
  t.total++;
  if (j.top1) t.top1++;
  if (j.top3) t.top3++;
  if (j.useful) t.useful++;
  if (j.wrongFix) t.wrongFix++;
  if (!j.useful && !j.wrongFix) t.unhelped++;
}

/** A message not answered right: what it got instead (a fix, suggestions, or nothing), with examples. */
function confuse(confusions: Map<string, Confusion>, row: LabelledQuestion, p: Resolution): void {
  const shown = p.topic ?? (p.suggestions?.length ? `suggestions[${p.suggestions.join(',')}]` : OUT_OF_SCOPE);
  const key = `${row.label} -> ${shown}`;
  const c = confusions.get(key) ?? { label: row.label, predicted: shown, count: 0, examples: [] };
  c.count++;
  if (c.examples.length < 3) c.examples.push(row.text);
  confusions.set(key, c);
}

const rates = (t: Tally): Rates => ({
  ...t,
  accuracy: ratio(t.top1, t.total),
  usefulRate: ratio(t.useful, t.total),
  wrongFixRate: ratio(t.wrongFix, t.total),
  unhelpedRate: ratio(t.unhelped, t.total),
});

const withRates = (m: Map<string, Tally>) =>
  Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, rates(t)]));

export function evaluate(rows: LabelledQuestion[], predictions: Resolution[]): EvaluationReport {
  const groups: Groups = { all: empty(), byLabel: new Map(), byLang: new Map(), byFamily: new Map() };
  const confusions = new Map<string, Confusion>();
  let predictedOos = 0;
  let actualOos = 0;
  let correctOos = 0;
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    const predicted = p.topic ?? OUT_OF_SCOPE;
    const j = judge(row.label, p);
    if (predicted === OUT_OF_SCOPE) predictedOos++;
    if (row.label === OUT_OF_SCOPE) actualOos++;
    if (j.top1 && predicted === OUT_OF_SCOPE) correctOos++;
    for (const t of talliesFor(groups, row, p)) count(t, j);
    if (!j.top1) confuse(confusions, row, p);
  });
  const { all } = groups;
  return {
    total: rows.length,
    top1: ratio(all.top1, all.total),
    top3: ratio(all.top3, all.total),
    useful: ratio(all.useful, all.total),
    wrongFix: ratio(all.wrongFix, all.total),
    unhelped: ratio(all.unhelped, all.total),
    outOfScope: {
      precision: ratio(correctOos, predictedOos),
      recall: ratio(correctOos, actualOos),
      predicted: predictedOos,
      actual: actualOos,
    },
    byLabel: withRates(groups.byLabel),
    byLang: withRates(groups.byLang),
    byFamily: withRates(groups.byFamily),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** A plain-text report for people reading a terminal. */
export function formatReport(r: EvaluationReport): string {
  const row = (name: string, t: Rates, width: number) =>
    `  ${name.padEnd(width)}${String(t.total).padStart(5)}  ${[
      t.accuracy,
      t.usefulRate,
      t.wrongFixRate,
      t.unhelpedRate,
      t.top3 / t.total,
    ]
      .map((n) => pct(n).padStart(7))
      .join('  ')}`;
  const header = (name: string, width: number) =>
    `${name.padEnd(width + 2)}total    top-1   useful  wrong fix  unhelped  top-3`;
  const lines = [
    `questions      ${r.total}`,
    `top-1          ${pct(r.top1)}`,
    `useful first   ${pct(r.useful)}   (the right reply, or the right topic among the "did you mean" suggestions)`,
    `wrong fix      ${pct(r.wrongFix)}   (a fix shown that is not the right one)`,
    `unhelped       ${pct(r.unhelped)}`,
    `top-3          ${pct(r.top3)}`,
    `out-of-scope   precision ${pct(r.outOfScope.precision)}  recall ${pct(r.outOfScope.recall)}  (${r.outOfScope.actual} in the set, ${r.outOfScope.predicted} shown no fix)`,
    '',
    header('by language', 13),
  ];
  for (const [lang, t] of Object.entries(r.byLang)) lines.push(row(lang, t, 13));
  if (Object.keys(r.byFamily).some((f) => f !== '-')) {
    lines.push('', header('by family', 13));
    for (const [family, t] of Object.entries(r.byFamily)) lines.push(row(family, t, 13));
  }
  lines.push('', header('by label', 28));
  for (const [label, t] of Object.entries(r.byLabel)) lines.push(row(label, t, 28));
  lines.push('', r.confusions.length ? 'confusions (label -> answered)' : 'confusions: none');
  for (const c of r.confusions) {
    lines.push(`  ${c.label} -> ${c.predicted}  x${c.count}`);
    for (const e of c.examples) lines.push(`      ${JSON.stringify(e)}`);
  }
  return lines.join('\n');
}
