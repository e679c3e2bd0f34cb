/** `report` and `privacy forget` from the command line, on a PostgreSQL schema of their own. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/report/period.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { storageOn } from '../../src/storage/open.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { botOnStorage } from '../helpers/storage-bot.js';

const pack = realPack();
const schema = `report_cli_${process.pid}_${Date.now()}`;
const cli = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
    timeout: 60_000,
  });

beforeAll(async () => {
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
  const bot = botOnStorage(await storageOn(db));
  const ask = (conversation: string, text: string) =>
    bot.handle({
      conversation,
      text,
      platform: 'slack',
      user: { id: conversation.split(':').at(-1)!, name: 'Ann' },
    });
  await ask('slack:T:D1:-:U1', pack.text('clock-skew', 'ja').title);
  await ask('slack:T:D1:-:U1', 'はい');
  await ask('slack:T:D2:-:U2', 'where is the cafeteria');
  await db.close();
}, 60_000);

afterAll(async () => {
  const db = await openPostgres({ connectionString: POSTGRES_URL });
  await db.query(`drop schema if exists ${schema} cascade`);
  await db.close();
});

describe('report on the command line', () => {
  it('prints the figures as text', () => {
    const run = cli('report', '--since', '1d');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Questions\s+2\n/);
    expect(run.stdout).toMatch(/Fixed by the bot\s+1 \(50%\) without a person/);
    expect(run.stdout).toContain('stage 1  1');
    expect(run.stdout).toContain('"where is the cafeteria"');
    expect(run.stdout).not.toContain('Ann');
  });

  it('refuses a period or a format it does not know, saying what it takes', () => {
    const since = cli('report', '--since', 'last week');
    expect(since.status).toBe(1);
    expect(since.stderr).toContain('--since must be a duration such as 7d');
    const format = cli('report', '--format', 'pdf');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, json, html');
  }, 60_000);

  it('kb suggest lists what the bot could not answer, with no topic where nothing points to one', () => {
    const run = cli('kb', 'suggest', '--since', '1d');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('en    (no topic)  1 question  (no topic: nothing points to one)');
    expect(run.stdout).toContain('asked: "where is the cafeteria"');
    expect(run.stdout).toContain('No new phrasings to propose.');
    const usage = cli('kb');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: cli kb suggest [--since 30d] [--apply]');
  }, 60_000);

  it('reads a period as hours, days, weeks or a date', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(parseSince('24h', now)).toBe('2026-11-21T12:00:00.000Z');
    expect(parseSince('7d', now)).toBe('2026-11-15T12:00:00.000Z');
    expect(parseSince('2w', now)).toBe('2026-11-08T12:00:00.000Z');
    expect(parseSince('2026-11-01', now)).toBe('2026-11-01T00:00:00.000Z');
  });

  it('forgets a user and says what it deleted', () => {
    const run = cli('privacy', 'forget', 'U1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/forgot U1:\n {2}conversation_state\s+1 deleted\n/);
    expect(run.stdout).toMatch(/outcomes\s+1 deleted/);
    expect(cli('privacy', 'forget', 'U1').stdout).toBe('nothing kept about U1\n');
    expect(cli('report', '--since', '1d').stdout).toMatch(/Questions\s+1\n/);
    expect(cli('privacy', 'forget').status).toBe(2);
  }, 90_000);
});
