import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { openPostgres } from '../../src/storage/postgres.js';
import { POSTGRES_URL } from './databases.js';
import { ROOT } from './pack.js';

export interface Served {
  child: ChildProcess;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its exit code, once it has exited. */
  exitCode(): number | null | undefined;
  /** SIGTERM, then drops its database schema. */
  stop(): Promise<void>;
}

/**
 * `npm run serve` (src/server/main.ts) as a child process on its own PostgreSQL schema, with
 * only PATH and `env` in its environment; resolves once it says which port it listens on.
 */
export async function serve(env: Record<string, string>, name = 'serve'): Promise<Served> {
  const schema = `test_${name}_${process.pid}_${Date.now()}`;
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
      join(ROOT, 'src', 'server', 'main.ts'),
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on :(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
  return {
    child,
    port,
    output: () => out,
    exitCode: () => exited,
    async stop() {
      if (exited === undefined) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.close();
    },
  };
}
