/**
 * One process per embedded data folder. PGlite is a database inside one process: a second
 * process opening the same folder (the CLI while the bot runs) would read a stale copy, and its
 * writes could corrupt the folder. The first process writes `bot.lock` into the folder (its pid,
 * when it started, its command line); a second one is refused with what to do instead. A lock
 * whose process is gone (it was killed, the machine restarted) is stale and taken over.
 */
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../core/errors.js';
import { utcSecond } from '../core/text/dates.js';

export const LOCK_FILE = 'bot.lock';

export interface LockOwner {
  pid: number;
  /** When the owning process started (ISO 8601). */
  startedAt: string;
  command: string;
}

export interface FolderLock {
  release(): void;
}

/** Lock files this process holds, so that it can tell its own lock from one left by a dead namesake. */
const held = new Set<string>();

const processStart = () => new Date(Date.now() - process.uptime() * 1000);

export function lockFolder(dir: string): FolderLock {
  const file = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    startedAt: processStart().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, me)) break;
    const owner = readOwner(file);
    if (owner && attempt < 3 && !alive(owner, held.has(file))) {
      rmSync(file, { force: true }); // stale: its process is gone
      continue;
    }
    throw inUse(dir, owner, held.has(file));
  }
  held.add(file);
  const onExit = () => release();
  process.once('exit', onExit);
  function release() {
    if (!held.delete(file)) return;
    process.removeListener('exit', onExit);
    // Only our own lock is removed, never one another process took over meanwhile.
    if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
  }
  return { release };
}

/** Writes the lock whole, then links it into place: another process sees all of it or nothing. */

/** A lock file that does not say who holds it: its first characters, to show the operator. */
function unknownOwner(text: string): LockOwner {
  return { pid: -1, startedAt: '', command: text.slice(0, 200) };
}

function tryCreate(file: string, owner: LockOwner): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(owner) + '\n');
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StorageError(`Could not lock the data folder (${file}): ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    unlinkSync(temp);
  }
}

/** The lock's owner, or undefined when the file is gone or unreadable (then it is stale). */
function readOwner(file: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StorageError(`Could not read the data folder's lock (${file}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(owner.pid) && typeof owner.startedAt === 'string') return owner as LockOwner;
  } catch {
    // Not JSON: written by something else, or truncated. Reported as an unknown owner below.
    return unknownOwner(text);
  }
  return unknownOwner(text);
}

/** Whether the lock's process still runs: its pid exists and did not start after the lock. */
function alive(owner: LockOwner, heldHere: boolean): boolean {
  if (owner.pid === process.pid) return heldHere; // our pid, not our lock: a dead process's
  if (owner.pid <= 0) return true; // unknown owner: never taken over silently
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
  const started = startTimeOf(owner.pid);
  const locked = Date.parse(owner.startedAt);
  // A process with that pid started well after the lock's: the pid was reused (after a restart).
  return !(started && Number.isFinite(locked) && started.getTime() > locked + 5000);
}

/** When a process started, from /proc on Linux; undefined elsewhere. */
function startTimeOf(pid: number): Date | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return undefined;
    return new Date((boot + ticks / 100) * 1000); // USER_HZ is 100 on Linux
  } catch {
    return undefined; // no /proc (macOS, Windows): the pid check alone decides
  }
}

function inUse(dir: string, owner: LockOwner | undefined, heldHere: boolean): StorageError {
  const who = !owner
    ? 'another process'
    : owner.pid === process.pid && heldHere
      ? 'this same process'
      : owner.pid > 0
        ? `process ${owner.pid} (started ${utcSecond(owner.startedAt)}: ${owner.command || 'unknown command'})`
        : `an unknown program (${join(dir, LOCK_FILE)} says "${owner.command.trim()}")`;
  return new StorageError(
    `The embedded database in ${dir} is in use by ${who}. Only one process can open it: stop that ` +
      'process first (the bot: Ctrl+C where npm start runs), or, to run the bot and the command line ' +
      'together, put them on PostgreSQL with DATABASE_URL (see the README, Storage).',
    { reason: 'data_dir_in_use' },
  );
}
