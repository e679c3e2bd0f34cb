/**
 * The footprint table (docs/footprint.md, and the README between its footprint markers): the
 * product with each store beside the bare echoes, from one run, with each goal of issue 16
 * met or not and its ratio.
 */
import { writeFileSync } from 'node:fs';
import type { E2eRow } from './e2e.js';
import type { PackStart, StartRow } from './footprint.js';
import { writeBlock } from './readme-block.js';

export const STORES = [
  'product, embedded PGlite storage',
  'product, PostgreSQL storage',
  'product, state in memory',
];
const HEAD = [
  'product, embedded PGlite',
  'product, PostgreSQL',
  'product, state in memory',
  'bare Bolt echo',
  'bare botbuilder echo',
];
const ECHO = { slack: 'bare Bolt echo (baseline)', teams: 'bare botbuilder echo (baseline)' } as const;

const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function footprintLines(
  e2e: E2eRow[],
  starts: StartRow[],
  pack: PackStart | undefined,
  note: string,
): string[] {
  const row = (platform: 'slack' | 'teams', name: string) =>
    e2e.find((r) => r.platform === platform && r.name === name);
  const echo = (platform: 'slack' | 'teams') => row(platform, ECHO[platform]);
  const start = (name: string) => starts.find((s) => s.name === name);
  const cells = (f: (store: string | null, col: number) => string) =>
    `| ${[...STORES, null, null].map((s, i) => f(s, i)).join(' | ')} |`;
  const share = (platform: 'slack' | 'teams', store: string | null, col: number) => {
    const base = echo(platform);
    if (!store) return (platform === 'slack' ? col === 3 : col === 4) && base ? '100%' : '';
    const r = row(platform, store);
    return r && base ? pct(r.load.requestsPerSecond / base.load.requestsPerSecond) : '';
  };
  const mem = (key: 'rssStartMb' | 'rssAfterMb') => (store: string | null, col: number) => {
    if (!store) {
      const e = echo(col === 3 ? 'slack' : 'teams');
      return e ? `${Math.round(e[key])} MB` : '';
    }
    const s = row('slack', store);
    const t = row('teams', store);
    return s && t ? `${Math.round(s[key])} / ${Math.round(t[key])} MB` : '';
  };
  const startCell = (names: Record<string, string>) => (store: string | null, col: number) => {
    const s = start(store ? (names[store] ?? '') : col === 3 ? 'bare Bolt echo' : 'bare botbuilder echo');
    return s ? `${(s.coldStartMs / 1000).toFixed(2)} s` : '';
  };
  const lines = [
    `| | ${HEAD.join(' | ')} |`,
    `|---|${HEAD.map(() => '---').join('|')}|`,
    `| requests/s, Slack, share of the echo ${cells((s, i) => share('slack', s, i))}`,
    `| requests/s, Teams, share of the echo ${cells((s, i) => share('teams', s, i))}`,
    `| RSS idle, built server (Slack / Teams process) ${cells(mem('rssStartMb'))}`,
    `| RSS after load (Slack / Teams process) ${cells(mem('rssAfterMb'))}`,
    `| cold start (spawn → /healthz 200) ${cells(startCell({ [STORES[0]!]: 'product, embedded PGlite, existing folder', [STORES[1]!]: 'product, PostgreSQL', [STORES[2]!]: 'product, state in memory' }))}`,
    `| cold start on a new data folder ${cells(startCell({ [STORES[0]!]: 'product, embedded PGlite, new folder' }))}`,
    `| RSS idle after a start on a new data folder | ${start('product, embedded PGlite, new folder')?.rssIdleMb ?? ''} MB | | | | |`,
    ...(pack
      ? [
          `| start with ${pack.topics.toLocaleString('en')} topics (index read; built in memory before) | ${(pack.startMs / 1000).toFixed(2)} s (${(pack.buildMs / 1000).toFixed(1)} s) | | | | |`,
        ]
      : []),
  ];
  return [...lines, '', ...goals(e2e, starts, pack), '', note];
}

function goals(e2e: E2eRow[], starts: StartRow[], pack: PackStart | undefined): string[] {
  const out: string[] = ['Goals of issue 16, from this run:', ''];
  const mark = (ok: boolean) => (ok ? 'met' : 'not met');
  for (const platform of ['slack', 'teams'] as const) {
    const base = e2e.find((r) => r.platform === platform && r.name === ECHO[platform]);
    if (!base) continue;
    for (const [store, rssGoal, rpsGoal] of [
      [STORES[0]!, 2, 0.5],
      [STORES[1]!, 1.5, 0.5],
      [STORES[2]!, 1.5, 0.7],
    ] as const) {
      const r = e2e.find((x) => x.platform === platform && x.name === store);
      if (!r) continue;
      const idle = ratio(r.rssStartMb, base.rssStartMb);
      const after = ratio(r.rssAfterMb, base.rssAfterMb);
      const rps = r.load.requestsPerSecond / base.load.requestsPerSecond;
      out.push(
        `- ${platform}, ${store}: RSS idle ${idle}× the echo, after load ${after}× (goal ≤ ${rssGoal}×: ${mark(idle <= rssGoal && after <= rssGoal)}); throughput ${pct(rps)} (goal ≥ ${pct(rpsGoal)}: ${mark(rps >= rpsGoal)})`,
      );
    }
  }
  const echoes = starts.filter((s) => s.name.startsWith('bare'));
  const slowest = Math.max(...echoes.map((s) => s.coldStartMs));
  const fastest = Math.min(...echoes.map((s) => s.coldStartMs));
  for (const s of starts.filter((x) => x.name.startsWith('product'))) {
    const goal = s.name.includes('new folder') ? 2 : 1.5;
    out.push(
      `- cold start, ${s.name}: ${ratio(s.coldStartMs, fastest)}× the faster echo, ${ratio(s.coldStartMs, slowest)}× the slower (goal ≤ ${goal}×: ${mark(s.coldStartMs <= goal * slowest)} against the slower, ${mark(s.coldStartMs <= goal * fastest)} against the faster)`,
    );
  }
  const created = starts.find((s) => s.name.includes('new folder'));
  if (created)
    out.push(
      `- a new data folder: the bot at ${created.rssIdleMb} MB after it (goal: the creation never above 400 MB: ${mark(created.rssIdleMb <= 400)}; no initdb in the bot's process, a copy of the build's template)`,
    );
  if (pack)
    out.push(
      `- start with ${pack.topics} topics: ${(pack.startMs / 1000).toFixed(2)} s (goal < 2 s: ${mark(pack.startMs < 2000)})`,
    );
  return out;
}

/** Writes docs/footprint.md and the README's table between `<!-- footprint -->` and `<!-- /footprint -->`. */
export function writeFootprint(
  readme: string,
  doc: string,
  lines: string[],
  format: (md: string) => Promise<string>,
): Promise<void> {
  return (async () => {
    const md = await format(
      [
        '# Footprint',
        '',
        'Written by `npm run bench` (bench/footprint.ts, bench/e2e.ts).',
        '',
        ...lines,
      ].join('\n') + '\n',
    );
    writeFileSync(doc, md);
    writeBlock(readme, 'footprint', await format(lines.join('\n') + '\n'));
  })();
}
