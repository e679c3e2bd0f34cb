/**
 * Two bot processes on one PostgreSQL database, one conversation, messages at the same time:
 * compare-and-set writes mean no update is lost and no reply is given twice.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/postgres.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { realPack, ROOT } from '../helpers/pack.js';

function botProcess(schema: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
      join(ROOT, 'test', 'helpers', 'bot-process.ts'),
      POSTGRES_URL,
      schema,
    ],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiters: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let exited: Error | undefined;
  lines.on('line', (line) => (waiters.length ? waiters.shift()!.resolve(line) : queue.push(line)));
  // A process that dies fails the test at once, with its exit code, instead of a timeout.
  child.on('exit', (code) => {
    exited = new Error(`bot process exited with ${code}`);
    for (const w of waiters.splice(0)) w.reject(exited);
  });
  const next = () =>
    new Promise<string>((resolve, reject) =>
      queue.length ? resolve(queue.shift()!) : exited ? reject(exited) : waiters.push({ resolve, reject }),
    );
  return {
    next,
    send: (incoming: object) => child.stdin.write(JSON.stringify(incoming) + '\n'),
    close: () => new Promise<number | null>((resolve) => (child.on('exit', resolve), child.stdin.end())),
  };
}

describe('two bot processes on one PostgreSQL database', () => {
  it('handle one conversation concurrently with no lost update and no duplicate reply', async () => {
    const pack = realPack();
    const schema = `two_proc_${process.pid}_${Date.now()}`;
    const [a, b] = [botProcess(schema), botProcess(schema)];
    expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);

    a.send({ conversation: 'c1', text: pack.text('personal-certificate', 'en').title });
    const [opening] = JSON.parse(await a.next());
    expect(opening.stage.title).toBe(
      pack.text('personal-certificate', 'en').stages['delete-signin-info']!.title,
    );

    // Both processes get a "No" for the same conversation at the same moment.
    a.send({ conversation: 'c1', text: 'no' });
    b.send({ conversation: 'c1', text: 'no' });
    const replies = [JSON.parse(await a.next()), JSON.parse(await b.next())].map(
      (cards: any[]) => cards.at(-1).stage.title,
    );
    const stages = pack.text('personal-certificate', 'en').stages;
    expect(replies.sort()).toEqual(
      [stages['update-credentials']!.title, stages['clear-credentials']!.title].sort(),
    );

    await Promise.all([a.close(), b.close()]);
    const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
    const [row] = await db.query<{ value: any; version: string }>(
      "select value, version from conversation_state where key = 'c1'",
    );
    expect(row!.value.attempts.map((x: any) => x.stage)).toEqual([
      'delete-signin-info',
      'update-credentials',
    ]);
    expect(Number(row!.version)).toBe(3);
    await db.query(`drop schema ${schema} cascade`);
    await db.close();
  }, 60_000);
});
