/** `npm run serve` started with settings it cannot use: it says what to fix and exits 1. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';
import { LANGUAGES } from '../../src/core/i18n/languages.js';

function serve(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [
        '--import',
        join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
        join(ROOT, 'src', 'server', 'main.ts'),
      ],
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr, stdout }),
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

  it('stops before opening anything, naming each setting and what it expects', async () => {
    const { code, stderr, stdout } = await serve({
      PORT: '0',
      OUTBOX_INTERVAL_MS: 'abc',
      PIN_SWEEP_MS: '-5',
      HELPDESK_LANG: 'fr',
      DATABASE_URL: 'mysql://db.contoso.com/signin',
    });
    expect(code).toBe(1);
    expect(stdout).toBe(''); // nothing started: no storage opened, nothing listening
    expect(stderr.trim().split('\n')).toEqual([
      'configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL; got "mysql://db.contoso.com/signin".',
      `HELPDESK_LANG must be one of ${LANGUAGES.join(', ')}; got "fr".`,
      'OUTBOX_INTERVAL_MS must be a whole number of milliseconds, 1 or more; got "abc".',
      'PIN_SWEEP_MS must be a whole number of milliseconds, 1 or more; got "-5".',
    ]);
  }, 60_000);
});
