/** Baseline: a bare Bolt app that echoes direct messages, on the same receiver and server. */
import { App, LogLevel } from '@slack/bolt';
import { SlackHttpReceiver } from '../../src/adapters/slack/receiver.js';
import { Deliveries } from '../../src/core/deliveries.js';
import { MemoryDedupeStore } from '../../src/core/storage/memory.js';
import { createHttpServer } from '../../src/server/http.js';
import { onSignals } from './profiler.js';

const receiver = new SlackHttpReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  deliveries: new Deliveries(new MemoryDedupeStore()),
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN!,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
});
app.message(async ({ message, say }) => {
  await say((message as { text?: string }).text ?? '');
});
const http = createHttpServer({
  routes: [
    // As the product's, so that a cold start is measured to the same answer.
    { method: 'GET', path: '/healthz', handle: async (_req, res) => void res.end('{"ok":true}') },
    { method: 'POST', path: '/slack/events', handle: (req, res, _b, raw) => receiver.handle(req, res, raw) },
  ],
});
const port = await http.listen(0, '127.0.0.1');
process.stdout.write(`listening on ${port}\n`);
onSignals(() => http.close());
