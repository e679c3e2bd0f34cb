/**
 * The real server (src/server/main.ts) in a child process, for tests that kill it. Node itself
 * runs it with tsx's loader, not the `tsx` command: that one runs the bot in a child process of
 * its own, so SIGKILL would end the wrapper and leave the bot running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './pack.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Node's arguments for the source run through tsx's loader (the default). */
const FROM_SOURCE = [
  '--import',
  join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
  join(ROOT, 'src', 'server', 'main.ts'),
];

export function startServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
  /** Node's arguments, e.g. the built `dist/src/server/main.js` instead of the source. */
  args: string[] = FROM_SOURCE,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on :(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        url: `http://127.0.0.1:${m[1]}`,
        output: () => out,
        kill: async (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited (${code}):\n${out}`));
    });
  });
}
