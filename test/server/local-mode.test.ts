/**
 * Local mode (BOT_LOCAL_MODE=true) answers without authentication: wherever it is started
 * (`npm start`, `npm run serve`, createApp), it listens on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ConfigError } from '../../src/core/errors.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { ROOT } from '../helpers/pack.js';

/** Whether a TCP connection to host:port is accepted. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** This machine's addresses other than loopback (where another machine would connect). */
const external = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a!.address);

describe('local mode', () => {
  const app = createApp({ env: { BOT_LOCAL_MODE: 'true' }, log: () => {} });
  afterAll(() => app.stop());

  it('listens on 127.0.0.1 by default and refuses any other interface', async () => {
    await expect(app.http.listen(0, '0.0.0.0')).rejects.toThrow(ConfigError);
    await expect(app.http.listen(0, '::')).rejects.toThrow(/127\.0\.0\.1 only/);
    const port = await app.http.listen(0);
    expect(app.http.server.address()).toMatchObject({ address: '127.0.0.1', port });
  });

  it('through `npm run serve` binds 127.0.0.1 only: reachable there, not from the network', async () => {
    const schema = `test_local_${process.pid}`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
        join(ROOT, 'src', 'server', 'main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          BOT_LOCAL_MODE: 'true',
          DATABASE_URL: POSTGRES_URL,
          DATABASE_SCHEMA: schema,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /listening on :(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
      });
      expect(await reachable('127.0.0.1', port)).toBe(true);
      for (const address of external) expect(await reachable(address, port)).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.close();
    }
  }, 60_000);
});
