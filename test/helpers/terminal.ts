import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './pack.js';

/**
 * A person at the terminal: starts `cli chat`, waits until the prompt is on screen, types a
 * line, and reads what appeared since.
 */
export class Terminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private screen = '';
  private read = 0;
  private exited: Promise<number | null>;

  /** Each terminal keeps its data in its own folder (DATA_DIR), fresh unless one is given. */
  readonly dataDir: string;

  constructor(args: string[] = [], dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'signin-chat-'));
    this.child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), 'chat', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: this.dataDir },
      },
    );
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.screen += d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.screen += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Waits until the screen shows `pattern` after what was already read, and returns that part. */
  async waitFor(pattern: RegExp, timeoutMs = 90_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const fresh = this.screen.slice(this.read);
      const m = pattern.exec(fresh);
      if (m) {
        this.read += m.index + m[0].length;
        return fresh.slice(0, m.index + m[0].length);
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${pattern}; screen:\n${fresh}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Types a line and returns everything shown up to the next prompt. */
  async answer(line: string, prompt: RegExp): Promise<string> {
    this.type(line);
    return this.waitFor(prompt);
  }

  async close(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }
}
