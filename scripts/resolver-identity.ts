/**
 * `npx tsx scripts/resolver-identity.ts OUT_DIR [--compare REF_DIR]`: proves that a change to
 * how the resolver works (speed, memory) changes no answer. Every line of the development,
 * held-out and chat-style sets is resolved as `cli resolve --json` resolves it (a line with
 * "context" first answers its earlier messages, as evaluation does), and written to
 * OUT_DIR/<set>.jsonl, with the full-precision ranking of each message beside it in
 * OUT_DIR/<set>.ranked.jsonl (an answer can survive a changed score; this catches that too).
 * The second blind set is never written nor shown: only the sha256 of its outputs is printed,
 * to compare before and after. With --compare, each set is compared line by line with REF_DIR
 * and only the numbers of the lines that differ are printed (exit 1 when any does).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatText } from '../src/adapters/registry.js';
import { loadKnowledgePack, projectRoot } from '../src/core/knowledge/load.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import { stripNoise } from '../src/core/text/noise.js';
import { detectLanguage } from '../src/core/text/detect-language.js';
import { parseDataset } from '../src/evaluation/dataset.js';

const root = projectRoot();
const SETS: Record<string, string> = {
  dev: join(root, '..', 'shared', 'eval', 'dev.jsonl'),
  holdout: join(root, 'test', 'fixtures', 'holdout.jsonl'),
  'chat-dev': join(root, 'test', 'fixtures', 'chat-dev.jsonl'),
  'chat-dev-2': join(root, 'test', 'fixtures', 'chat-dev-2.jsonl'),
  'chat-blind': join(root, 'test', 'fixtures', 'chat-blind.jsonl'),
};
/** Hashed only: its messages and answers are never written or printed. */
const HASHED_ONLY: Record<string, string> = {
  'chat-blind-2': join(root, 'test', 'fixtures', 'chat-blind-2.jsonl'),
};

const [out, flag, ref] = process.argv.slice(2);
if (!out || (flag !== undefined && (flag !== '--compare' || !ref))) {
  process.stderr.write('usage: tsx scripts/resolver-identity.ts OUT_DIR [--compare REF_DIR]\n');
  process.exit(2);
}

const pack = loadKnowledgePack(root);
const resolver = new Resolver(pack);

/** One set's answers (as `resolve --json` prints them) and full-precision rankings, a line each. */
function run(file: string): { answers: string[]; ranked: string[] } {
  const answers: string[] = [];
  const ranked: string[] = [];
  for (const row of parseDataset(readFileSync(file, 'utf8'), file)) {
    let topic: string | null = null;
    for (const earlier of row.context ?? [])
      topic = resolver.resolve(chatText(earlier), { context: { topic } }).topic ?? topic;
    const result = resolver.resolve(chatText(row.text), { locale: null, context: { topic } });
    answers.push(JSON.stringify({ ...result, text: row.text }));
    const clean = stripNoise(chatText(row.text));
    ranked.push(JSON.stringify(resolver.rankMessage(clean, detectLanguage(clean, null).lang)));
  }
  return { answers, ranked };
}

const sha = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

mkdirSync(out, { recursive: true });
let differs = false;
for (const [name, file] of Object.entries(SETS)) {
  if (!existsSync(file)) continue;
  const { answers, ranked } = run(file);
  for (const [suffix, lines] of [
    ['', answers],
    ['.ranked', ranked],
  ] as const) {
    const path = `${name}${suffix}.jsonl`;
    writeFileSync(join(out, path), lines.join('\n') + '\n');
    if (!ref) continue;
    const before = readFileSync(join(ref, path), 'utf8').split('\n').slice(0, -1);
    const changed = lines.flatMap((l, i) => (l === before[i] ? [] : [i + 1]));
    if (before.length !== lines.length) changed.push(-1);
    differs ||= changed.length > 0;
    process.stdout.write(
      `${path}: ${lines.length} lines, ${changed.length ? `DIFFER at ${changed.join(' ')}` : 'identical'}\n`,
    );
  }
}
for (const [name, file] of Object.entries(HASHED_ONLY)) {
  if (!existsSync(file)) continue;
  const { answers, ranked } = run(file);
  const hashes = `${name}: answers ${sha(answers)} ranked ${sha(ranked)}\n`;
  writeFileSync(join(out, `${name}.sha256`), hashes);
  process.stdout.write(hashes);
  if (ref) {
    const same = readFileSync(join(ref, `${name}.sha256`), 'utf8') === hashes;
    differs ||= !same;
    process.stdout.write(`${name}: ${same ? 'identical' : 'DIFFERS'} (hashes only)\n`);
  }
}
process.exit(differs ? 1 : 0);
