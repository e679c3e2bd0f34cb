import { expect } from 'vitest';
import { type App, createApp } from '../../src/server/app.js';
import { signed, slackEnv } from '../adapters/slack/payloads.js';
import type { FakeSlackApi } from './slack-api.js';
import { silentLogger } from '../../src/core/log/logger.js';

export interface SlackTestApp {
  app: App;
  /** Posts a signed request to /slack/events, as Slack does, and expects it acknowledged. */
  send(body: string, contentType?: string): Promise<void>;
  stop(): Promise<void>;
}

/** The whole app with Slack on, talking to the fake Web API, its background work started. */
export async function startSlackApp(
  api: FakeSlackApi,
  env: Record<string, string>,
  clock?: () => Date,
): Promise<SlackTestApp> {
  const app = await createApp({
    env: slackEnv(api.apiUrl, env),
    ...(clock ? { clock } : {}),
    log: silentLogger,
  });
  const base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  return {
    app,
    async send(body, contentType = 'application/x-www-form-urlencoded') {
      const res = await fetch(`${base}/slack/events`, signed(body, contentType));
      expect(res.status).toBe(200);
    },
    stop: () => app.stop(),
  };
}
