/** Baseline: a bare botbuilder bot that echoes, on the same adapter setup and server. */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { botResponse } from '../../src/adapters/teams/endpoint.js';
import { createHttpServer } from '../../src/server/http.js';
import { onSignals } from './profiler.js';

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  }),
);
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(context.activity.text ?? '');
  await next();
});
const http = createHttpServer({
  routes: [
    // As the product's, so that a cold start is measured to the same answer.
    { method: 'GET', path: '/healthz', handle: async (_req, res) => void res.end('{"ok":true}') },
    {
      method: 'POST',
      path: '/api/messages',
      json: true,
      handle: (req, res, body) =>
        adapter.process(
          { body: body as Record<string, unknown>, headers: req.headers, method: 'POST' },
          botResponse(res),
          (ctx) => bot.run(ctx),
        ),
    },
  ],
});
const port = await http.listen(0, '127.0.0.1');
process.stdout.write(`listening on ${port}\n`);
onSignals(() => http.close());
