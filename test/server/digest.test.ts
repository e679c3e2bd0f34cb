/**
 * The weekly digest, through the real wire formats: a week of scripted conversations, then
 * two server processes (two apps on one PostgreSQL database) whose schedulers both find the
 * digest due; the Teams helpdesk channel (a fake Bot Connector) and the Slack one (a fake Web
 * API) each get exactly one card, in the helpdesk's language, with the week's figures and the
 * report command. A restart finds it sent; the next week brings the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/core/outcomes/report.js';
import { type App, createApp } from '../../src/server/app.js';
import { storageOn } from '../../src/storage/open.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { slackEnv } from '../adapters/slack/payloads.js';
import { FakeConnector } from '../helpers/connector.js';
import { BACKENDS, POSTGRES_URL } from '../helpers/databases.js';
import { realPack, realResolver } from '../helpers/pack.js';
import { runScript } from '../helpers/scripted.js';
import { FakeSlackApi } from '../helpers/slack-api.js';
import { silentLogger } from '../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
const api = new FakeSlackApi();
const TEAMS_DESK = '19:helpdesk0channel@thread.tacv2';
const SLACK_DESK = 'C0HELPDESK';
const WEEK_START = Date.parse('2026-11-23T09:00:00Z'); // a Monday
const SLOT = '2026-11-30T09:00:00.000Z'; // the next Monday, 09:00 UTC
let now = Date.parse(SLOT) + 5 * 60_000;
const clock = () => new Date(now);

let opened: Awaited<ReturnType<(typeof BACKENDS)[number]['open']>>;
let schema = '';
let report: Report;
const apps: App[] = [];

/** A server process of its own on the shared database, its background work started. */
async function startProcess(): Promise<App> {
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
  const app = await createApp({
    env: {
      ...slackEnv(api.apiUrl, { HELPDESK_SLACK_CHANNEL: SLACK_DESK }),
      BOT_LOCAL_MODE: 'true',
      HELPDESK_TEAMS_CHANNEL: TEAMS_DESK,
      HELPDESK_TEAMS_SERVICE_URL: connector.url,
      HELPDESK_LANG: 'ja',
      OUTBOX_INTERVAL_MS: '50',
      DIGEST_WEEKLY: 'mon 09:00',
    },
    storage: await storageOn(db),
    clock,
    log: silentLogger,
  });
  await app.http.listen(0, '127.0.0.1');
  await app.start();
  apps.push(app);
  return app;
}

const slackDigests = () =>
  api.calls.filter(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === SLACK_DESK &&
      /digest:/.test(JSON.stringify(c.args.metadata)),
  );
const teamsDigests = () =>
  connector.calls.filter(
    (c) =>
      c.method === 'POST' &&
      c.path.startsWith(`/v3/conversations/${TEAMS_DESK}/`) &&
      c.body?.attachments?.[0]?.content?.body?.[0]?.text === pack.message('digest.title', 'ja'),
  );
/** Waits for the outboxes to settle, then a little longer, so that a second post would show. */
async function settled(app: App) {
  await app.worker!.drain();
  await new Promise((r) => setTimeout(r, 400));
}

beforeAll(async () => {
  await Promise.all([connector.start(), api.start()]);
  opened = await BACKENDS.find((b) => b.name === 'PostgreSQL')!.open();
  schema = (await opened.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
  const storage = await storageOn(opened.db);
  await runScript(storage, WEEK_START, 1);
  report = await loadReport(
    storage,
    realResolver().index.analyzer,
    new Date(Date.parse(SLOT) - 7 * 24 * 3600_000).toISOString(),
    new Date(SLOT),
  );
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.stop().catch(() => undefined);
  await opened.dispose();
  await Promise.all([connector.stop(), api.stop()]);
});

describe('the weekly digest', () => {
  it('is posted once to each helpdesk channel when two processes find it due', async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    expect(await Promise.all([a!.checkDigest(), b!.checkDigest()])).toEqual([true, true]);
    await expect.poll(() => slackDigests().length + teamsDigests().length).toBe(2);
    await settled(a!);
    await settled(b!);
    expect(slackDigests()).toHaveLength(1);
    expect(teamsDigests()).toHaveLength(1);
  });

  it("shows the week's headline figures in the helpdesk's language, with the report command, on Teams", () => {
    const card = teamsDigests()[0]!.body.attachments[0].content;
    expect(card.type).toBe('AdaptiveCard');
    const facts = card.body.find((x: any) => x.type === 'FactSet').facts;
    const pct = (n: number) =>
      new Intl.NumberFormat('ja', { style: 'percent', maximumFractionDigits: 1 }).format(
        n / report.totals.questions,
      );
    expect(facts).toEqual([
      { title: '質問数', value: String(report.totals.questions) },
      { title: '担当者なしで解決', value: `${report.totals.fixed} 件 (${pct(report.totals.fixed)})` },
      {
        title: 'ヘルプデスクに引き継ぎ',
        value: `${report.totals.endings.escalated} 件 (${pct(report.totals.endings.escalated)})`,
      },
      {
        title: '回答できなかった質問',
        value: `${report.totals.endings.unanswered} 件 (${pct(report.totals.endings.unanswered)})`,
      },
    ]);
    expect(report.totals.questions).toBe(32);
    const texts = card.body.map((x: any) => x.text).filter(Boolean);
    const top = report.topics[0]!;
    expect(texts).toContain(`- ${pack.text(top.topic, 'ja').title}: ${top.asked} 件`);
    expect(texts).toContain('2026-11-23 ～ 2026-11-30 (UTC)');
    expect(texts).toContain('npm run -s cli -- report --since 2026-11-23 --format html --out report.html');
  });

  it('shows the same on Slack, as Block Kit with a plain-text fallback', () => {
    const { args } = slackDigests()[0]!;
    const blocks = args.blocks as any[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: pack.message('digest.title', 'ja') } });
    const fields = blocks.flatMap((b) => b.fields ?? []).map((f: any) => f.text);
    expect(fields[0]).toBe(`*質問数*\n${report.totals.questions}`);
    expect(fields[2]).toContain(`*ヘルプデスクに引き継ぎ*\n${report.totals.endings.escalated} 件`);
    expect(JSON.stringify(blocks)).toContain(
      '`npm run -s cli -- report --since 2026-11-23 --format html --out report.html`',
    );
    expect(args.text).toContain(`回答できなかった質問: ${report.totals.endings.unanswered} 件`);
  });

  it('is not posted again by a restarted process, and the next week brings the next one', async () => {
    await apps[0]!.stop();
    const restarted = await startProcess();
    expect(await restarted.checkDigest()).toBe(true);
    await settled(restarted);
    expect(slackDigests()).toHaveLength(1);
    expect(teamsDigests()).toHaveLength(1);

    now += 7 * 24 * 3600_000;
    await Promise.all([restarted.checkDigest(), apps[1]!.checkDigest()]);
    await expect.poll(() => slackDigests().length + teamsDigests().length).toBe(4);
    await settled(restarted);
    expect(slackDigests()).toHaveLength(2);
    expect(teamsDigests()).toHaveLength(2);
  });
});

describe('the digest setting', () => {
  it('stops the start with a message naming it when it is malformed, or when there is no helpdesk channel', async () => {
    const env = { BOT_LOCAL_MODE: 'true', HELPDESK_TEAMS_CHANNEL: TEAMS_DESK };
    await expect(
      createApp({ env: { ...env, DIGEST_WEEKLY: 'every monday' }, log: silentLogger }),
    ).rejects.toThrow(/DIGEST_WEEKLY must be a day and a time/);
    await expect(
      createApp({ env: { BOT_LOCAL_MODE: 'true', DIGEST_WEEKLY: 'mon 09:00' }, log: silentLogger }),
    ).rejects.toThrow(/DIGEST_WEEKLY is set but there is no helpdesk channel/);
  });
});
