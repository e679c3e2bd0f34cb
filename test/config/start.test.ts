/** `npm run serve` with malformed settings: it does not start, and says which and why. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';
import { LANGUAGES } from '../../src/core/i18n/languages.js';

function serve(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
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

describe('npm run serve with malformed settings', () => {
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
