/**
 * What a patch must pass before it is applied: the content validation, and the evaluation not
 * getting worse. Both run on a copy of the content with the patch in it; the real files are
 * replaced only when both pass, each by a rename (a reader sees the old file or the new one).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentValidationError } from '../../core/knowledge/errors.js';
import { loadKnowledgePack } from '../../core/knowledge/load.js';
import type { KnowledgePack } from '../../core/knowledge/pack.js';
import { Resolver } from '../../core/resolver/resolver.js';
import { parseDataset } from '../../evaluation/dataset.js';
import { evaluate } from '../../evaluation/metrics.js';
import { predict } from '../../evaluation/predict.js';
import type { FilePatch } from './patch.js';

export interface EvalSet {
  name: string;
  file: string;
}

/** The labelled sets of the project (see the README's "Measured"): tuned on, held out, chat-style. */
export function projectEvalSets(root: string): EvalSet[] {
  return [
    { name: 'dev', file: join(root, '..', 'shared', 'eval', 'dev.jsonl') },
    { name: 'holdout', file: join(root, 'test', 'fixtures', 'holdout.jsonl') },
    { name: 'chat-dev', file: join(root, 'test', 'fixtures', 'chat-dev.jsonl') },
  ];
}

export interface Figures {
  set: string;
  before: { top1: number; useful: number; wrongFix: number };
  after: { top1: number; useful: number; wrongFix: number };
}

export type Verdict = { ok: true; figures: Figures[] } | { ok: false; reason: string; figures: Figures[] };

/** Validates the patched content and compares the evaluation before and after, on a copy. */
export function checkPatch(content: string, patches: FilePatch[], sets: EvalSet[]): Verdict {
  const missing = sets.filter((s) => !existsSync(s.file));
  if (missing.length)
    return {
      ok: false,
      reason: `the evaluation needs ${missing.map((s) => `${s.name} (${s.file})`).join(', ')}`,
      figures: [],
    };
  const copy = mkdtempSync(join(tmpdir(), 'kb-suggest-'));
  try {
    for (const part of ['dialogs', 'locales'])
      cpSync(join(content, part), join(copy, part), { recursive: true });
    for (const p of patches) writeFileSync(join(copy, p.file), p.after);
    let patched: KnowledgePack;
    try {
      patched = loadKnowledgePack(copy);
    } catch (e) {
      if (!(e instanceof ContentValidationError)) throw e;
      return { ok: false, reason: `the content validation fails:\n${e.message}`, figures: [] };
    }
    const before = new Resolver(loadKnowledgePack(content));
    const after = new Resolver(patched);
    const figures = sets.map((s) => {
      const rows = parseDataset(readFileSync(s.file, 'utf8'), s.file);
      const of = (r: Resolver) => {
        const e = evaluate(rows, predict(r, rows));
        return { top1: e.top1, useful: e.useful, wrongFix: e.wrongFix };
      };
      return { set: s.name, before: of(before), after: of(after) };
    });
    const worse = figures.flatMap((f) => regressions(f));
    return worse.length
      ? { ok: false, reason: `the evaluation gets worse: ${worse.join('; ')}`, figures }
      : { ok: true, figures };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function regressions(f: Figures): string[] {
  const out: string[] = [];
  if (f.after.top1 < f.before.top1) out.push(`${f.set} top-1 ${pct(f.before.top1)} → ${pct(f.after.top1)}`);
  if (f.after.useful < f.before.useful)
    out.push(`${f.set} useful ${pct(f.before.useful)} → ${pct(f.after.useful)}`);
  if (f.after.wrongFix > f.before.wrongFix)
    out.push(`${f.set} wrong fix ${pct(f.before.wrongFix)} → ${pct(f.after.wrongFix)}`);
  return out;
}

export function describeFigures(figures: Figures[]): string[] {
  return figures.map(
    (f) =>
      `  ${f.set.padEnd(9)} top-1 ${pct(f.before.top1)} → ${pct(f.after.top1)}, useful ${pct(f.before.useful)} → ${pct(f.after.useful)}, wrong fix ${pct(f.before.wrongFix)} → ${pct(f.after.wrongFix)}`,
  );
}

/**
 * Writes each patched file beside the real one, then renames it over it. A file edited since
 * the patch was made is not overwritten: the names of those files are returned, nothing written.
 */
export function writePatches(content: string, patches: FilePatch[]): string[] {
  const changed = patches.filter((p) => readFileSync(join(content, p.file), 'utf8') !== p.before);
  if (changed.length) return changed.map((p) => p.file);
  for (const p of patches) {
    const target = join(content, p.file);
    const temp = `${target}.kb-suggest-${process.pid}.tmp`;
    writeFileSync(temp, p.after);
    renameSync(temp, target);
  }
  return [];
}
