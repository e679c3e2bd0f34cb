/**
 * `npm start` is the whole product, locally: the same background work as `npm run serve`
 * (the outbox posts ticket cards and retries; pins expire), with the Playground's team channel
 * as the helpdesk and the Playground's user as an admin unless the environment says otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localDefaults, PLAYGROUND, type LocalStack, startLocal } from '../../src/dev/local.js';
import { FakeConnector } from '../helpers/connector.js';

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
    stack = await startLocal({ botPort: 0, withPlayground: false, inMemory: true, log: () => {} });
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
    stack = await startLocal({ botPort: 0, withPlayground: false, inMemory: true, log: () => {} });
    const { pins } = stack.app.bot;
    // A pin for 20 ms: nothing but the sweeper started by npm start can end it.
    await pins.pin('teams', 'team-id', 'clock-skew', '', 20, { id: PLAYGROUND.userAadObjectId }, 'en');
    await expect
      .poll(async () => (await pins.auditLog()).map((e) => e.action), { timeout: 5000 })
      .toContain('expire');
  });
});
