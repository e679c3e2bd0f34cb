/**
 * Local mode (BOT_LOCAL_MODE=true) answers without authentication: wherever it is started
 * (`npm start`, `npm run serve`, createApp), it listens on 127.0.0.1 only.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ConfigError } from '../../src/core/errors.js';
import { serve } from '../helpers/serve.js';
import { silentLogger } from '../../src/core/log/logger.js';

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

const app = await createApp({ env: { BOT_LOCAL_MODE: 'true' }, log: silentLogger });

describe('local mode', () => {
  afterAll(() => app.stop());

  it('listens on 127.0.0.1 by default and refuses any other interface', async () => {
    await expect(app.http.listen(0, '0.0.0.0')).rejects.toThrow(ConfigError);
    await expect(app.http.listen(0, '::')).rejects.toThrow(/127\.0\.0\.1 only/);
    const port = await app.http.listen(0);
    expect(app.http.server.address()).toMatchObject({ address: '127.0.0.1', port });
  });

  it('through `npm run serve` binds 127.0.0.1 only: reachable there, not from the network', async () => {
    const served = await serve({ BOT_LOCAL_MODE: 'true' }, 'local');
    try {
      expect(await reachable('127.0.0.1', served.port)).toBe(true);
      for (const address of external) expect(await reachable(address, served.port)).toBe(false);
    } finally {
      await served.stop();
    }
  }, 60_000);
});
