/**
 * `npm start`'s temporary Playground folder: gone when the stack stops, and when the process
 * is stopped with Ctrl+C (SIGINT) or SIGTERM, so no `agents-playground-*` folder is left behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocal } from '../../src/dev/local.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { ROOT } from '../helpers/pack.js';

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('agents-playground-'));

describe('npm start', () => {
  it('removes the Playground folder when the stack stops', async () => {
    const stack = await startLocal({ botPort: 0, playgroundPort: 0, inMemory: true, log: () => {} });
    expect(existsSync(stack.playgroundDir!)).toBe(true);
    await stack.stop();
    expect(existsSync(stack.playgroundDir!)).toBe(false);
    expect(stack.playground!.exitCode !== null || stack.playground!.signalCode !== null).toBe(true);
  }, 90_000);

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'leaves no Playground folder behind on %s',
    async (signal) => {
      const temp = mkdtempSync(join(tmpdir(), 'signin-start-'));
      const schema = `local_${signal.toLowerCase()}_${process.pid}_${Date.now()}`;
      const child = spawn(
        process.execPath,
        [
          '--import',
          join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
          join(ROOT, 'src', 'dev', 'local.ts'),
        ],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            TMPDIR: temp,
            PORT: '0',
            PLAYGROUND_PORT: '0',
            DATABASE_URL: POSTGRES_URL,
            DATABASE_SCHEMA: schema,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toContain('Ctrl+C stops');
        expect(leftovers(temp)).toHaveLength(1);
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(leftovers(temp)).toEqual([]);
      } finally {
        child.kill('SIGKILL');
        const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
        await db.query(`drop schema if exists ${schema} cascade`);
        await db.close();
      }
    },
    120_000,
  );
});
