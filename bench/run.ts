/**
 * `npm run bench`: the resolver against a plain fuse.js baseline, in the same run, on the same
 * knowledge pack and the same messages. Accuracy on the shared dev set and on the held-out set,
 * latency per message (median, p99), index build time and heap. Results go to
 * bench/results/resolver.{json,md} and to the terminal.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgePack, projectRoot } from '../src/core/knowledge/load.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import { type LabelledQuestion, OUT_OF_SCOPE, parseDataset } from '../src/evaluation/dataset.js';
import { FuseBaseline } from './baseline-fuse.js';

interface Answerer {
  name: string;
  answer(text: string): { topic: string | null; candidates: string[] };
}

const ROOT = projectRoot();
const SETS: Record<string, string> = {
  dev: join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'),
  holdout: join(ROOT, 'test', 'fixtures', 'holdout.jsonl'),
};
const ROUNDS = 20;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timed<T>(fn: () => T): { value: T; ms: number; heapMb: number } {
  gc();
  const heap = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  gc();
  return { value, ms, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 / 1024 };
}

function accuracy(a: Answerer, rows: LabelledQuestion[]) {
  let top1 = 0;
  let top3 = 0;
  let oos = 0;
  let oosRight = 0;
  const byLang: Record<string, [number, number]> = {};
  for (const row of rows) {
    const { topic, candidates } = a.answer(row.text);
    const got = topic ?? OUT_OF_SCOPE;
    const hit = got === row.label;
    if (hit) top1++;
    if (hit || candidates.slice(0, 3).includes(row.label)) top3++;
    if (row.label === OUT_OF_SCOPE) {
      oos++;
      if (hit) oosRight++;
    }
    const lang = row.lang ?? '?';
    byLang[lang] ??= [0, 0];
    byLang[lang][0] += hit ? 1 : 0;
    byLang[lang][1]++;
  }
  const pct = (x: number, n: number) => Math.round((x / n) * 1000) / 10;
  return {
    top1: pct(top1, rows.length),
    top3: pct(top3, rows.length),
    outOfScopeRecall: pct(oosRight, oos),
    byLang: Object.fromEntries(Object.entries(byLang).map(([l, [h, n]]) => [l, pct(h, n)])),
  };
}

function latency(a: Answerer, texts: string[]) {
  for (const t of texts) a.answer(t); // warm up
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const t of texts) {
      const start = process.hrtime.bigint();
      a.answer(t);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  samples.sort((x, y) => x - y);
  const q = (p: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]! * 10000) / 10000;
  return { messages: samples.length, medianMs: q(0.5), p99Ms: q(0.99) };
}

function main(): void {
  const pack = loadKnowledgePack(ROOT);
  const product = timed(() => new Resolver(pack));
  const baseline = timed(() => new FuseBaseline(pack));
  const answerers: Answerer[] = [
    {
      name: 'resolver',
      answer: (t) => {
        const r = product.value.resolve(t);
        return { topic: r.topic, candidates: r.candidates.map((c) => c.topic) };
      },
    },
    { name: 'fuse.js baseline', answer: (t) => baseline.value.resolve(t) },
  ];
  const sets = Object.fromEntries(
    Object.entries(SETS)
      .filter(([, f]) => existsSync(f))
      .map(([name, f]) => [name, parseDataset(readFileSync(f, 'utf8'), f)]),
  );
  const texts = Object.values(sets).flatMap((rows) => rows.map((r) => r.text));
  const results = answerers.map((a, i) => ({
    name: a.name,
    build: {
      ms: Math.round([product, baseline][i]!.ms),
      heapMb: Math.round([product, baseline][i]!.heapMb * 10) / 10,
    },
    accuracy: Object.fromEntries(Object.entries(sets).map(([name, rows]) => [name, accuracy(a, rows)])),
    latency: latency(a, texts),
  }));

  const lines = [
    `Resolver benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${pack.topics.size} topics, 4 languages)`,
    '',
    '| | build ms | heap MB | dev top-1 | dev out-of-scope | holdout top-1 | holdout top-3 | holdout out-of-scope | median ms/msg | p99 ms/msg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.build.ms} | ${r.build.heapMb} | ${r.accuracy.dev?.top1 ?? '-'}% | ${r.accuracy.dev?.outOfScopeRecall ?? '-'}% | ${r.accuracy.holdout?.top1 ?? '-'}% | ${r.accuracy.holdout?.top3 ?? '-'}% | ${r.accuracy.holdout?.outOfScopeRecall ?? '-'}% | ${r.latency.medianMs} | ${r.latency.p99Ms} |`,
    ),
    '',
    'Top-1 by language (dev / holdout):',
    ...results.map(
      (r) =>
        `- ${r.name}: ` +
        ['en', 'ja', 'zh-CN', 'zh-TW']
          .map((l) => `${l} ${r.accuracy.dev?.byLang[l] ?? '-'}% / ${r.accuracy.holdout?.byLang[l] ?? '-'}%`)
          .join(', '),
    ),
  ];
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'resolver.json'),
    JSON.stringify({ node: process.version, results }, null, 2) + '\n',
  );
  writeFileSync(join(out, 'resolver.md'), lines.join('\n') + '\n');
  process.stdout.write(lines.join('\n') + '\n');
}

main();
