/**
 * `npm run serve` (after `npm run build`): the bot for production, configured by the
 * environment (see .env.example), which is read and checked once, here: a malformed setting
 * stops the start with a message naming it. SIGTERM and SIGINT stop accepting requests and
 * exit once those in flight have finished.
 */
import { loadConfig } from '../config/read.js';
import type { Config } from '../config/settings.js';
import { createLogger } from '../logging/create.js';
import { exitOnStartError } from './start-error.js';
import { creatingMessage, openStorage } from '../storage/open.js';
import { createApp } from './app.js';

export async function serve(config: Config = loadConfig()): Promise<void> {
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const storage = await openStorage(config, { onCreate: (dir) => log.info(creatingMessage(dir)) });
  log.info(`storage: ${storage.db.description}`);
  const app = await createApp({ config, storage, log });
  if (app.running.size === 0)
    log.warn(
      'No platform is configured: set MicrosoftAppId (Teams) or SLACK_BOT_TOKEN (Slack); see .env.example. Only /healthz will answer.',
    );
  const bound = await app.http.listen(config.PORT);
  await app.start();
  const address = app.http.server.address();
  const host = typeof address === 'object' && address ? address.address : '';
  log.info(
    `sign-in bot listening on :${bound} (${host}; ${Object.entries(app.platforms)
      .map(([name, on]) => `${name}: ${on ? 'on' : 'off'}`)
      .join(', ')})`,
    { port: bound, platforms: app.platforms },
  );
  const stop = (signal: string) => {
    log.info(`${signal}: finishing requests in flight, then stopping`);
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch(exitOnStartError);
}
