/**
 * `npm run serve` (after `npm run build`): the bot for production, configured by the
 * environment (see .env.example). SIGTERM and SIGINT stop accepting requests and exit once
 * those in flight have finished.
 */
import { ConfigError } from '../core/errors.js';
import { exitOnStartError } from './start-error.js';
import { creatingMessage, openStorage } from '../storage/open.js';
import { createApp } from './app.js';

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number; got "${env.PORT}".`);
  const storage = await openStorage(env, { onCreate: (dir) => console.log(creatingMessage(dir)) });
  console.log(`storage: ${storage.db.description}`);
  const app = await createApp({ env, storage });
  if (app.running.size === 0)
    console.warn(
      'No platform is configured: set MicrosoftAppId (Teams) or SLACK_BOT_TOKEN (Slack); see .env.example. Only /healthz will answer.',
    );
  const bound = await app.http.listen(port);
  await app.start();
  const address = app.http.server.address();
  const host = typeof address === 'object' && address ? address.address : '';
  console.log(
    `sign-in bot listening on :${bound} (${host}; ${Object.entries(app.platforms)
      .map(([name, on]) => `${name}: ${on ? 'on' : 'off'}`)
      .join(', ')})`,
  );
  const stop = (signal: string) => {
    console.log(`${signal}: finishing requests in flight, then stopping`);
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch(exitOnStartError);
}
