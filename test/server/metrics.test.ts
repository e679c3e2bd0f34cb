/**
 * What an operator scrapes and reads: GET /metrics after a short Teams conversation (through
 * botbuilder, as the Bot Connector sends it) shows the counters moved, and the log lines of
 * that conversation carry its request id and conversation id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { createLogger } from '../../src/logging/create.js';
import { FakeConnector, postActivity } from '../helpers/connector.js';
import { realPack } from '../helpers/pack.js';
import * as A from '../adapters/teams/activities.js';

const pack = realPack();
const connector = new FakeConnector();
const lines: Record<string, unknown>[] = [];
let app: App;
let base = '';

/** The value of one sample of the scrape ("name{a="1",b="2"} 3"), 0 when absent. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of scrape.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

const scrape = async () => {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

beforeAll(async () => {
  await connector.start();
  const log = createLogger({ level: 'debug', format: 'json', write: (l) => void lines.push(JSON.parse(l)) });
  app = await createApp({ env: { BOT_LOCAL_MODE: 'true', OUTBOX_DISABLED: 'true' }, log });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.http.close();
  await connector.stop();
});

describe('GET /metrics', () => {
  it('counts a Teams conversation: the message by platform and language, the answer, the fix and its stage', async () => {
    const before = await scrape();
    const chat = { conversationType: 'personal', id: 'a:metrics-chat' };
    const asked = A.message(connector.url, 'サインイン アドレスが見つかりません', {
      locale: 'ja-JP',
      conversation: chat,
    });
    expect((await postActivity(base, asked)).status).toBe(200);
    const card = connector.posted()[0].attachments[0].content;
    const yes = card.actions.find((a: any) => a.title === pack.message('fixed.yes', 'ja')).data;
    const press = { ...A.submit(connector.url, yes, 'activity-card-1', 'ja-JP'), conversation: chat };
    expect((await postActivity(base, press)).status).toBe(200);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(
      moved('signin_messages_total', { platform: 'teams', lang: 'ja', kind: 'message', failed: 'false' }),
    ).toBe(1);
    expect(
      moved('signin_messages_total', { platform: 'teams', lang: 'ja', kind: 'action', failed: 'false' }),
    ).toBe(1);
    expect(moved('signin_resolver_outcomes_total', { outcome: 'answered' })).toBe(1);
    expect(moved('signin_dialog_outcomes_total', { outcome: 'fixed', stage: '1' })).toBe(1);
    expect(moved('signin_turn_duration_seconds_count', { platform: 'teams', kind: 'message' })).toBe(1);
    expect(sample(after, 'signin_outbox_depth')).toBe(0);
    expect(sample(after, 'signin_tickets', { status: 'open' })).toBe(0);
  });

  it('serves every metric the README names, with its type', async () => {
    const text = await scrape();
    for (const [name, type] of [
      ['signin_messages_total', 'counter'],
      ['signin_resolver_outcomes_total', 'counter'],
      ['signin_dialog_outcomes_total', 'counter'],
      ['signin_turn_duration_seconds', 'histogram'],
      ['signin_outbox_depth', 'gauge'],
      ['signin_outbox_sent_total', 'counter'],
      ['signin_outbox_failures_total', 'counter'],
      ['signin_tickets', 'gauge'],
      ['signin_process_resident_memory_bytes', 'gauge'],
    ])
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
  });

  it("counts a question outside the bot's topics as unknown", async () => {
    const before = await scrape();
    const chat = { conversationType: 'personal', id: 'a:metrics-unknown' };
    await postActivity(
      base,
      A.message(connector.url, 'the coffee machine on floor 3 leaks', { conversation: chat }),
    );
    const after = await scrape();
    expect(
      sample(after, 'signin_resolver_outcomes_total', { outcome: 'unknown' }) -
        sample(before, 'signin_resolver_outcomes_total', { outcome: 'unknown' }),
    ).toBe(1);
  });

  it("writes each request's log lines with its request id and conversation id, as JSON", async () => {
    lines.length = 0;
    const chat = { conversationType: 'personal', id: 'a:metrics-logged' };
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-7f3a' },
      body: JSON.stringify(A.message(connector.url, 'clock skew', { conversation: chat })),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a');
    const access = lines.find((l) => l.msg === 'POST /api/messages 200');
    expect(access).toMatchObject({
      level: 'debug',
      requestId: 'lb-7f3a',
      conversation: expect.stringContaining(':a:metrics-logged:'),
      platform: 'teams',
    });
    expect(typeof access!.time).toBe('string');
  });
});
