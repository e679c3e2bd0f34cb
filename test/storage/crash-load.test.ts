/**
 * Escalations under SIGKILL. Real server processes take a load of escalation forms from Slack
 * (modal submissions) and Teams (card submissions) while they are killed at random moments
 * (seeded) and restarted; what was not acknowledged is delivered again, to the next process, as
 * Slack retries and the Bot Connector redelivers. Then the database and the fake platform APIs
 * are counted: every form filed once, every ticket card posted once in the helpdesk channel,
 * every user told their ticket's number once.
 *
 * On PostgreSQL two processes share the load (a retry goes to the other one while the killed
 * one restarts); the embedded database (PGlite) is one process's, so its retries wait for the
 * restarted process. The helpdesk channel is on Slack, where a post is looked up by its marker
 * before it is tried again (Bot Framework cannot read a channel back; see the README).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/storage/pglite.js';
import { openPostgres } from '../../src/storage/postgres.js';
import type { SqlDatabase } from '../../src/storage/sql.js';
import { FakeConnector, postActivity } from '../helpers/connector.js';
import { freshPgliteDir, POSTGRES_URL } from '../helpers/databases.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { FakeSlackApi } from '../helpers/slack-api.js';
import { seededRandom } from '../helpers/random.js';
import * as P from '../adapters/slack/payloads.js';

const api = new FakeSlackApi();
const connector = new FakeConnector();
const HELPDESK = 'C0HELPDESK';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
beforeAll(async () => {
  await Promise.all([api.start(), connector.start()]);
});
afterAll(async () => {
  await Promise.all([api.stop(), connector.stop()]);
});

/** A seeded generator: the same kills at the same moments on every run. */
const random = seededRandom;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** Time between two users' forms. */
const SPACING_MS = 60;

/** The bot processes of one run: restarted after each kill, in the same slot. */
class Fleet {
  readonly slots: (ServerProcess | undefined)[] = [];
  kills = 0;
  private next = 0;

  constructor(private readonly env: Record<string, string>) {}

  async start(count: number): Promise<void> {
    const started = await Promise.all(Array.from({ length: count }, () => startServer(this.env)));
    this.slots.push(...started);
  }

  /** A process that is up, taking turns: a retry goes to the next one. */
  async pick(): Promise<ServerProcess> {
    for (;;) {
      const up = this.slots.filter((s): s is ServerProcess => s !== undefined);
      if (up.length) return up[this.next++ % up.length]!;
      await sleep(50);
    }
  }

  private readonly restarts: Promise<void>[] = [];

  /** Kills a process that is up (if any) now; it restarts in its slot while others carry on. */
  async kill(rng: () => number): Promise<void> {
    const up = this.slots.flatMap((s, i) => (s ? [i] : []));
    if (!up.length) return;
    const slot = up[Math.floor(rng() * up.length)]!;
    const server = this.slots[slot]!;
    this.slots[slot] = undefined;
    await server.kill('SIGKILL');
    this.kills++;
    this.restarts.push(startServer(this.env).then((s) => void (this.slots[slot] = s)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.restarts);
    await Promise.all(this.slots.map((s) => s?.kill('SIGTERM')));
  }
}

/**
 * Delivers until a process acknowledges it (200), as the platforms do: Slack gives up on a
 * request after 3 s and retries; the Bot Connector after 15 s.
 */
async function deliver(fleet: Fleet, send: (server: ServerProcess, retry: number) => Promise<number>) {
  for (let retry = 0; retry < 200; retry++) {
    const server = await fleet.pick();
    const status = await send(server, retry).catch(() => 0); // killed mid-request: no answer
    if (status === 200) return retry;
    await sleep(100);
  }
  throw new Error('a delivery was never acknowledged');
}

function withTimeout(ms: number): { signal: AbortSignal } {
  return { signal: AbortSignal.timeout(ms) };
}

const slackSend = (body: string, contentType: string) => (server: ServerProcess, retry: number) =>
  fetch(`${server.url}/slack/events`, {
    ...P.signed(body, contentType, retry ? { retry } : {}),
    ...withTimeout(3000),
  }).then((r) => r.status);

const teamsSend = (activity: object) => (server: ServerProcess) =>
  Promise.race([postActivity(server.url, activity).then((r) => r.status), sleep(15_000).then(() => 0)]);

interface User {
  platform: 'slack' | 'teams';
  /** The DM (Slack) or personal chat (Teams). */
  chat: string;
  id: string;
  conversation: string;
  token?: string | undefined;
  /** The message or activity the form is on. */
  formMessage?: string | undefined;
}

const FORM = {
  client: 'lync2013',
  os: 'windows10',
  error: 'Server is temporarily unavailable',
  since: 'today',
  affected: 'everyone',
  domain: 'contoso.com',
};

function teamsActivity(user: User, extra: object) {
  return {
    id: `act-${user.id}-${Math.random().toString(36).slice(2)}`,
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: `29:${user.id}`, name: user.id, aadObjectId: `aad-${user.id}` },
    recipient: { id: '28:bot', name: 'SignInBot' },
    conversation: { conversationType: 'personal', id: user.chat, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    type: 'message',
    ...extra,
  };
}

const formToken = (attachment: any): string | undefined =>
  attachment?.content?.actions?.find((a: any) => a.data?.value === 'escalation')?.data?.token;

/** Every user asks for a person and gets the form (before the kills). */
async function askForForms(fleet: Fleet, users: User[]): Promise<void> {
  await Promise.all(
    users.map(async (u) => {
      if (u.platform === 'slack')
        await deliver(
          fleet,
          slackSend(P.eventEnvelope(P.dm('talk to a person', u.id, u.chat)), 'application/json'),
        );
      else
        await deliver(fleet, teamsSend(teamsActivity(u, { text: 'talk to a person', textFormat: 'plain' })));
    }),
  );
  for (const u of users) {
    await expect
      .poll(
        () => {
          if (u.platform === 'slack') {
            const form = api.messages.find(
              (m) => m.channel === u.chat && JSON.stringify(m.blocks).includes('"block_id":"form"'),
            );
            const button = (form?.blocks as any[] | undefined)?.find((b) => b.block_id === 'form');
            u.formMessage = form?.ts;
            u.token = button && JSON.parse(button.elements[0].value).token;
          } else {
            const form = connector.calls.find(
              (c) => c.method === 'POST' && c.path.includes(u.chat) && formToken(c.body?.attachments?.[0]),
            );
            u.formMessage = form?.id;
            u.token = form && formToken(form.body.attachments[0]);
          }
          return Boolean(u.token && u.formMessage);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  }
}

function submission(u: User) {
  if (u.platform === 'teams')
    return teamsSend(
      teamsActivity(u, {
        replyToId: u.formMessage,
        value: { action: 'form', value: 'escalation', token: u.token, ...FORM },
      }),
    );
  const metadata = JSON.stringify({
    team: P.TEAM,
    channel: u.chat,
    user: u.id,
    token: u.token,
    message: u.formMessage,
  });
  const values = Object.fromEntries(
    Object.entries(FORM).map(([k, v]) => [
      k,
      ['client', 'os', 'affected'].includes(k)
        ? { type: 'static_select', selected_option: { value: v } }
        : { type: 'plain_text_input', value: v },
    ]),
  );
  return slackSend(
    P.viewSubmission('escalation-form', metadata, values, u.id),
    'application/x-www-form-urlencoded',
  );
}

/** Where each user was told a ticket number: message ids (Slack ts, Teams activity id) by ref. */
function toldRefs(u: User): Map<string, Set<string>> {
  const told = new Map<string, Set<string>>();
  const add = (text: string, id: string) => {
    for (const ref of new Set(text.match(/SI-\d+/g) ?? []))
      told.set(ref, (told.get(ref) ?? new Set()).add(id));
  };
  if (u.platform === 'slack')
    for (const m of api.messages.filter((x) => x.channel === u.chat)) add(JSON.stringify(m.blocks), m.ts);
  else
    for (const c of connector.calls.filter((x) => x.path.includes(`/v3/conversations/${u.chat}/`)))
      add(
        JSON.stringify(c.body?.attachments ?? []),
        c.method === 'PUT' ? c.path.split('/activities/')[1]! : `posted:${c.id}`,
      );
  return told;
}

async function escalateUnderKills(
  name: string,
  options: { env: Record<string, string>; processes: number; users: number; seed: number; kills: number },
  openDb: () => Promise<SqlDatabase>,
) {
  api.clear();
  connector.clear();
  const rng = random(options.seed);
  const fleet = new Fleet({
    ...P.slackEnv(api.apiUrl),
    BOT_LOCAL_MODE: 'true',
    HELPDESK_SLACK_CHANNEL: HELPDESK,
    OUTBOX_INTERVAL_MS: '200',
    OUTBOX_LEASE_MS: '3000',
    SLACK_HANDLING_LEASE_MS: '2000',
    TEAMS_HANDLING_LEASE_MS: '2000',
    ...options.env,
  });
  const began = Date.now();
  await fleet.start(options.processes);
  const users: User[] = Array.from({ length: options.users }, (_, i) => {
    const platform = i % 2 ? 'teams' : 'slack';
    const id = `${platform === 'slack' ? 'U' : 'u'}${name}${i}`;
    const chat = platform === 'slack' ? `D${name}${i}` : `a:${name}-${i}`;
    return {
      platform,
      id,
      chat,
      conversation: platform === 'slack' ? `slack:${P.TEAM}:${chat}:-:${id}` : `teams:${chat}:aad-${id}`,
    };
  });
  await askForForms(fleet, users);

  // The forms arrive one every SPACING_MS, as users send them, while processes are killed at
  // random moments of that span.
  const redeliveries = users.map((u, i) => sleep(i * SPACING_MS).then(() => deliver(fleet, submission(u))));
  const span = users.length * SPACING_MS;
  const moments = Array.from({ length: options.kills }, () => rng() * span).sort((a, b) => a - b);
  const started = Date.now();
  for (const moment of moments) {
    await sleep(moment - (Date.now() - started));
    await fleet.kill(rng);
  }
  const retries = (await Promise.all(redeliveries)).reduce((a, b) => a + b, 0);

  // Every card reaches the helpdesk channel (a killed worker's items after their lease)...
  const posts = () => api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === HELPDESK);
  const refOf = (c: { args: Record<string, any> }) => /SI-\d+/.exec(JSON.stringify(c.args.blocks))?.[0];
  await expect.poll(() => new Set(posts().map(refOf)).size, { timeout: 60_000 }).toBe(users.length);
  await sleep(4000); // a lease and a round more: a second post of any card would show by now
  await fleet.stop();

  const db = await openDb();
  const tickets = await db.query<{
    ref: string;
    conversation: string;
    form_key: string;
    helpdesk_message: unknown;
  }>('select ref, conversation, form_key, helpdesk_message from tickets order by id');
  const [pending] = await db.query<{ n: string }>('select count(*) as n from outbox where sent_at is null');
  await db.close();

  const lost = users.filter(
    (u) => !tickets.some((t) => t.conversation === u.conversation && t.form_key === u.token),
  );
  const filedTwice = users.filter((u) => tickets.filter((t) => t.conversation === u.conversation).length > 1);
  const byRef = new Map<string, number>();
  for (const c of posts()) {
    const ref = String(refOf(c));
    byRef.set(ref, (byRef.get(ref) ?? 0) + 1);
  }
  const postedTwice = [...byRef].filter(([, n]) => n > 1);
  const notToldOnce = users.filter((u) => {
    const told = toldRefs(u);
    const ticket = tickets.find((t) => t.conversation === u.conversation);
    return told.size !== 1 || !ticket || told.get(ticket.ref)?.size !== 1;
  });
  console.log(
    `${name}: ${users.length} forms, ${fleet.kills} kills, ${retries} redeliveries; ` +
      `lost ${lost.length}, filed twice ${filedTwice.length}, cards posted twice ${postedTwice.length}, ` +
      `users not told exactly once ${notToldOnce.length} (${Math.round((Date.now() - began) / 1000)} s)`,
  );
  expect(fleet.kills).toBeGreaterThan(0);
  expect(lost.map((u) => u.conversation)).toEqual([]);
  expect(filedTwice.map((u) => u.conversation)).toEqual([]);
  expect(tickets).toHaveLength(users.length);
  expect(postedTwice).toEqual([]);
  expect(tickets.filter((t) => !t.helpdesk_message).map((t) => t.ref)).toEqual([]);
  expect(Number(pending!.n)).toBe(0);
  expect(
    notToldOnce.map((u) => [u.conversation, [...toldRefs(u)].map(([r, ids]) => `${r}×${ids.size}`)]),
  ).toEqual([]);
}

describe('escalations while bot processes are killed (SIGKILL) at random moments', () => {
  it('lose nothing and say nothing twice on PostgreSQL, two processes', async () => {
    const schema = `crash_load_${process.pid}_${Date.now()}`;
    try {
      await escalateUnderKills(
        'pg',
        {
          env: { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
          processes: 2,
          users: 30,
          seed: 12,
          kills: 3,
        },
        () => openPostgres({ connectionString: POSTGRES_URL, schema }),
      );
    } finally {
      const db = await openPostgres({ connectionString: POSTGRES_URL });
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.close();
    }
  }, 240_000);

  it('lose nothing and say nothing twice on the embedded database, one process at a time', async () => {
    const dir = await freshPgliteDir();
    await escalateUnderKills(
      'lite',
      { env: { DATA_DIR: dir }, processes: 1, users: 16, seed: 7, kills: 2 },
      () => openPglite(dir),
    );
  }, 240_000);
});
