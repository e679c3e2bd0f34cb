/** Drives the command line as other checks do: a real process, real stdin and stdout. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RESOLUTION_FIELDS } from '../../src/core/resolver/types.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = (args: string[], input?: string) =>
  spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('cli resolve --json', () => {
  it('prints one JSON object for TEXT, with the documented fields', () => {
    const run = cli(['resolve', '--json', 'Sign-in address not found']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual(RESOLUTION_FIELDS);
    expect(result).toMatchObject({
      text: 'Sign-in address not found',
      topic: 'signin-address-not-found',
      lang: 'en',
      clarify: false,
    });
    expect(result.candidates[0]).toEqual({ topic: 'signin-address-not-found', score: expect.any(Number) });
    expect(result.suggestions).toEqual([]);
    expect(result.answer).toEqual({ kind: 'fix', id: 'signin-address-not-found' });
  });

  it('reads one message per line from stdin and answers each in order, from one process', () => {
    const input =
      [
        'パスワードを忘れました',
        'how do I book a meeting room',
        '伺服器暫時無法使用',
        '',
        'x'.repeat(5000),
      ].join('\n') + '\n';
    const run = cli(['resolve', '--json'], input);
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ topic: 'forgotten-password', lang: 'ja' });
    expect(out[1]).toMatchObject({ topic: null });
    expect(out[2]).toMatchObject({ topic: 'server-unavailable', lang: 'zh-TW', clarify: true });
    expect(out[3]).toMatchObject({ text: '', topic: null });
    expect(out[4].error).toMatchObject({ code: 'message_too_long' });
  });

  it('uses the locale hint when the text cannot tell', () => {
    const run = cli(['resolve', '--json', '--locale', 'ja-JP', 'msoidsvc.exe']);
    expect(JSON.parse(run.stdout)).toMatchObject({ topic: 'signin-address-not-found', lang: 'ja' });
  });
});

describe('cli eval', () => {
  it('prints top-1, top-3, out-of-scope figures, per label, per language and confusions', () => {
    const run = cli(['eval', join(ROOT, 'test', 'fixtures', 'holdout.jsonl')]);
    expect(run.status).toBe(0);
    for (const part of [
      'top-1',
      'top-3',
      'out-of-scope   precision',
      'by language',
      'by label',
      'zh-TW',
      'clock-skew',
    ])
      expect(run.stdout).toContain(part);
  });

  it('fails clearly on a missing file', () => {
    const run = cli(['eval', 'nope.jsonl']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/nope\.jsonl/);
  });
});

describe('cli', () => {
  it('rejects an unknown command with the usage', () => {
    const run = cli(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('cli: unknown command "frobnicate"');
    expect(run.stderr).toContain('usage');
  });

  it('rejects an unknown flag or a missing value in one line and the usage, without a stack trace', () => {
    for (const args of [
      ['resolve', '--bogus', 'hi'],
      ['resolve', 'hi', '--locale'],
    ]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      const [first, second] = run.stderr.split('\n');
      expect(first).toMatch(/^cli: .*(--bogus|--locale)/);
      expect(second).toMatch(/^usage: cli <command>/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });

  it('prints the usage for help and --help', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const run = cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^usage: cli <command>/);
      expect(run.stdout).toContain('resolve [--json]');
    }
  });
});
