/**
 * `npm start`: the bot on this machine, in the Microsoft 365 Agents Playground (Microsoft's
 * local Teams client emulator). No account, no app registration, no server to install:
 *
 *   1. the bot starts in local mode (no authentication) on 127.0.0.1:PORT (default 3978), with
 *      its data in ./data (an embedded PostgreSQL, PGlite) so conversations survive a restart;
 *   2. the Playground starts in a temporary folder, talks to http://127.0.0.1:PORT/api/messages
 *      through its mocked connector, and prints the page to open.
 *
 * Ctrl+C stops both. `npm run -s cli -- chat` is the same bot in the terminal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
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
  stop(): Promise<void>;
}

export interface LocalOptions {
  botPort?: number;
  playgroundPort?: number;
  withPlayground?: boolean;
  /** Keep data in memory instead of ./data (tests). */
  inMemory?: boolean;
  log?: (message: string) => void;
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
  log: (m: string) => void,
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
        ...process.env,
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
    log(`Agents Playground logs are in ${cwd}/devTools (removed when it stops)`);
    return started as { child: ChildProcess; url: string };
  });
}

export async function startLocal(options: LocalOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((m: string) => console.log(m));
  if (process.env.MicrosoftAppId)
    throw new ConfigError(
      'npm start runs without authentication: unset MicrosoftAppId (use npm run serve for a registered bot).',
    );
  const storage = options.inMemory
    ? undefined
    : await openStorage(process.env, { onCreate: (dir) => log(creatingMessage(dir)) });
  if (storage) log(`storage: ${storage.db.description}`);
  const app = createApp({
    env: { ...process.env, BOT_LOCAL_MODE: 'true' },
    log,
    ...(storage ? { storage } : {}),
  });
  const botPort = await app.http.listen(options.botPort ?? Number(process.env.PORT ?? 3978), '127.0.0.1');
  let folder: ReturnType<typeof playgroundFolder> | undefined;
  const stack: LocalStack = {
    app,
    botPort,
    async stop() {
      if (stack.playground) await stopPlayground(stack.playground);
      folder?.remove();
      await app.stop();
    },
  };
  if (options.withPlayground !== false) {
    folder = playgroundFolder();
    stack.playgroundDir = folder.dir;
    const port = options.playgroundPort ?? Number(process.env.PLAYGROUND_PORT || 56150);
    try {
      const { child, url } = await startPlayground(botPort, port, folder.dir, log);
      stack.playground = child;
      stack.playgroundUrl = url;
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
  console.log(
    `\nThe sign-in bot runs locally on http://127.0.0.1:${stack.botPort}/api/messages\n` +
      `Open ${stack.playgroundUrl} in your browser to talk to it as in Teams (personal chat, group chat, channel).\n` +
      'In group chats and channels, @mention the bot. Ctrl+C stops.\n',
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
