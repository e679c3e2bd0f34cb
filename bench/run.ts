/**
 * `npm run bench`, three parts, each side by side with its baseline in the same run:
 * 1. the resolver against a plain fuse.js baseline on the real knowledge pack: the four figures
 *    of a first reply (top-1, useful first reply, wrong fix, unhelped; src/evaluation/metrics.ts)
 *    per language on every labelled set that is there (bench/resolver-table.ts lists them, and
 *    which are blind); latency per message (median, p99), build, heap; issue 13's targets
 *    checked; written to bench/results/resolver.{json,md} and the README's resolver block;
 * 2. both again on generated packs of 1,000 and 5,000 topics (bench/synthetic.ts), to show how
 *    each cost grows with the knowledge base;
 * 3. end to end over HTTP (bench/e2e.ts): the product against bare Bolt and botbuilder echo
 *    bots, all built and started as production starts them (`node dist/...`), with resident
 *    memory, a CPU profile of the product under load, cold starts with each store and on a new
 *    data folder, and a start with 5,000 topics (bench/footprint.ts); the summary goes to
 *    docs/footprint.md and the README's footprint table.
 * Results go to bench/results/*.{json,md} and to the terminal; `--quick` runs part 1 only,
 * `--scale` part 2 only, `--e2e` part 3 only (each part rewrites only its own files).
 *
 * Part 3 adds PostgreSQL rows (the scale-out deployment) when BENCH_DATABASE_URL, or the
 * PostgreSQL the tests use (postgres://postgres@127.0.0.1:5432/test), answers: in a database
 * of its own, created for the run and dropped after it. `--e2e-short` runs part 3 with few
 * requests (2 s passes, one start each, 500 topics), printed only, for development.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { loadKnowledgePack, projectRoot } from '../src/core/knowledge/load.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import type { Resolution } from '../src/core/resolver/types.js';
import { type LabelledQuestion, parseDataset } from '../src/evaluation/dataset.js';
import { type EvaluationReport, evaluate } from '../src/evaluation/metrics.js';
import { predict } from '../src/evaluation/predict.js';
import { FuseBaseline } from './baseline-fuse.js';
import { e2e, type E2eRow, fakeCloud, throwawayDatabase } from './e2e.js';
import { buildForBench, coldStarts, packStart, startProfile } from './footprint.js';
import { footprintLines, writeFootprint } from './footprint-table.js';
import { memoryLine } from './memory.js';
import { writeBlock } from './readme-block.js';
import { type ResolverResults, resolverLines, SETS } from './resolver-table.js';
import { byPackage } from './profile.js';
import { syntheticPack } from './synthetic.js';

interface Answerer {
  name: string;
  answer(text: string): unknown;
  /** The first replies to a labelled set (a row with earlier messages in its conversation). */
  replies(rows: LabelledQuestion[]): Resolution[];
  /** Rounds of latency measurement (fuse.js takes tens of milliseconds a message). */
  rounds: number;
}

const ROOT = projectRoot();
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

/** The four figures of a first reply, overall and per language, in percent. */
function accuracy(a: Answerer, rows: LabelledQuestion[]) {
  const report: EvaluationReport = evaluate(rows, a.replies(rows));
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const figures = (t: {
    accuracy: number;
    usefulRate: number;
    wrongFixRate: number;
    unhelpedRate: number;
  }) => ({
    top1: pct(t.accuracy),
    useful: pct(t.usefulRate),
    wrongFix: pct(t.wrongFixRate),
    unhelped: pct(t.unhelpedRate),
  });
  return {
    messages: rows.length,
    top1: pct(report.top1),
    top3: pct(report.top3),
    useful: pct(report.useful),
    wrongFix: pct(report.wrongFix),
    unhelped: pct(report.unhelped),
    outOfScopeRecall: pct(report.outOfScope.recall),
    byLang: Object.fromEntries(Object.entries(report.byLang).map(([l, t]) => [l, figures(t)])),
  };
}

function latency(a: Answerer, texts: string[]) {
  for (const t of texts) a.answer(t); // warm up
  const samples: number[] = [];
  for (let r = 0; r < a.rounds; r++)
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

const pct1 = (x: number) => Math.round(x * 1000) / 10;

/** Part 2: the same two resolvers on generated packs. Fuse is slow at this size: it answers a sample. */
function scale(sizes: number[]) {
  const real = loadKnowledgePack(ROOT);
  const rows = [];
  for (const topics of sizes) {
    const { pack, queries } = syntheticPack(real, topics);
    const product = timed(() => new Resolver(pack));
    const fuse = timed(() => new FuseBaseline(pack));
    const sample = queries.filter((_, i) => i % Math.ceil(queries.length / (topics >= 5000 ? 4 : 8)) === 0);
    // Accuracy on a first pass, which also warms up the JIT; latency on the passes after it, as
    // a running bot answers (the garbage left by building the index collected first). fuse.js
    // takes seconds per message here: its one pass gives both.
    const measure = (answer: (t: string) => string | null, qs: typeof queries, rounds: number) => {
      const samples: number[] = [];
      let hits: number;
      const clock = (q: (typeof queries)[number]) => {
        const start = process.hrtime.bigint();
        const got = answer(q.text);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
        return got;
      };
      if (rounds === 0) hits = qs.filter((q) => clock(q) === q.topic).length;
      else {
        hits = qs.filter((q) => answer(q.text) === q.topic).length;
        gc();
        for (let r = 0; r < rounds; r++) for (const q of qs) clock(q);
      }
      samples.sort((x, y) => x - y);
      const q = (p: number) =>
        Math.round(samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]! * 1000) / 1000;
      return { messages: qs.length, top1: pct1(hits / qs.length), medianMs: q(0.5), p99Ms: q(0.99) };
    };
    rows.push({
      topics,
      documents: product.value.index.docs.length,
      resolver: {
        buildMs: Math.round(product.ms),
        heapMb: Math.round(product.heapMb),
        ...measure((t) => product.value.resolve(t).topic, queries, 3),
      },
      resolverOnFuseSample: measure((t) => product.value.resolve(t).topic, sample, 1),
      fuse: {
        buildMs: Math.round(fuse.ms),
        heapMb: Math.round(fuse.heapMb),
        ...measure((t) => fuse.value.resolve(t).topic, sample, 0),
      },
    });
    process.stderr.write(`  scale ${topics} topics done\n`);
  }
  return rows;
}

/** Markdown formatted as the project's formatter would, so `npm run lint` passes. */
async function formatMarkdown(file: string, lines: string[]): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(lines.join('\n') + '\n', { ...options, parser: 'markdown' });
}

async function writeMarkdown(file: string, lines: string[]): Promise<void> {
  writeFileSync(file, await formatMarkdown(file, lines));
}

const USAGE = `npm run bench [-- OPTION]
  (none)    all three parts, about ten minutes
  --quick   part 1 only: the resolver against fuse.js on the real pack (first-reply figures per set
            and language, latency), into bench/results/resolver.{md,json}
  --scale   part 2 only: generated packs of 1,000 and 5,000 topics
  --e2e     part 3 only: end to end over HTTP, the starts and memory (docs/footprint.md, README)
  --e2e-short  part 3 with few requests, printed only (for development; numbers are rough)
  --help    this text
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--e2e-short')) return endToEnd(true);
  if (process.argv.includes('--e2e')) return endToEnd();
  if (process.argv.includes('--scale')) return atScale();
  const pack = loadKnowledgePack(ROOT);
  const product = timed(() => new Resolver(pack));
  const baseline = timed(() => new FuseBaseline(pack));
  const fuseReply = (row: LabelledQuestion): Resolution => {
    const { topic, candidates } = baseline.value.resolve(row.text);
    return {
      text: row.text,
      topic,
      confidence: 0,
      lang: row.lang ?? 'en',
      clarify: false,
      candidates: candidates.map((c) => ({ topic: c, score: 0 })),
      suggestions: [],
      answer: topic ? { kind: 'fix', id: topic } : { kind: 'unknown', id: null },
    };
  };
  const answerers: Answerer[] = [
    {
      name: 'resolver',
      answer: (t) => product.value.resolve(t),
      replies: (rows) => predict(product.value, rows),
      rounds: ROUNDS,
    },
    {
      name: 'fuse.js baseline',
      answer: (t) => baseline.value.resolve(t),
      replies: (rows) => rows.map(fuseReply),
      rounds: 2,
    },
  ];
  const present = SETS.filter((s) => existsSync(join(ROOT, s.file)));
  for (const s of SETS.filter((x) => !present.includes(x)))
    process.stderr.write(`  ${s.name}: ${s.file} is not there; skipped\n`);
  const sets = Object.fromEntries(
    present.map((s) => [s.name, parseDataset(readFileSync(join(ROOT, s.file), 'utf8'), s.file)]),
  );
  // Latency over the same messages every run (the budget of issue 13 was set on these).
  const latencySets = ['dev', 'holdout', 'chat-dev'];
  const texts = latencySets.flatMap((name) => (sets[name] ?? []).map((r) => r.text));
  const results = answerers.map((a, i) => ({
    name: a.name,
    build: {
      ms: Math.round([product, baseline][i]!.ms),
      heapMb: Math.round([product, baseline][i]!.heapMb * 10) / 10,
    },
    accuracy: Object.fromEntries(Object.entries(sets).map(([name, rows]) => [name, accuracy(a, rows)])),
    latency: latency(a, texts),
  }));

  const report: ResolverResults = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    topics: pack.topics.size,
    rounds: ROUNDS,
    latencySets,
    sets: present,
    results,
  };
  const lines = resolverLines(report);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'resolver.json'),
    await prettier.format(JSON.stringify(report), { parser: 'json' }),
  );
  await writeMarkdown(join(out, 'resolver.md'), lines);
  writeBlock(join(ROOT, 'README.md'), 'resolver', await formatMarkdown(join(ROOT, 'README.md'), lines));
  process.stdout.write(lines.join('\n') + '\n\n');
  if (quick) return;

  await atScale();
  await endToEnd();
}

async function atScale(): Promise<void> {
  const out = join(ROOT, 'bench', 'results');
  const scaleRows = scale([1000, 5000]);
  const scaleLines = [
    'Resolver on generated knowledge packs (4 languages; queries are generated aliases and error messages, some with a typo). Top-1 from a first pass that also warms up the JIT, latency over three passes after it; fuse.js answers an evenly spread sample, once, because it takes seconds per message at this size:',
    '',
    '| topics | documents | | build ms | heap MB | messages | top-1 | median ms/msg | p99 ms/msg |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|',
    ...scaleRows.flatMap((r) => [
      `| ${r.topics} | ${r.documents} | resolver | ${r.resolver.buildMs} | ${r.resolver.heapMb} | ${r.resolver.messages} | ${r.resolver.top1}% | ${r.resolver.medianMs} | ${r.resolver.p99Ms} |`,
      `| | | resolver, fuse.js's sample | | | ${r.resolverOnFuseSample.messages} | ${r.resolverOnFuseSample.top1}% | ${r.resolverOnFuseSample.medianMs} | ${r.resolverOnFuseSample.p99Ms} |`,
      `| | | fuse.js baseline | ${r.fuse.buildMs} | ${r.fuse.heapMb} | ${r.fuse.messages} | ${r.fuse.top1}% | ${r.fuse.medianMs} | ${r.fuse.p99Ms} |`,
    ]),
  ];
  writeFileSync(
    join(out, 'scale.json'),
    JSON.stringify({ node: process.version, rows: scaleRows }, null, 2) + '\n',
  );
  await writeMarkdown(join(out, 'scale.md'), scaleLines);
  writeBlock(join(ROOT, 'README.md'), 'scale', await formatMarkdown(join(ROOT, 'README.md'), scaleLines));
  process.stdout.write(scaleLines.join('\n') + '\n\n');
}

async function endToEnd(short = false): Promise<void> {
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  process.stderr.write('  building as npm run build does (the bots run as node dist/...)\n');
  await buildForBench();
  const profileDir = mkdtempSync(join(tmpdir(), 'signin-bot-profile-'));
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { rows: e2eRows, notes } = await e2e({
    seconds: short ? 2 : 6,
    connections: 10,
    passes: short ? 1 : 3,
    ...(short ? {} : { profileDir }),
    postgresUrl,
  });
  const footprint = await starts(e2eRows, postgresUrl, short);
  if (short) {
    process.stdout.write(footprint.join('\n') + '\n');
    return;
  }
  const profiles = Object.fromEntries(
    readdirSync(profileDir).map((f) => [
      f.replace('.cpuprofile', ''),
      byPackage(join(profileDir, f)).slice(0, 8),
    ]),
  );
  rmSync(profileDir, { recursive: true, force: true });
  const baselineOf = (platform: string) =>
    e2eRows.find((r) => r.platform === platform && r.name.includes('baseline'));
  const share = (r: (typeof e2eRows)[number]) => {
    const base = baselineOf(r.platform);
    return base && base !== r
      ? `${Math.round((r.load.requestsPerSecond / base.load.requestsPerSecond) * 100)}%`
      : '';
  };
  const e2eLines = [
    `End to end over HTTP on loopback (autocannon in its own process, 10 connections; the bots of one platform run side by side and take turns, three 6 s passes each after a 2 s warm-up, the best pass reported; the cloud APIs are local fakes; ${cpus().length} cores shared by the bot, the load generator, the fakes and PostgreSQL). "of baseline" is the product's requests/s as a share of the bare framework's; CPU is the bot process's own (user + system) per request:`,
    '',
    '| platform | bot | requests/s | of baseline | replies posted/s | latency median ms | p99 ms | errors | non-2xx | CPU ms/request | RSS after start MB | RSS after load MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...e2eRows.map(
      (r) =>
        `| ${r.platform} | ${r.name} | ${Math.round(r.load.requestsPerSecond)} | ${share(r)} | ${Math.round(r.repliesPerSecond)} | ${r.load.latencyMedianMs} | ${r.load.latencyP99Ms} | ${r.load.errors} | ${r.load.non2xx} | ${r.cpuMsPerRequest} | ${r.rssStartMb} | ${r.rssAfterMb} |`,
    ),
    ...notes.map((n) => `\n${n}`),
    '',
    'Where the CPU of a request goes, in ms per request by package or folder (its share of self time in a separate 3 s pass with the profiler on, times the CPU per request above; top 8):',
    ...e2eRows
      .filter((r) => r.profile && profiles[r.profile])
      .map(
        (r) =>
          `- ${r.platform}, ${r.name} (${r.cpuMsPerRequest} ms): ` +
          profiles[r.profile!]!.map(
            (p) => `${p.pkg} ${((p.selfPct / 100) * r.cpuMsPerRequest).toFixed(2)}`,
          ).join(', '),
      ),
  ];
  writeFileSync(
    join(out, 'e2e.json'),
    JSON.stringify({ node: process.version, rows: e2eRows, notes, profiles }, null, 2) + '\n',
  );
  await writeMarkdown(join(out, 'e2e.md'), e2eLines);
  process.stdout.write(e2eLines.join('\n') + '\n');
  await writeFootprint(join(ROOT, 'README.md'), join(ROOT, 'docs', 'footprint.md'), footprint, async (md) =>
    prettier.format(md, {
      ...((await prettier.resolveConfig(join(ROOT, 'README.md'))) ?? {}),
      parser: 'markdown',
    }),
  );
  process.stdout.write('\n' + footprint.join('\n') + '\n');
}

/** Cold starts and idle memory of each bot, the 5,000-topic start, and the footprint table. */
async function starts(e2eRows: E2eRow[], postgresUrl: string, short: boolean): Promise<string[]> {
  const cloud = await fakeCloud();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: '0'.repeat(32),
    SLACK_API_URL: `${cloud.url}/api/`,
    BOT_LOCAL_MODE: 'true',
    OUTBOX_DISABLED: 'true',
  };
  const pg = await throwawayDatabase(postgresUrl).catch((e: Error) => {
    process.stderr.write(`  PostgreSQL at ${postgresUrl}: ${e.message}; its start is left out\n`);
    return undefined;
  });
  try {
    const rows = await coldStarts(
      [
        { name: 'product, state in memory', script: 'product.ts', env: { BENCH_STORAGE: 'memory' } },
        ...(pg ? [{ name: 'product, PostgreSQL', script: 'product.ts', env: { DATABASE_URL: pg.url } }] : []),
        { name: 'product, embedded PGlite, existing folder', script: 'product.ts' },
        { name: 'product, embedded PGlite, new folder', script: 'product.ts', freshDataDir: true },
        { name: 'bare Bolt echo', script: 'bolt-echo.ts' },
        { name: 'bare botbuilder echo', script: 'botbuilder-echo.ts' },
      ],
      env,
      short ? 1 : 5,
    );
    const profiles = [];
    for (const [name, script, more] of [
      ['product, state in memory', 'product.ts', { BENCH_STORAGE: 'memory' }],
      ['bare Bolt echo', 'bolt-echo.ts', {}],
      ['bare botbuilder echo', 'botbuilder-echo.ts', {}],
    ] as const)
      profiles.push(
        `- ${name}: ` +
          (await startProfile(script, { ...env, ...more })).map((p) => `${p.pkg} ${p.ms}`).join(', '),
      );
    const pack = await packStart(short ? 500 : 5000, short ? 1 : 3);
    const note = short
      ? 'A short run (--e2e-short): rough numbers.'
      : `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores shared with other work (Node ${process.version}); cold starts are the median of 5, the ${pack.topics}-topic start of 3. Absolute numbers move with the machine's load; the ratios are from one run.`;
    return [
      ...footprintLines(e2eRows, rows, pack, note),
      '',
      "Where a start's CPU goes, ms by package or folder (a separate start with the CPU profiler on, which slows it; top 8):",
      '',
      ...profiles,
      '',
      'Where the memory goes (process.memoryUsage() when the process was told to stop: idle a second after a start, and after the load passes; MB):',
      '',
      ...rows.flatMap((r) => (r.memory ? [memoryLine(`idle, ${r.name}`, r.memory)] : [])),
      ...e2eRows.flatMap((r) =>
        r.memoryAfter ? [memoryLine(`after load, ${r.platform}, ${r.name}`, r.memoryAfter)] : [],
      ),
    ];
  } finally {
    await pg?.drop();
    cloud.server.close();
  }
}

await main();
