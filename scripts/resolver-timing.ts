/**
 * `node --expose-gc --import tsx scripts/resolver-timing.ts [ROUNDS] [--slowest N]`: the
 * resolver's cost over the 539 messages `npm run bench` times (dev, holdout, chat-dev; each
 * message resolved as the bench does), as figures that hold up on a shared machine: the CPU
 * time of the whole run (process.cpuUsage, so other processes' load hardly moves it), and per
 * message the minimum over the rounds (the cost without interruptions) as median, p99 and
 * total. With --slowest, the N messages that cost most, for finding where the time goes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgePack, projectRoot } from '../src/core/knowledge/load.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import { parseDataset } from '../src/evaluation/dataset.js';

const root = projectRoot();
const FILES = [
  join(root, '..', 'shared', 'eval', 'dev.jsonl'),
  join(root, 'test', 'fixtures', 'holdout.jsonl'),
  join(root, 'test', 'fixtures', 'chat-dev.jsonl'),
];
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const slowestAt = args.indexOf('--slowest');
const slowest = slowestAt >= 0 ? Number(args[slowestAt + 1] ?? 10) : 0;

const texts = FILES.flatMap((f) => parseDataset(readFileSync(f, 'utf8'), f).map((r) => r.text));
const resolver = new Resolver(loadKnowledgePack(root));
for (const t of texts) resolver.resolve(t); // warm up
(globalThis as { gc?: () => void }).gc?.();

const best = new Float64Array(texts.length).fill(Infinity);
const samples: number[] = [];
const cpu = process.cpuUsage();
for (let r = 0; r < rounds; r++)
  texts.forEach((t, i) => {
    const start = process.hrtime.bigint();
    resolver.resolve(t);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    samples.push(ms);
    if (ms < best[i]!) best[i] = ms;
  });
const used = process.cpuUsage(cpu);
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const sorted = [...samples].sort((a, b) => a - b);
const mins = [...best].sort((a, b) => a - b);
const f = (n: number) => n.toFixed(4);
process.stdout.write(
  `${texts.length} messages x ${rounds} rounds: CPU ${((used.user + used.system) / 1000).toFixed(0)} ms ` +
    `(${f((used.user + used.system) / 1000 / samples.length)} ms/message)\n` +
    `all samples: median ${f(q(sorted, 0.5))} ms, p99 ${f(q(sorted, 0.99))} ms\n` +
    `per-message minimum: median ${f(q(mins, 0.5))} ms, p99 ${f(q(mins, 0.99))} ms, ` +
    `sum ${f(mins.reduce((a, b) => a + b, 0))} ms\n`,
);
if (slowest > 0)
  [...best.keys()]
    .sort((a, b) => best[b]! - best[a]!)
    .slice(0, slowest)
    .forEach((i) =>
      process.stdout.write(
        `${f(best[i]!)} ms  #${i}  ${texts[i]!.length} chars  ${texts[i]!.slice(0, 90)}\n`,
      ),
    );
