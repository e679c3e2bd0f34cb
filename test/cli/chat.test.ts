/** The terminal chat, driven as a person would: read the screen, type, read again. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/postgres.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { Terminal } from '../helpers/terminal.js';

const pack = realPack();
const prompt = (lang: 'en' | 'ja' | 'zh-CN' | 'zh-TW') =>
  new RegExp(`${pack.message('chat.prompt', lang).trim()} $`);

describe('cli chat', () => {
  it('walks a person through a clarifying question, a fix that fails, a language switch and a fix that works', async () => {
    const term = new Terminal();
    const welcome = await term.waitFor(prompt('en'), 80_000); // a first start creates the database
    expect(welcome).toContain(pack.message('welcome.title', 'en'));

    const question = await term.answer('my Skype says "Server is temporarily unavailable"', prompt('en'));
    expect(question).toContain(pack.text('server-unavailable', 'en').question);
    expect(question).toMatch(/\[1\] We use our own \(custom\) domain/);
    expect(question).toMatch(/\[2\] We use single sign-on with ADFS/);

    const adfs = await term.answer('2', prompt('en'));
    expect(adfs).toContain('== ' + pack.text('server-unavailable-adfs', 'en').title + ' ==');
    expect(adfs).toContain(
      '1. ' + pack.text('server-unavailable-adfs', 'en').stages['third-party-certificate']!.steps[0],
    );
    expect(adfs).toContain(pack.message('fixed.question', 'en'));

    const next = await term.answer('no', prompt('en'));
    expect(next).toContain(
      pack.message('next.topic', 'en', { title: pack.text('server-unavailable-dns', 'en').title }),
    );
    expect(next).toContain('sipdir.online.lync.com');
    expect(next).toContain('https://go.microsoft.com/fwlink/?linkid=3052&kbid=2566790');

    const japanese = await term.answer('日本語で', prompt('ja'));
    expect(japanese).toContain(pack.message('language', 'ja'));
    expect(japanese).toContain(pack.text('server-unavailable-dns', 'ja').title);
    expect(japanese).toContain(`[1] ${pack.message('fixed.yes', 'ja')}`);

    const done = await term.answer('1', prompt('ja'));
    expect(done).toContain(pack.message('closing.title', 'ja'));

    term.type('');
    expect(await term.waitFor(new RegExp(pack.message('chat.bye', 'ja')))).toBeTruthy();
    expect(await term.close()).toBe(0);
  }, 90_000);

  it('answers a Chinese question in Chinese, takes typed answers, and hands over to a person', async () => {
    const term = new Terminal();
    await term.waitFor(prompt('en'), 80_000);
    const triage = await term.answer('Skype for Business 登录不了', prompt('zh-CN'));
    expect(triage).toContain(pack.text('triage', 'zh-CN').question);
    expect(triage).toContain(pack.text('signin-address-not-found', 'zh-CN').errors[0]);

    const topic = await term.answer('找不到登录地址', prompt('zh-CN'));
    expect(topic).toContain(pack.text('signin-address-not-found', 'zh-CN').title);
    expect(topic).toContain('msoidsvc');

    const handover = await term.answer(pack.commands('zh-CN').person[0]!, prompt('zh-CN'));
    expect(handover).toContain(pack.message('escalation.title', 'zh-CN'));
    expect(handover).toContain(pack.message('form.fields.client.label', 'zh-CN'));
    expect(await term.close()).toBe(0);
  }, 90_000);
});

/** `cli chat` at a real terminal: a pseudo-terminal from util-linux `script`, keys as a person types them. */
describe('cli chat at a terminal', () => {
  it('edits the line as a shell does: history on the up arrow, Ctrl-L clears, no control characters echoed', async () => {
    const schema = `chat_tty_${process.pid}_${Date.now()}`;
    const command = `${join(ROOT, 'node_modules', '.bin', 'tsx')} ${join(ROOT, 'src', 'cli', 'main.ts')} chat`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, TERM: 'xterm' },
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const count = (text: string) => screen.split(text).length - 1;
    /** Types keys and waits until `shown` appears once more (a redrawn line also shows the prompt). */
    const typeKeys = async (keys: string, shown: string) => {
      const before = count(shown);
      child.stdin.write(keys);
      await expect.poll(() => count(shown), { timeout: 30_000 }).toBeGreaterThan(before);
    };
    try {
      await expect.poll(() => count('you> '), { timeout: 60_000 }).toBe(1);
      const title = pack.text('clock-skew', 'en').title;
      await typeKeys(`${title}\r`, `== ${title} ==`);
      const firstAnswer = screen.length;
      await typeKeys('\x1b[A\r', `== ${title} ==`); // the up arrow brings the last line back
      expect(screen.slice(firstAnswer)).toContain(`you> ${title}`);
      expect(screen.slice(firstAnswer)).toContain(`== ${title} ==`);
      expect(screen).not.toContain('^[[A');
      const beforeClear = screen.length;
      child.stdin.write('\x0c'); // Ctrl-L
      await expect.poll(() => screen.slice(beforeClear), { timeout: 10_000 }).toContain('\x1b[0J');
      child.stdin.write('\x03'); // Ctrl-C ends the chat
      expect(await exited).toBe(0);
      expect(screen).toContain(pack.message('chat.bye', 'en'));
    } finally {
      child.kill('SIGKILL');
      const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.close();
    }
  }, 90_000);
});
