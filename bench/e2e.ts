/**
 * End to end over HTTP on loopback: each bot runs in its own process, autocannon runs in
 * another (bench/load.ts), and the cloud APIs the bots call are local fakes in this process
 * (a Slack Web API that answers `ok`, a Bot Connector that answers with an activity id).
 *
 * Slack is acknowledged before the work is done (the platform wants an answer within three
 * seconds), so requests per second alone would flatter a slow pipeline: the fake Slack API
 * also counts the replies actually posted, and the table reports completed replies per second.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/knowledge/load.js';
import { type MemoryBreakdown, readMemory } from './memory.js';
import { openPostgres } from '../src/storage/postgres.js';

const ROOT = projectRoot();
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

export interface LoadResult {
  requestsPerSecond: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface E2eRow {
  name: string;
  platform: 'slack' | 'teams';
  load: LoadResult;
  repliesPerSecond: number;
  rssStartMb: number;
  rssAfterMb: number;
  /** The CPU profile taken of this case (`<platform>-<kind>`), if any. */
  profile?: string;
  /** Calls the bot made to the (fake) platform API during the measured load, by path. */
  apiCalls: Record<string, number>;
  /** CPU time (user + system) the bot process spent per request of the measured load. */
  cpuMsPerRequest: number;
  /** Where the memory is after the load, when it stopped (memory.ts). */
  memoryAfter?: MemoryBreakdown;
}

/** A fake cloud API that answers every call and counts the replies the bot posts. */
export async function fakeCloud(): Promise<{
  server: Server;
  url: string;
  replies: () => number;
  /** Calls received since the last reset, by path. */
  calls: () => Record<string, number>;
  reset: () => void;
}> {
  let replies = 0;
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const name = path
        .replace(/\?.*$/, '')
        .replace(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, '/v3/conversations/:id/activities');
      calls.set(name, (calls.get(name) ?? 0) + 1);
      if (path.includes('chat.postMessage') || /\/v3\/conversations\/[^/]+\/activities/.test(path)) replies++;
      res.setHeader('content-type', 'application/json');
      if (path.startsWith('/api/'))
        res.end(
          JSON.stringify({
            ok: true,
            ts: `${Date.now() / 1000}`,
            channel: 'D0BENCH',
            user: { id: 'U0', locale: 'en-US', tz: 'UTC', real_name: 'Bench User', profile: {} },
          }),
        );
      else res.end(JSON.stringify({ id: `act-${replies}` }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    replies: () => replies,
    calls: () => Object.fromEntries(calls),
    reset: () => {
      replies = 0;
      calls.clear();
    },
  };
}

/** CPU time a process has used so far, in ms (Linux /proc; user + system). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces), which ends with ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Whether the PostgreSQL for the scale-out row answers; the row is skipped when it does not. */
async function postgresReachable(url: string): Promise<boolean> {
  try {
    const db = await openPostgres({ connectionString: url, max: 1 });
    await db.query('select 1');
    await db.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * A database of its own on the PostgreSQL at `url` (created here, dropped by `drop`), so that
 * the benchmark neither reads nor leaves anything in the database the tests use.
 */
export async function throwawayDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = await openPostgres({ connectionString: url, max: 1 });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    drop: async () => {
      const db = await openPostgres({ connectionString: url, max: 1 });
      await db.exec(`drop database if exists ${name} with (force)`);
      await db.close();
    },
  };
}

export function rssMb(pid: number): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return Math.round(kb / 102.4) / 10;
}

/**
 * A benchmark server as production runs it: the built JavaScript (`node dist/...`, see
 * bench/build.ts), no TypeScript loader, no npm.
 */
export function builtServer(script: string): string {
  return join(ROOT, 'dist', 'bench', 'servers', script.replace(/\.ts$/, '.js'));
}

export async function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
  /** Node's own options (a CPU profile of the start). */
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, builtServer(script)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return { child, url };
}

async function runLoad(
  kind: 'slack' | 'teams',
  url: string,
  seconds: number,
  connections: number,
  serviceUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      TSX,
      join(ROOT, 'bench', 'load.ts'),
      kind,
      url,
      String(seconds),
      String(connections),
      serviceUrl,
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function e2e(options: {
  seconds: number;
  connections: number;
  profileDir?: string;
  /** Runs only the cases whose "platform: name" matches (all of them when absent). */
  only?: RegExp;
  /** Measured passes per bot, the best one reported (2 when absent). */
  passes?: number;
  /** PostgreSQL for the scale-out rows (a schema of its own, dropped afterwards). */
  postgresUrl?: string;
}): Promise<{ rows: E2eRow[]; notes: string[] }> {
  const cloud = await fakeCloud();
  const dataDir = mkdtempSync(join(tmpdir(), 'signin-bot-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[^0-9a-f]/g, '0'),
    SLACK_API_URL: `${cloud.url}/api/`,
    BOT_LOCAL_MODE: 'true',
    DATA_DIR: dataDir,
    OUTBOX_DISABLED: 'true',
  };
  const notes: string[] = [];
  const postgres =
    options.postgresUrl && (await postgresReachable(options.postgresUrl))
      ? await throwawayDatabase(options.postgresUrl)
      : undefined;
  if (options.postgresUrl && !postgres)
    notes.push(`PostgreSQL at ${options.postgresUrl} did not answer: its rows were left out.`);
  const baselines = { slack: 'bare Bolt echo (baseline)', teams: 'bare botbuilder echo (baseline)' };
  interface Case {
    name: string;
    platform: 'slack' | 'teams';
    script: string;
    env?: NodeJS.ProcessEnv;
    /** Name of the CPU profile taken of this case, if any. */
    profile?: string;
  }
  const cases = (['slack', 'teams'] as const).flatMap((platform): Case[] => [
    { name: 'product, embedded PGlite storage', platform, script: 'product.ts', profile: 'pglite' },
    ...(postgres
      ? [
          {
            name: 'product, PostgreSQL storage',
            platform,
            script: 'product.ts',
            env: { DATABASE_URL: postgres.url },
            profile: 'postgres',
          },
        ]
      : []),
    {
      name: 'product, state in memory',
      platform,
      script: 'product.ts',
      env: { BENCH_STORAGE: 'memory' },
      profile: 'memory',
    },
    {
      name: baselines[platform],
      platform,
      script: `${platform === 'slack' ? 'bolt' : 'botbuilder'}-echo.ts`,
      profile: 'baseline',
    },
  ]);
  const rows: E2eRow[] = [];
  type Measured = { load: LoadResult; counted: number; apiCalls: Record<string, number>; cpuUsed: number };
  interface Running {
    c: Case;
    child: ChildProcess;
    url: string;
    profile?: string;
    rssStartMb: number;
    best?: Measured;
    /** Where the server writes its memory when stopped (memory.ts). */
    memoryFile: string;
    row?: E2eRow;
  }
  const measure = async (r: Running): Promise<Measured> => {
    await sleep(500);
    cloud.reset();
    const cpuBefore = cpuMs(r.child.pid!);
    const load = await runLoad(r.c.platform, r.url, options.seconds, options.connections, cloud.url, env);
    const counted = cloud.replies();
    const apiCalls = cloud.calls();
    await sleep(1000); // replies still in flight when the load stopped
    return { load, counted, apiCalls, cpuUsed: cpuMs(r.child.pid!) - cpuBefore };
  };
  try {
    for (const platform of ['slack', 'teams'] as const) {
      // The bots of one platform run side by side and take turns, pass after pass: the
      // machine's other work (which moves a single pass by 10-20%) then falls on all of them
      // alike, and the best pass of each is the closest to what the bot itself can do.
      const running: Running[] = [];
      try {
        for (const c of cases) {
          if (c.platform !== platform || (options.only && !options.only.test(`${c.platform}: ${c.name}`)))
            continue;
          const profile =
            options.profileDir && c.profile
              ? join(options.profileDir, `${c.platform}-${c.profile}.cpuprofile`)
              : undefined;
          const memoryFile = join(
            tmpdir(),
            `signin-bench-memory-${process.pid}-${platform}-${running.length}.json`,
          );
          const { child, url } = await startServer(c.script, {
            ...env,
            ...c.env,
            BENCH_MEMORY: memoryFile,
            ...(profile ? { BENCH_PROFILE: profile } : {}),
          });
          const r: Running = { c, child, url, rssStartMb: 0, memoryFile, ...(profile ? { profile } : {}) };
          running.push(r);
          await sleep(500);
          r.rssStartMb = rssMb(child.pid!);
          // A short warm-up, so the JIT and the caches are in the state a running bot is in.
          await runLoad(platform, url, 2, options.connections, cloud.url, env);
        }
        for (let pass = 0; pass < (options.passes ?? 2); pass++)
          for (const r of running) {
            const m = await measure(r);
            if (!r.best || m.load.requestsPerSecond > r.best.load.requestsPerSecond) r.best = m;
          }
        for (const r of running) {
          const { load, counted, apiCalls, cpuUsed } = r.best!;
          const rssAfterMb = rssMb(r.child.pid!);
          if (r.profile) {
            // Profiled in a pass of its own: the profiler's overhead stays out of the figures above.
            r.child.kill('SIGUSR2');
            await runLoad(platform, r.url, 3, options.connections, cloud.url, env);
          }
          r.row = {
            name: r.c.name,
            platform,
            load,
            repliesPerSecond: Math.round((counted / options.seconds) * 10) / 10,
            rssStartMb: r.rssStartMb,
            rssAfterMb,
            apiCalls,
            ...(r.profile ? { profile: `${platform}-${r.c.profile}` } : {}),
            cpuMsPerRequest: Math.round((cpuUsed / Math.max(1, load.requests)) * 1000) / 1000,
          };
          rows.push(r.row);
          process.stderr.write(`  ${platform}, ${r.c.name}: ${Math.round(load.requestsPerSecond)} req/s\n`);
        }
      } finally {
        for (const r of running) {
          r.child.kill('SIGTERM');
          await once(r.child, 'exit');
          const memory = readMemory(r.memoryFile);
          rmSync(r.memoryFile, { force: true });
          if (memory && r.row) r.row.memoryAfter = memory;
        }
      }
    }
  } finally {
    cloud.server.close();
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  }
  return { rows, notes };
}
