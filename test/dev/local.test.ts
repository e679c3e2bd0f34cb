/**
 * `npm start` is the whole product, locally: the same background work as `npm run serve`
 * (the outbox posts ticket cards and retries; pins expire), with the Playground's team channel
 * as the helpdesk and the Playground's user as an admin unless the environment says otherwise.
 * Its temporary Playground folder goes when it stops, on Ctrl+C (SIGINT) and SIGTERM too.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDefaults, PLAYGROUND, type LocalStack, startLocal } from '../../src/dev/local.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { FakeConnector } from '../helpers/connector.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { ROOT } from '../helpers/pack.js';
import { silentLogger } from '../../src/core/log/logger.js';

let stack: LocalStack | undefined;
const saved = { ...process.env };
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
  process.env = { ...saved };
});

describe('npm start', () => {
  it('makes the Playground team channel the helpdesk and its user an admin, unless told otherwise', () => {
    expect(localDefaults({}, 56150)).toMatchObject({
      HELPDESK_TEAMS_CHANNEL: PLAYGROUND.teamChannel,
      HELPDESK_TEAMS_SERVICE_URL: 'http://localhost:56150/_connector',
      BOT_ADMINS: PLAYGROUND.userAadObjectId,
      BOT_LOCAL_MODE: 'true',
    });
    expect(localDefaults({ HELPDESK_TEAMS_CHANNEL: '19:x@thread.tacv2', BOT_ADMINS: 'a' }, 1)).toMatchObject({
      HELPDESK_TEAMS_CHANNEL: '19:x@thread.tacv2',
      BOT_ADMINS: 'a',
    });
  });

  it('runs the outbox: a ticket filed under npm start reaches the helpdesk channel, after a failure', async () => {
    const connector = await new FakeConnector().start();
    process.env.HELPDESK_TEAMS_SERVICE_URL = connector.url;
    process.env.OUTBOX_INTERVAL_MS = '50';
    stack = await startLocal({ botPort: 0, withPlayground: false, inMemory: true, log: silentLogger });
    // The first post fails (the channel is briefly unreachable); the outbox tries again by itself.
    connector.failNext({ status: 503 });
    await stack.app.bot.helpdesk.createTicket({
      conversation: 'teams:a:1:u',
      platform: 'teams',
      user: { id: 'u', name: 'Megan' },
      address: {},
      lang: 'en',
      topic: null,
      form: {},
      attempts: [],
    });
    await expect
      .poll(
        () =>
          connector.calls.filter(
            (c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${PLAYGROUND.teamChannel}/`),
          ).length,
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await connector.stop();
  }, 20_000);

  it('expires pins by itself', async () => {
    process.env.PIN_SWEEP_MS = '50';
    stack = await startLocal({ botPort: 0, withPlayground: false, inMemory: true, log: silentLogger });
    const { pins } = stack.app.bot;
    // A pin for 20 ms: nothing but the sweeper started by npm start can end it.
    await pins.pin('teams', 'team-id', 'clock-skew', '', 20, { id: PLAYGROUND.userAadObjectId }, 'en');
    await expect
      .poll(async () => (await pins.auditLog()).map((e) => e.action), { timeout: 5000 })
      .toContain('expire');
  });
});

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('agents-playground-'));

describe('npm start: the Playground folder', () => {
  it('removes the Playground folder when the stack stops', async () => {
    const local = await startLocal({ botPort: 0, playgroundPort: 0, inMemory: true, log: silentLogger });
    expect(existsSync(local.playgroundDir!)).toBe(true);
    await local.stop();
    expect(existsSync(local.playgroundDir!)).toBe(false);
    expect(local.playground!.exitCode !== null || local.playground!.signalCode !== null).toBe(true);
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
