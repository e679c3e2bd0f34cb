/**
 * One process per embedded data folder: the bot (here the terminal chat, which keeps the
 * database open) and the command line started on the same folder, as two real processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/core/storage/types.js';
import { LOCK_FILE, lockFolder } from '../../src/storage/lock.js';
import { defaultTemplateDir } from '../../src/storage/template.js';
import { ROOT } from '../helpers/pack.js';
import { Terminal } from '../helpers/terminal.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = (args: string[], dataDir: string) =>
  spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });

/** The pid of a process that has exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(run.stdout);
}

describe('one process per embedded data folder', () => {
  it('refuses a second process with what to do, and lets it in once the first has stopped', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'signin-lock-')), 'data');
    const term = new Terminal([], dataDir);
    // A first start says what it is doing instead of a silent wait (initdb, about 10 s); after
    // `npm run build` it copies the build's template instead, in well under a second, silently.
    const first = await term.waitFor(/you> $/, 90_000);
    if (existsSync(join(defaultTemplateDir(), 'TEMPLATE_STAMP')))
      expect(first).not.toContain('Creating the embedded database in');
    else expect(first).toContain('Creating the embedded database in');
    const owner = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: expect.any(Number), startedAt: expect.any(String) });

    const refused = cli(['pins', 'audit'], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    const said = refused.stderr.trim();
    expect(said.split('\n')).toHaveLength(1); // one line, no stack trace
    expect(said).toContain(`is in use by process ${owner.pid}`);
    expect(said).toContain('Ctrl+C');
    expect(said).toContain('DATABASE_URL');

    expect(await term.close()).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    // The bot stopped: its lock is gone. One left by a process that is gone (killed, a
    // restart) is stale and taken over.
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({
        pid: deadPid(),
        startedAt: new Date().toISOString(),
        command: 'tsx src/dev/local.ts',
      }),
    );
    const stale = cli(['pins', 'audit'], dataDir);
    expect(stale.stderr).toBe('');
    expect(stale.stdout).toBe('no pin activity\n');
    expect(stale.status).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 240_000);
});

describe('the folder lock', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'signin-lock-unit-'));

  it('refuses a second open in the same process, as a coded StorageError, until released', () => {
    const dir = folder();
    const lock = lockFolder(dir);
    let error: unknown;
    try {
      lockFolder(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'storage', reason: 'data_dir_in_use' });
    expect((error as Error).message).toContain('this same process');
    lock.release();
    lockFolder(dir).release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock with its own pid that it does not hold (left before a restart)', () => {
    const dir = folder();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, startedAt: '2020-01-01T00:00:00.000Z', command: 'old' }),
    );
    const lock = lockFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).command).not.toBe('old');
    lock.release();
  });

  it('keeps a lock whose process runs, and takes over one whose pid was reused since', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await new Promise((r) => child.once('spawn', r));
    try {
      const dir = folder();
      const write = (startedAt: string) =>
        writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, startedAt, command: 'bot' }));
      write(new Date().toISOString());
      expect(() => lockFolder(dir)).toThrow(`is in use by process ${child.pid}`);
      if (process.platform === 'linux') {
        write('2020-01-01T00:00:00.000Z'); // the pid's process started long after this lock
        lockFolder(dir).release();
      }
    } finally {
      child.kill();
    }
  });

  it('never takes over a lock it cannot read, and names the file', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), 'held by backup tool\n');
    expect(() => lockFolder(dir)).toThrow(join(dir, LOCK_FILE));
  });
});
