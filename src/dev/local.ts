/**
 * `npm start`: the bot on this machine, in the Microsoft 365 Agents Playground (Microsoft's
 * local Teams client emulator). No account, no app registration, no server to install:
 *
 *   1. the bot starts in local mode (no authentication) on 127.0.0.1:PORT (default 3978), with
 *      its data in ./data (an embedded PostgreSQL, PGlite) so conversations survive a restart;
 *   2. the Playground starts in a temporary folder, talks to http://127.0.0.1:PORT/api/messages
 *      through its mocked connector, and prints the page to open;
 *   3. the helpdesk is the Playground's team channel ("My Team", General) and the Playground's
 *      own user is an admin there, so asking, escalating, acting on the ticket and pinning a fix
 *      all work with nothing to configure (each one a setting that can be changed);
 *   4. the same background work as `npm run serve` runs: the outbox posts ticket cards and
 *      notifications and retries what failed, and pins expire.
 *
 * Ctrl+C stops both. `npm run -s cli -- chat` is the same bot in the terminal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Logger } from '../core/log/logger.js';
import { type Environment, processEnvironment, readConfig } from '../config/read.js';
import { createLogger } from '../logging/create.js';
import { exitOnStartError } from '../server/start-error.js';
import { createApp, type App } from '../server/app.js';
import { creatingMessage, openStorage } from '../storage/open.js';

export interface LocalStack {
  app: App;
  botPort: number;
  playground?: ChildProcess;
  /** The Playground page, once it is listening. */
  playgroundUrl?: string;
  /** The Playground's temporary folder (its logs), removed when the stack stops. */
  playgroundDir?: string;
  /** Where ticket cards go and who may pin, as started. */
  helpdesk: { channel: string; admins: string };
  stop(): Promise<void>;
}

/**
 * What the Playground is made of (its default configuration, version 0.2.x): its signed-in
 * user, Alex Wilber, and its team, whose General channel has the team's id as its id, as in
 * Teams. They are the local helpdesk and its admin unless the environment says otherwise.
 */
export const PLAYGROUND = {
  userAadObjectId: '00000000-0000-0000-0000-0000000000020',
  userName: 'Alex Wilber',
  teamChannel: 'team-id',
  channelName: 'My Team - General',
};

/** The settings `npm start` adds to the environment, to show all three kinds of users. */
export function localDefaults(env: Environment, playgroundPort: number): Environment {
  return {
    HELPDESK_TEAMS_CHANNEL: PLAYGROUND.teamChannel,
    HELPDESK_TEAMS_SERVICE_URL: `http://localhost:${playgroundPort}/_connector`,
    BOT_ADMINS: PLAYGROUND.userAadObjectId,
    // A person reads these lines at the terminal, not a log pipeline.
    LOG_FORMAT: 'pretty',
    ...env,
    BOT_LOCAL_MODE: 'true',
  };
}

/** A port that is free now: `preferred` when it is, else one the system picks. */
function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolve(bound));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

export interface LocalOptions {
  botPort?: number;
  playgroundPort?: number;
  withPlayground?: boolean;
  /** Keep data in memory instead of ./data (tests). */
  inMemory?: boolean;
  /** Where the bot's log lines go (readable lines on standard output by default). */
  log?: Logger;
}

function playgroundCli(): string {
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

/**
 * The Playground runs in a temporary folder of its own. It goes when the stack stops, and at
 * the latest when this process exits (Ctrl+C, an error), so that no `agents-playground-*`
 * folder is left behind.
 */
function playgroundFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const remove = () => {
    process.removeListener('exit', remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', remove);
  return { dir, remove };
}

/** Stops the Playground and waits for it to exit (its files are closed then), 5 s at most. */
async function stopPlayground(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Starts the Playground and resolves with its URL when it says where it listens. */
function startPlayground(
  botPort: number,
  port: number,
  cwd: string,
  log: Logger,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      playgroundCli(),
      'start',
      '-e',
      `http://127.0.0.1:${botPort}/api/messages`,
      '-c',
      'msteams',
      '--dt',
      '-p',
      String(port),
    ],
    {
      cwd, // it writes ./devTools logs and reads ./.m365agentsplayground.yml where it runs
      env: {
        ...processEnvironment(),
        // Without these it tries cloud telemetry endpoints and spawns xdg-open at start.
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /Listening on (\d+)/.exec(output);
      if (m) resolve({ child, url: `http://localhost:${m[1]}` });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`the Agents Playground exited (${code}) before listening:\n${output.trim()}`)),
    );
    setTimeout(
      () => reject(new Error(`the Agents Playground did not start within 60 s:\n${output.trim()}`)),
      60_000,
    ).unref();
  }).then((started) => {
    log.info(`Agents Playground logs are in ${cwd}/devTools (removed when it stops)`);
    return started as { child: ChildProcess; url: string };
  });
}

export async function startLocal(options: LocalOptions = {}): Promise<LocalStack> {
  const environment = processEnvironment();
  const settings = readConfig(environment);
  const log =
    options.log ??
    createLogger({ level: settings.LOG_LEVEL, format: readConfig(localDefaults(environment, 0)).LOG_FORMAT });
  if (settings.MicrosoftAppId)
    throw new ConfigError(
      'npm start runs without authentication: unset MicrosoftAppId (use npm run serve for a registered bot).',
    );
  const withPlayground = options.withPlayground !== false;
  // The helpdesk channel's service URL is the Playground's, so its port is chosen first.
  const playgroundPort = withPlayground
    ? await freePort(options.playgroundPort ?? settings.PLAYGROUND_PORT)
    : 0;
  const env = localDefaults(environment, playgroundPort);
  const config = readConfig(env);
  const storage = options.inMemory
    ? undefined
    : await openStorage(config, { onCreate: (dir) => log.info(creatingMessage(dir)) });
  if (storage) log.info(`storage: ${storage.db.description}`);
  const app = await createApp({ config, log, ...(storage ? { storage } : {}) });
  const botPort = await app.http.listen(options.botPort ?? config.PORT, '127.0.0.1');
  // The outbox (ticket cards, notifications, retries) and the pin sweeper, as in `npm run serve`.
  await app.start();
  let folder: ReturnType<typeof playgroundFolder> | undefined;
  const stack: LocalStack = {
    app,
    botPort,
    helpdesk: { channel: env.HELPDESK_TEAMS_CHANNEL!, admins: env.BOT_ADMINS! },
    async stop() {
      if (stack.playground) await stopPlayground(stack.playground);
      folder?.remove();
      await app.stop();
    },
  };
  if (withPlayground) {
    folder = playgroundFolder();
    stack.playgroundDir = folder.dir;
    try {
      const { child, url } = await startPlayground(botPort, playgroundPort, folder.dir, log);
      stack.playground = child;
      stack.playgroundUrl = url;
      if (!url.endsWith(`:${playgroundPort}`))
        log.warn(
          `The Playground took another port than ${playgroundPort}: ticket cards cannot reach its channel.`,
        );
    } catch (error) {
      folder.remove();
      await app.stop();
      throw error;
    }
  }
  return stack;
}

async function main(): Promise<void> {
  const stack = await startLocal();
  const local = stack.helpdesk.channel === PLAYGROUND.teamChannel;
  console.log(
    `\nThe sign-in bot runs locally on http://127.0.0.1:${stack.botPort}/api/messages\n` +
      `Open ${stack.playgroundUrl} in your browser to talk to it as in Teams (personal chat, group chat, channel).\n` +
      'In group chats and channels, @mention the bot.\n\n' +
      `- Ask: in the personal chat, say what goes wrong ("Lync says sign-in address not found").\n` +
      `- The helpdesk: tickets go to ${local ? `the channel "${PLAYGROUND.channelName}"` : stack.helpdesk.channel} ` +
      `(HELPDESK_TEAMS_CHANNEL=${stack.helpdesk.channel}); press Claim, Ask the user, Resolve there.\n` +
      `- Admins: ${stack.helpdesk.admins === PLAYGROUND.userAadObjectId ? `you (${PLAYGROUND.userName}) can` : `BOT_ADMINS=${stack.helpdesk.admins} can`} ` +
      'pin a quick fix in a channel: "@bot pin server-unavailable-dns --for 2h" (BOT_ADMINS).\n' +
      'Set those variables before npm start to change them. Ctrl+C stops.\n',
  );
  const stop = () => void stack.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  stack.playground?.on('exit', (code) => {
    console.error(`The Agents Playground stopped (${code}); the bot keeps running. Ctrl+C to quit.`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(exitOnStartError);
}
