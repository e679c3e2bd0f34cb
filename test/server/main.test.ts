/** `npm run serve` started with settings it cannot use: it says what to fix and exits 1. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';

function serve(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [
        '--import',
        join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
        join(ROOT, 'src', 'server', 'main.ts'),
      ],
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
    ),
  );
}

describe('npm run serve, when it cannot start', () => {
  it('names a setting that is wrong, without a stack trace', async () => {
    const { code, stderr } = await serve({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('configuration error: PORT must be a port number; got "eighty".');
  }, 60_000);

  it('names the folder the embedded database cannot be created in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signin-serve-broken-'));
    writeFileSync(join(dir, 'base'), 'not a folder');
    const { code, stderr } = await serve({ DATA_DIR: dir, PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^storage error: Could not create the embedded database in ${dir} `));
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
