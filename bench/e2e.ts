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
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/knowledge/load.js';

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
}

/** A fake cloud API that answers every call and counts the replies the bot posts. */
async function fakeCloud(): Promise<{
  server: Server;
  url: string;
  replies: () => number;
  reset: () => void;
}> {
  let replies = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
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
  return { server, url: `http://127.0.0.1:${port}`, replies: () => replies, reset: () => (replies = 0) };
}

function rssMb(pid: number): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return Math.round(kb / 102.4) / 10;
}

async function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'bench', 'servers', script)], {
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
}): Promise<E2eRow[]> {
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
  const baselines = { slack: 'bare Bolt echo (baseline)', teams: 'bare botbuilder echo (baseline)' };
  const cases = (['slack', 'teams'] as const).flatMap((platform) => [
    { name: 'product, embedded PGlite storage', platform, script: 'product.ts' },
    { name: 'product, state in memory', platform, script: 'product.ts', env: { BENCH_STORAGE: 'memory' } },
    {
      name: baselines[platform],
      platform,
      script: `${platform === 'slack' ? 'bolt' : 'botbuilder'}-echo.ts`,
    },
  ]) as { name: string; platform: 'slack' | 'teams'; script: string; env?: NodeJS.ProcessEnv }[];
  const rows: E2eRow[] = [];
  try {
    for (const c of cases) {
      const profile =
        options.profileDir && c.script === 'product.ts'
          ? join(options.profileDir, `${c.platform}-${c.env ? 'memory' : 'pglite'}.cpuprofile`)
          : undefined;
      const { child, url } = await startServer(c.script, {
        ...env,
        ...c.env,
        ...(profile ? { BENCH_PROFILE: profile } : {}),
      });
      try {
        await sleep(500);
        const rssStartMb = rssMb(child.pid!);
        // A short warm-up, so the JIT and the caches are in the state a running bot is in.
        await runLoad(c.platform, url, 2, options.connections, cloud.url, env);
        await sleep(500);
        cloud.reset();
        if (profile) child.kill('SIGUSR2');
        const load = await runLoad(c.platform, url, options.seconds, options.connections, cloud.url, env);
        const counted = cloud.replies();
        await sleep(1000); // replies still in flight when the load stopped
        const rssAfterMb = rssMb(child.pid!);
        rows.push({
          name: c.name,
          platform: c.platform,
          load,
          repliesPerSecond: Math.round((counted / options.seconds) * 10) / 10,
          rssStartMb,
          rssAfterMb,
        });
        process.stderr.write(`  ${c.name}: ${Math.round(load.requestsPerSecond)} req/s\n`);
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  } finally {
    cloud.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
