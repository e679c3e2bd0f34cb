/**
 * The production start the README gives (`npm run build`, then `node dist/server.js`) needs no
 * development dependency: the bundled server answers on Slack and Teams, and the bundled command
 * line answers a question, in processes where every module from a package that only
 * development dependencies need fails to load (test/helpers/production-only.mjs), as after
 * `npm ci --omit=dev`; and no such package is bundled in (src/build/bundle.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../helpers/connector.js';
import { freshPgliteDir } from '../helpers/databases.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { writeIndex } from '../../src/core/resolver/prebuilt.js';
import { startServer } from '../helpers/server-process.js';
import { FakeSlackApi } from '../helpers/slack-api.js';
import * as P from '../adapters/slack/payloads.js';
import { bundle } from '../../src/build/bundle.js';

const HOOK = join(ROOT, 'test', 'helpers', 'production-only.mjs');
const DIST = join(ROOT, 'dist');

/** Runs plain node (no TypeScript loader) with the production-only hook. */
function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', HOOK, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const slack = new FakeSlackApi();
const connector = new FakeConnector();
let bundled: string[] = [];
beforeAll(async () => {
  // What `npm run build` bundles, and the resolver index it writes (the template is tested in
  // test/storage; without it the bot creates its database itself).
  bundled = (await bundle(ROOT)).packages;
  writeIndex(realPack(), ROOT);
  await slack.start();
  await connector.start();
}, 180_000);
afterAll(async () => {
  await slack.stop();
  await connector.stop();
});

describe('the built bot, without development dependencies', () => {
  it('bundles no package that only development dependencies need', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    expect(bundled.length).toBeGreaterThan(10);
    expect(bundled.filter((p) => lock.packages[p]?.dev)).toEqual([]);
  });

  it('refuses a development dependency (the check is real)', async () => {
    const { code, stderr } = await node(['--input-type=module', '-e', "await import('tsx')"]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('development dependency loaded in production: node_modules/tsx');
  }, 60_000);

  it('the command line resolves a question', async () => {
    const { code, stdout, stderr } = await node([
      join(DIST, 'cli.js'),
      'resolve',
      '--json',
      'Lync says the server is temporarily unavailable',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ topic: 'server-unavailable' });
  }, 60_000);

  it('the server answers a Slack message and a Teams message', async () => {
    const bot = await startServer(
      { ...P.slackEnv(slack.apiUrl), BOT_LOCAL_MODE: 'true', DATA_DIR: await freshPgliteDir() },
      120_000,
      ['--import', HOOK, join(DIST, 'server.js')],
    );
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const slackReply = await fetch(
        `${bot.url}/slack/events`,
        P.signed(
          P.eventEnvelope(P.dm('Lync says the server is temporarily unavailable', 'UPROD', 'D0PROD')),
          'application/json',
        ),
      );
      expect(slackReply.status).toBe(200);
      await expect
        .poll(
          () =>
            slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0PROD').length,
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(0);
      const teamsReply = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'prod-1',
          timestamp: new Date().toISOString(),
          serviceUrl: connector.url,
          channelId: 'msteams',
          from: { id: '29:prod', name: 'Prod User', aadObjectId: 'prod' },
          recipient: { id: '28:bot', name: 'bot' },
          conversation: { conversationType: 'personal', id: 'a:prod' },
          locale: 'en-US',
          text: 'Lync says the server is temporarily unavailable',
        }),
      });
      expect(teamsReply.status).toBeLessThan(300);
      await expect
        .poll(() => connector.calls.filter((c) => c.method === 'POST').length, { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(bot.output()).not.toContain('development dependency');
      // The bundle checks the index against the hash of the code it was made from.
      expect(bot.output()).toContain('resolver index: read from');
    } finally {
      await bot.kill('SIGTERM');
    }
  }, 180_000);
});
