/**
 * CPU and database round trips per message, independent of the load: the built product is
 * started as the end-to-end bench starts it (bench/e2e.ts), sent a fixed number of requests in
 * each platform's wire format (bench/wire.ts) a few at a time, and measured by the CPU its
 * process used (/proc), the round trips it made (bench/servers/counting.ts) and a CPU profile
 * of a second batch grouped by package or folder (bench/profile.ts).
 *
 *   node --import tsx bench/per-request.ts [--no-build] [--requests N] [--only REGEX]
 */
import { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, fakeCloud, startServer, throwawayDatabase } from './e2e.js';
import { buildForBench } from './footprint.js';
import { byPackage } from './profile.js';
import { slackBody, teamsBody, type WireRequest } from './wire.js';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const REQUESTS = Number(option('--requests') ?? 600);
const CONCURRENCY = 8;
const only = option('--only') ? new RegExp(option('--only')!) : undefined;
const SECRET = '0'.repeat(32);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `n` requests, `CONCURRENCY` at a time. */
async function send(url: string, make: () => WireRequest, n: number): Promise<void> {
  let left = n;
  const worker = async () => {
    while (left-- > 0) {
      const { body, headers } = make();
      const res = await fetch(url, { method: 'POST', body, headers });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`${url}: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Waits until `count` reaches `target` (replies still being posted), then a little longer. */
async function settle(count: () => number, target: number): Promise<void> {
  const until = Date.now() + 20_000;
  while (count() < target && Date.now() < until) await sleep(20);
  await sleep(300);
}

type Counts = { total: number; byStatement: Record<string, number> };

async function queries(child: ChildProcess): Promise<Counts | undefined> {
  if (!child.stdout) return undefined;
  const line = new Promise<Counts>((resolve) => {
    const on = (d: Buffer) => {
      const m = /queries (\d+) (.*)/.exec(d.toString());
      if (m) {
        child.stdout!.off('data', on);
        resolve({ total: Number(m[1]), byStatement: JSON.parse(m[2]!) as Record<string, number> });
      }
    };
    child.stdout!.on('data', on);
  });
  child.kill('SIGUSR1');
  return Promise.race([line, sleep(2000).then(() => undefined)]);
}

interface Row {
  name: string;
  cpuMsPerRequest: number;
  queriesPerMessage?: number;
  /** Round trips per message by statement. */
  statements?: Record<string, number>;
  repliesPerMessage: number;
  profile: { pkg: string; ms: number }[];
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) await buildForBench();
  const cloud = await fakeCloud();
  const dataDir = mkdtempSync(join(tmpdir(), 'signin-bot-per-request-'));
  const pg = await throwawayDatabase('postgres://postgres@127.0.0.1:5432/test');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${cloud.url}/api/`,
    BOT_LOCAL_MODE: 'true',
    DATA_DIR: dataDir,
    OUTBOX_DISABLED: 'true',
    BENCH_COUNT_QUERIES: '1',
  };
  const stores: [string, NodeJS.ProcessEnv][] = [
    ['memory', { BENCH_STORAGE: 'memory' }],
    ['postgres', { DATABASE_URL: pg.url }],
    ['pglite', {}],
  ];
  const rows: Row[] = [];
  try {
    for (const [store, more] of stores)
      for (const platform of ['slack', 'teams'] as const) {
        const name = `${platform}, ${store}`;
        if (only && !only.test(name)) continue;
        const profileFile = join(process.env.BENCH_PROFILE_DIR ?? dataDir, `${platform}-${store}.cpuprofile`);
        const { child, url } = await startServer('product.ts', {
          ...env,
          ...more,
          BENCH_PROFILE: profileFile,
        });
        const target = `${url}${platform === 'slack' ? '/slack/events' : '/api/messages'}`;
        const make = platform === 'slack' ? () => slackBody(SECRET) : () => teamsBody(cloud.url);
        const batch = async () => {
          cloud.reset();
          await send(target, make, REQUESTS);
          await settle(cloud.replies, REQUESTS);
        };
        await batch(); // warm-up: the JIT, the locale cache, the conversations' first messages
        const q0 = await queries(child);
        const cpu0 = cpuMs(child.pid!);
        await batch();
        const cpu = cpuMs(child.pid!) - cpu0;
        const q1 = await queries(child);
        const replies = cloud.replies();
        child.kill('SIGUSR2'); // the profiler on, for a batch of its own
        await sleep(200);
        await batch();
        child.kill('SIGTERM');
        await once(child, 'exit');
        const perRequest = cpu / REQUESTS;
        rows.push({
          name,
          cpuMsPerRequest: Math.round(perRequest * 100) / 100,
          ...(q0 !== undefined && q1 !== undefined
            ? {
                queriesPerMessage: Math.round(((q1.total - q0.total) / REQUESTS) * 100) / 100,
                statements: Object.fromEntries(
                  Object.entries(q1.byStatement).map(([k, v]) => [
                    k,
                    Math.round(((v - (q0.byStatement[k] ?? 0)) / REQUESTS) * 100) / 100,
                  ]),
                ),
              }
            : {}),
          repliesPerMessage: Math.round((replies / REQUESTS) * 100) / 100,
          profile: byPackage(profileFile)
            .slice(0, 10)
            .map((p) => ({ pkg: p.pkg, ms: Math.round(p.selfPct * perRequest) / 100 })),
        });
        const r = rows.at(-1)!;
        process.stdout.write(
          `${name}: ${r.cpuMsPerRequest} ms CPU/request, ${r.queriesPerMessage ?? '-'} queries/message, ` +
            `${r.repliesPerMessage} replies/message\n  ` +
            r.profile.map((p) => `${p.pkg} ${p.ms.toFixed(2)}`).join(', ') +
            '\n' +
            Object.entries(r.statements ?? {})
              .filter(([, v]) => v > 0)
              .map(([k, v]) => `  ${v}  ${k}\n`)
              .join(''),
        );
      }
  } finally {
    cloud.server.close();
    await pg.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
