/**
 * The README's measured figures are a promise: each block between its markers must be exactly
 * what the benchmark's results file renders, so nobody can edit a number by hand or leave one
 * behind after a run (`npm run bench` rewrites them together).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { readBlock, replaceBlock } from '../../bench/readme-block.js';
import { type ResolverResults, resolverLines, targetLines } from '../../bench/resolver-table.js';
import { ROOT } from '../helpers/pack.js';

const README = join(ROOT, 'README.md');

async function formatted(lines: string[]): Promise<string> {
  const options = (await prettier.resolveConfig(README)) ?? {};
  return (await prettier.format(lines.join('\n') + '\n', { ...options, parser: 'markdown' })).trim();
}

describe('README blocks written by the bench', () => {
  const readme = readFileSync(README, 'utf8');

  it('shows the resolver figures of bench/results/resolver.json, as the bench renders them', async () => {
    const results = JSON.parse(
      readFileSync(join(ROOT, 'bench', 'results', 'resolver.json'), 'utf8'),
    ) as ResolverResults;
    expect(readBlock(readme, 'resolver')).toBe(await formatted(resolverLines(results)));
    expect(readFileSync(join(ROOT, 'bench', 'results', 'resolver.md'), 'utf8').trim()).toBe(
      await formatted(resolverLines(results)),
    );
  });

  it('checks every blind set against the targets, and the latency against its budget', () => {
    const results = JSON.parse(
      readFileSync(join(ROOT, 'bench', 'results', 'resolver.json'), 'utf8'),
    ) as ResolverResults;
    const lines = targetLines(results);
    for (const set of results.sets.filter((s) => s.blind))
      expect(lines.some((l) => l.startsWith(`- ${set.name} `))).toBe(true);
    expect(lines.at(-1)).toMatch(/^- latency over the \d+ messages/);
  });

  it("shows the generated packs' figures of bench/results/scale.md", () => {
    expect(readBlock(readme, 'scale')).toBe(
      readFileSync(join(ROOT, 'bench', 'results', 'scale.md'), 'utf8').trim(),
    );
  });

  it('shows the footprint table of docs/footprint.md', () => {
    const block = readBlock(readme, 'footprint');
    expect(block).toBeTruthy();
    expect(readFileSync(join(ROOT, 'docs', 'footprint.md'), 'utf8')).toContain(block!);
  });

  it('refuses to write into a README that lost its markers, rather than skipping it', () => {
    expect(() => replaceBlock('no markers here', 'resolver', 'x')).toThrow(/resolver/);
    expect(replaceBlock('a <!-- r -->old<!-- /r --> b', 'r', 'new')).toBe(
      'a <!-- r -->\n\nnew\n\n<!-- /r --> b',
    );
  });
});
