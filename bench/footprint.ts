/**
 * The footprint of the bot as production runs it, beside the bare echo bots started the same
 * way (`node dist/...`, bundled here first as `npm run build` bundles the bot):
 * - cold start: spawn → GET /healthz answered, with state in memory, on PostgreSQL, on the
 *   embedded database in an existing folder and in a new one (a first start);
 * - resident memory once started and idle;
 * - a start with a generated pack of 5,000 topics: the index read from what the build step
 *   wrote, against the index built in memory (what every start did before).
 * bench/run.ts puts these beside the throughput and memory under load of bench/e2e.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgePack, projectRoot } from '../src/core/knowledge/load.js';
import { builtServer, rssMb, startServer } from './e2e.js';
import { byPackage } from './profile.js';
import { type MemoryBreakdown, readMemory } from './memory.js';
import { bundle } from '../src/build/bundle.js';
import { syntheticPack, writePack } from './synthetic.js';

const ROOT = projectRoot();

/**
 * Builds what the benchmark runs: the product and the benchmark servers, then the build step,
 * then the benchmark servers bundled as the build bundles the bot (src/build/bundle.ts).
 */
export async function buildForBench(): Promise<void> {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [join(ROOT, 'dist', 'src', 'build', 'prepare.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // Over tsc's output of the same servers, where builtServer (e2e.ts) finds them.
  await bundle(ROOT, BENCH_SERVERS, join('dist', 'bench', 'servers'));
}

/** The benchmark servers, bundled as the bot is: each spawned as `node dist/bench/servers/<name>.js`. */
const BENCH_SERVERS = Object.fromEntries(
  ['product', 'bolt-echo', 'botbuilder-echo', 'pack-start'].map((name) => [name, `bench/servers/${name}.ts`]),
);

export interface StartRow {
  name: string;
  /** Median of the runs, spawn → /healthz 200, ms. */
  coldStartMs: number;
  runs: number[];
  /** Resident memory a second after the start, idle, MB. */
  rssIdleMb: number;
  /** Where that memory is, from the last run (memory.ts). */
  memory?: MemoryBreakdown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function coldStart(
  script: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<{ ms: number; rss: number; memory?: MemoryBreakdown }> {
  const memoryFile = join(tmpdir(), `signin-bench-memory-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const { child, url } = await startServer(script, { ...env, BENCH_MEMORY: memoryFile }, nodeArgs);
  let result: { ms: number; rss: number };
  try {
    for (;;) {
      const res = await fetch(`${url}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      await sleep(10);
    }
    const ms = performance.now() - started;
    await sleep(1000);
    result = { ms: Math.round(ms), rss: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  const memory = readMemory(memoryFile);
  rmSync(memoryFile, { force: true });
  return { ...result, ...(memory ? { memory } : {}) };
}

export interface StartCase {
  name: string;
  script: string;
  env?: NodeJS.ProcessEnv;
  /** A fresh DATA_DIR for each run (a first start), instead of one folder reused. */
  freshDataDir?: boolean;
}

export async function coldStarts(
  cases: StartCase[],
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<StartRow[]> {
  const rows: StartRow[] = [];
  const dirs: string[] = [];
  try {
    for (const c of cases) {
      const samples: { ms: number; rss: number; memory?: MemoryBreakdown }[] = [];
      const shared = mkdtempSync(join(tmpdir(), 'signin-bench-start-'));
      dirs.push(shared);
      // An existing folder: made by a first start that is not measured.
      if (!c.freshDataDir) await coldStart(c.script, { ...env, DATA_DIR: shared, ...c.env });
      for (let i = 0; i < runs; i++) {
        const dir = c.freshDataDir ? mkdtempSync(join(tmpdir(), 'signin-bench-new-')) : shared;
        dirs.push(dir);
        samples.push(await coldStart(c.script, { ...env, DATA_DIR: dir, ...c.env }));
      }
      const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
      rows.push({
        name: c.name,
        coldStartMs: ms[Math.floor(ms.length / 2)]!,
        runs: samples.map((s) => s.ms),
        rssIdleMb: samples.at(-1)!.rss,
        ...(samples.at(-1)!.memory ? { memory: samples.at(-1)!.memory! } : {}),
      });
      process.stderr.write(
        `  start, ${c.name}: ${rows.at(-1)!.coldStartMs} ms, ${rows.at(-1)!.rssIdleMb} MB\n`,
      );
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Where a start's CPU goes, in ms by package or folder of this project: one more start of
 * `script` with the CPU profiler on (not one of the timed ones: the profiler slows it down).
 */
export async function startProfile(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ pkg: string; ms: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'signin-bench-start-profile-'));
  try {
    await coldStart(script, { ...env, DATA_DIR: join(dir, 'data') }, ['--cpu-prof', '--cpu-prof-dir', dir]);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return [];
    // Up to /healthz answered plus the idle second after it: the busy time is what the start cost.
    const busy = busyMs(join(dir, file));
    return byPackage(join(dir, file))
      .slice(0, 8)
      .map((p) => ({ pkg: p.pkg, ms: Math.round((p.selfPct / 100) * busy) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The profile's busy time (not idle), ms. */
function busyMs(file: string): number {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) busy += profile.timeDeltas[i] ?? 0;
  });
  return busy / 1000;
}

export interface PackStart {
  topics: number;
  /** The build step: the index built in memory (what a start cost before) and written. */
  buildMs: number;
  /** Spawn → the index read and one question answered, ms (median of the runs). */
  startMs: number;
  runs: number[];
  log: string[];
}

function runPackStart(
  mode: 'write' | 'start',
  root: string,
): Promise<{ wallMs: number; out: Record<string, unknown> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [builtServer('pack-start.ts'), mode, root], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`pack-start ${mode} exited with ${String(code)}`);
    return {
      wallMs: Math.round(performance.now() - started),
      out: JSON.parse(out.trim()) as Record<string, unknown>,
    };
  });
}

/** A start with a generated pack of `topics` topics, its index written by the build step first. */
export async function packStart(topics: number, runs: number): Promise<PackStart> {
  const root = mkdtempSync(join(tmpdir(), 'signin-bench-pack-'));
  try {
    writePack(syntheticPack(loadKnowledgePack(ROOT), topics).raw, root);
    const written = await runPackStart('write', root);
    const samples: number[] = [];
    let log: string[] = [];
    for (let i = 0; i < runs; i++) {
      const { wallMs, out } = await runPackStart('start', root);
      samples.push(wallMs);
      log = out.log as string[];
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      topics,
      buildMs: written.out.buildMs as number,
      startMs: sorted[Math.floor(sorted.length / 2)]!,
      runs: samples,
      log,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
