/**
 * A card answered after a restart, or on the other process of a PostgreSQL deployment, is still
 * replaced by its answered form (its steps kept, its buttons gone, the answer shown): the cards
 * sent with buttons are remembered in storage, not in one process's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { storageOn } from '../../../src/storage/open.js';
import { openPostgres } from '../../../src/storage/postgres.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { POSTGRES_URL } from '../../helpers/databases.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
const schema = `test_cards_${process.pid}_${Date.now()}`;
const chat = { conversationType: 'personal', id: 'a:restart-chat', tenantId: 'x' };
const apps: App[] = [];

async function process_(): Promise<App> {
  const storage = await storageOn(await openPostgres({ connectionString: POSTGRES_URL, schema }));
  const app = await createApp({
    env: { BOT_LOCAL_MODE: 'true', OUTBOX_DISABLED: 'true' },
    storage,
    log: silentLogger,
  });
  apps.push(app);
  return app;
}
async function post(app: App, activity: object) {
  const port = await app.http.listen(0, '127.0.0.1');
  const res = await postActivity(`http://127.0.0.1:${port}`, activity);
  expect(res.status).toBe(200);
  await app.http.close();
}

beforeAll(() => connector.start());
afterAll(async () => {
  const storage = await openPostgres({ connectionString: POSTGRES_URL, schema });
  await storage.query(`drop schema if exists ${schema} cascade`);
  await storage.close();
  await Promise.all(apps.map((a) => a.stop().catch(() => {})));
  await connector.stop();
});

describe('Teams: answered cards across processes', () => {
  it('keeps the steps of a card pressed on another process (or after a restart)', async () => {
    const first = await process_();
    await post(first, A.message(connector.url, pack.text('clock-skew', 'en').title, { conversation: chat }));
    const sent = connector.calls.find((c) => c.method === 'POST')!;
    const card = sent.body.attachments[0].content;
    const no = card.actions.find((a: any) => a.title === pack.message('fixed.no', 'en')).data;
    const cardId = 'activity-1'; // what the connector answered for that post
    connector.clear();

    const second = await process_();
    await post(second, { ...A.submit(connector.url, no, cardId), conversation: chat });
    const [update] = connector.updated();
    expect(update!.path).toBe(`/v3/conversations/${chat.id}/activities/${cardId}`);
    const answered = JSON.stringify(update!.body.attachments[0].content);
    expect(answered).toContain(pack.text('clock-skew', 'en').stages['sync-time']!.title);
    expect(answered).toContain(pack.message('answered', 'en', { answer: pack.message('fixed.no', 'en') }));
    // Its answer buttons are gone; its KB link stays.
    const actions = (update!.body.attachments[0].content.actions ?? []).map((a: any) => a.type);
    expect(actions).toEqual(['Action.OpenUrl']);
  });
});
