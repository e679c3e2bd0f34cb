/**
 * A bot process saves a ticket and is killed (SIGKILL) before its card reaches the helpdesk
 * channel; after a restart on the same storage the card is posted, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/postgres.js';
import { freshPgliteDir, POSTGRES_URL } from '../helpers/databases.js';
import { startServer } from '../helpers/server-process.js';
import { FakeSlackApi } from '../helpers/slack-api.js';
import * as P from '../adapters/slack/payloads.js';

const api = new FakeSlackApi();
const HELPDESK = 'C0HELPDESK';
beforeAll(() => api.start());
afterAll(() => api.stop());

const startBot = (env: Record<string, string>) =>
  startServer({
    ...P.slackEnv(api.apiUrl),
    HELPDESK_SLACK_CHANNEL: HELPDESK,
    OUTBOX_INTERVAL_MS: '100',
    ...env,
  });

async function send(url: string, body: string, contentType = 'application/json') {
  const res = await fetch(`${url}/slack/events`, P.signed(body, contentType));
  expect(res.status).toBe(200);
}

const posted = (channel: string) =>
  api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

async function crashAndRecover(storageEnv: Record<string, string>) {
  api.clear();
  const dm = `D0CRASH${Math.floor(Math.random() * 1e6)}`;
  const user = 'UCRASH';
  // The first process takes requests but does not send what its outbox holds.
  const first = await startBot({ ...storageEnv, OUTBOX_DISABLED: 'true' });
  await send(first.url, P.eventEnvelope(P.dm('talk to a person', user, dm)));
  await expect.poll(() => posted(dm).length, { timeout: 10_000 }).toBe(2);
  const token = JSON.parse(
    posted(dm)[1]!.args.blocks.find((b: any) => b.block_id === 'form').elements[0].value,
  ).token;
  const metadata = JSON.stringify({ team: P.TEAM, channel: dm, user, token });
  await send(
    first.url,
    P.viewSubmission(
      'escalation-form',
      metadata,
      {
        client: { type: 'static_select', selected_option: { value: 'lync2013' } },
        os: { type: 'static_select', selected_option: { value: 'windows7' } },
        error: { type: 'plain_text_input', value: 'Server is temporarily unavailable' },
        since: { type: 'plain_text_input', value: 'today' },
        affected: { type: 'static_select', selected_option: { value: 'everyone' } },
        domain: { type: 'plain_text_input', value: '' },
      },
      user,
    ),
    'application/x-www-form-urlencoded',
  );
  // The ticket is saved (the user has its number) and its card is still in the outbox.
  const told = () =>
    api.messages.filter((m) => m.channel === dm && JSON.stringify(m.blocks).includes('SI-1001'));
  await expect.poll(() => told().length, { timeout: 10_000 }).toBe(1);
  expect(posted(HELPDESK)).toHaveLength(0);
  await first.kill('SIGKILL');

  // A new process on the same storage sends what was pending: the card, once.
  const second = await startBot(storageEnv);
  await expect.poll(() => posted(HELPDESK).length, { timeout: 15_000 }).toBe(1);
  expect(JSON.stringify(posted(HELPDESK)[0]!.args.blocks)).toContain('SI-1001');
  await new Promise((r) => setTimeout(r, 1000));
  expect(posted(HELPDESK)).toHaveLength(1);
  await second.kill('SIGTERM');
}

describe('a crash between saving a ticket and posting its card', () => {
  it('loses nothing on PostgreSQL: the card is posted once after a restart', async () => {
    const schema = `crash_${process.pid}_${Date.now()}`;
    await crashAndRecover({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema });
    const db = await openPostgres({ connectionString: POSTGRES_URL });
    await db.query(`drop schema ${schema} cascade`);
    await db.close();
  }, 180_000);

  it('loses nothing in the embedded database either', async () => {
    await crashAndRecover({ DATA_DIR: await freshPgliteDir() });
  }, 180_000);
});
