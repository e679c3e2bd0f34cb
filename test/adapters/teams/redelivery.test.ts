/**
 * The Bot Framework delivers an activity again when the bot did not answer in time or answered
 * 5xx. A message delivered twice (the same activity id in the same conversation) is answered
 * once, through the same delivery claims as Slack's events; a new message is answered as usual.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
let app: App;
let base = '';

beforeAll(async () => {
  await connector.start();
  app = await createApp({ env: { BOT_LOCAL_MODE: 'true', OUTBOX_DISABLED: 'true' }, log: silentLogger });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});
beforeEach(() => connector.clear());

describe('Teams: a retried delivery', () => {
  it('answers a message delivered twice once, and the next message as usual', async () => {
    const title = pack.text('personal-certificate', 'en').title;
    const conversation = { conversationType: 'personal', id: 'a:redelivered-chat' };
    const activity = A.message(connector.url, title, { conversation });
    expect((await postActivity(base, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    // The same activity again, as the Bot Framework retries it: acknowledged, nothing sent.
    expect((await postActivity(base, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    // A new activity in the same conversation is a new message.
    expect((await postActivity(base, A.message(connector.url, title, { conversation }))).status).toBe(200);
    expect(connector.calls).toHaveLength(2);
  });
});
