/**
 * Part 1's results as text: the first-reply table (every labelled set, the resolver beside plain
 * fuse.js), the latency table, and issue 13's targets checked on the blind sets and the latency
 * budget. One function renders bench/results/resolver.md and the README's `resolver` block from
 * bench/results/resolver.json, so the README cannot say a figure the run did not measure.
 */

/** A labelled set and what it may be used for: tuning on a set makes its figures optimistic. */
export interface SetInfo {
  name: string;
  /** Path from the project root. */
  file: string;
  /** How it was written and used, as the table says it. */
  role: string;
  /** Never tuned on: the honest figure for messages the resolver has not seen. */
  blind: boolean;
}

export const SETS: SetInfo[] = [
  { name: 'dev', file: '../shared/eval/dev.jsonl', role: 'tuned on', blind: false },
  {
    name: 'holdout',
    file: 'test/fixtures/holdout.jsonl',
    role: 'written apart, later calibrated on',
    blind: false,
  },
  { name: 'chat-dev', file: 'test/fixtures/chat-dev.jsonl', role: 'written blind, tuned on', blind: false },
  {
    name: 'chat-blind',
    file: 'test/fixtures/chat-blind.jsonl',
    role: 'written blind, reported four times, now tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-2',
    file: 'test/fixtures/chat-dev-2.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-blind-2',
    file: 'test/fixtures/chat-blind-2.jsonl',
    role: 'blind, never tuned on (run several times in aggregate)',
    blind: true,
  },
  {
    name: 'chat-blind-3',
    file: 'test/fixtures/chat-blind-3.jsonl',
    role: 'written blind, reported twice, now tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-3',
    file: 'test/fixtures/chat-dev-3.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-4',
    file: 'test/fixtures/chat-dev-4.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-5',
    file: 'test/fixtures/chat-dev-5.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-6',
    file: 'test/fixtures/chat-dev-6.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-7',
    file: 'test/fixtures/chat-dev-7.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-8',
    file: 'test/fixtures/chat-dev-8.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-9',
    file: 'test/fixtures/chat-dev-9.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-10',
    file: 'test/fixtures/chat-dev-10.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-11',
    file: 'test/fixtures/chat-dev-11.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-12',
    file: 'test/fixtures/chat-dev-12.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-13',
    file: 'test/fixtures/chat-dev-13.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-14',
    file: 'test/fixtures/chat-dev-14.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-15',
    file: 'test/fixtures/chat-dev-15.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-16',
    file: 'test/fixtures/chat-dev-16.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-17',
    file: 'test/fixtures/chat-dev-17.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-18',
    file: 'test/fixtures/chat-dev-18.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-19',
    file: 'test/fixtures/chat-dev-19.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-20',
    file: 'test/fixtures/chat-dev-20.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-21',
    file: 'test/fixtures/chat-dev-21.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-22',
    file: 'test/fixtures/chat-dev-22.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-23',
    file: 'test/fixtures/chat-dev-23.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-24',
    file: 'test/fixtures/chat-dev-24.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-25',
    file: 'test/fixtures/chat-dev-25.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-26',
    file: 'test/fixtures/chat-dev-26.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-27',
    file: 'test/fixtures/chat-dev-27.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-28',
    file: 'test/fixtures/chat-dev-28.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-29',
    file: 'test/fixtures/chat-dev-29.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-30',
    file: 'test/fixtures/chat-dev-30.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-31',
    file: 'test/fixtures/chat-dev-31.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-32',
    file: 'test/fixtures/chat-dev-32.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-33',
    file: 'test/fixtures/chat-dev-33.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-34',
    file: 'test/fixtures/chat-dev-34.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-35',
    file: 'test/fixtures/chat-dev-35.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-dev-36',
    file: 'test/fixtures/chat-dev-36.jsonl',
    role: 'written blind, tuned on',
    blind: false,
  },
  {
    name: 'chat-blind-4',
    file: 'test/fixtures/chat-blind-4.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-5',
    file: 'test/fixtures/chat-blind-5.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-6',
    file: 'test/fixtures/chat-blind-6.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-7',
    file: 'test/fixtures/chat-blind-7.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-8',
    file: 'test/fixtures/chat-blind-8.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-9',
    file: 'test/fixtures/chat-blind-9.jsonl',
    role: 'blind, never tuned on, run in earlier stops',
    blind: true,
  },
  {
    name: 'chat-blind-10',
    file: 'test/fixtures/chat-blind-10.jsonl',
    role: 'blind, never tuned on, first run at 9019acb',
    blind: true,
  },
  {
    name: 'chat-blind-11',
    file: 'test/fixtures/chat-blind-11.jsonl',
    role: 'blind, never tuned on, first run at 9019acb',
    blind: true,
  },
  {
    name: 'chat-blind-12',
    file: 'test/fixtures/chat-blind-12.jsonl',
    role: 'blind, never tuned on, first run at 9019acb',
    blind: true,
  },
];

export const LANGS = ['en', 'ja', 'zh-CN', 'zh-TW'];

/** Issue 13's targets: on a blind set, and the resolver's latency on the real pack. */
export const TARGETS = { top1: 90, top1PerLang: 85, useful: 97, wrongFix: 3, medianMs: 0.2, p99Ms: 1 };

interface Figures {
  top1: number;
  useful: number;
  wrongFix: number;
  unhelped: number;
}

export interface SetAccuracy extends Figures {
  messages: number;
  byLang: Record<string, Figures>;
}

export interface AnswererResult {
  name: string;
  build: { ms: number; heapMb: number };
  accuracy: Record<string, SetAccuracy>;
  latency: { messages: number; medianMs: number; p99Ms: number };
}

export interface ResolverResults {
  date: string;
  node: string;
  topics: number;
  rounds: number;
  /** The sets the latency was measured over. */
  latencySets: string[];
  sets: SetInfo[];
  results: AnswererResult[];
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

function accuracyRows(r: ResolverResults): string[] {
  return r.sets.flatMap((set) =>
    r.results.map((a, i) => {
      const f = a.accuracy[set.name]!;
      const langs = LANGS.map((l) => {
        const x = f.byLang[l];
        return x ? `${x.top1}% / ${x.useful}% / ${x.wrongFix}%` : '-';
      }).join(' | ');
      const first = i === 0 ? `${set.name} (${f.messages}) | ${set.role}` : ' | ';
      return `| ${first} | ${a.name} | ${f.top1}% | ${f.useful}% | ${f.wrongFix}% | ${f.unhelped}% | ${langs} |`;
    }),
  );
}

/** Issue 13's targets, one line each: the blind sets' four figures and the latency budget. */
export function targetLines(r: ResolverResults): string[] {
  const resolver = r.results[0]!;
  const out = r.sets
    .filter((s) => s.blind)
    .map((s) => {
      const f = resolver.accuracy[s.name]!;
      const [lowLang, low] = Object.entries(f.byLang).sort((x, y) => x[1].top1 - y[1].top1)[0]!;
      return (
        `- ${s.name} (${s.role}): top-1 ${f.top1}% (goal ≥ ${TARGETS.top1}%: ${mark(f.top1 >= TARGETS.top1)}), ` +
        `lowest language ${lowLang} ${low.top1}% (goal ≥ ${TARGETS.top1PerLang}%: ${mark(low.top1 >= TARGETS.top1PerLang)}), ` +
        `useful ${f.useful}% (goal ≥ ${TARGETS.useful}%: ${mark(f.useful >= TARGETS.useful)}), ` +
        `wrong fix ${f.wrongFix}% (goal ≤ ${TARGETS.wrongFix}%: ${mark(f.wrongFix <= TARGETS.wrongFix)})`
      );
    });
  const l = resolver.latency;
  out.push(
    `- latency over the ${l.messages / r.rounds} messages of ${r.latencySets.join(', ')}: median ${l.medianMs} ms ` +
      `(budget < ${TARGETS.medianMs} ms: ${mark(l.medianMs < TARGETS.medianMs)}), p99 ${l.p99Ms} ms ` +
      `(budget < ${TARGETS.p99Ms} ms: ${mark(l.p99Ms < TARGETS.p99Ms)})`,
  );
  return out;
}

/** The whole of part 1 as markdown lines (before formatting). */
export function resolverLines(r: ResolverResults): string[] {
  return [
    `Resolver benchmark (${r.date}, Node ${r.node}, ${r.topics} topics, 4 languages).`,
    '',
    'First replies: top-1 (the right fix, or no fix for a message outside what the bot knows), useful (that, or the right topic among the "did you mean" suggestions), wrong fix (a fix shown that is not the right one, a fix for a look-alike included), unhelped (neither). Only the blind sets tell how the resolver does on messages it has never seen.',
    '',
    '| set (messages) | how it is used | | top-1 | useful | wrong fix | unhelped | ' +
      LANGS.map((l) => `${l} top-1 / useful / wrong`).join(' | ') +
      ' |',
    '|---|---|---|---:|---:|---:|---:|' + LANGS.map(() => '---:').join('|') + '|',
    ...accuracyRows(r),
    '',
    '| | build ms | heap MB | median ms/msg | p99 ms/msg |',
    '|---|---:|---:|---:|---:|',
    ...r.results.map(
      (a) => `| ${a.name} | ${a.build.ms} | ${a.build.heapMb} | ${a.latency.medianMs} | ${a.latency.p99Ms} |`,
    ),
    '',
    `Latency over the messages of ${r.latencySets.join(', ')}, after a warm-up: ${r.rounds} rounds for the resolver, 2 for fuse.js, on the machine as it was during the run.`,
    '',
    "Issue 13's targets, from this run:",
    '',
    ...targetLines(r),
  ];
}
