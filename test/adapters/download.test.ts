/**
 * Files users send are downloaded with a hard cap: an announced size over it is refused before
 * reading, and a body that runs past it (no size announced, or a size that lied) is cut off
 * there. The Slack bot token goes to Slack's file hosts only.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCapped } from '../../src/adapters/download.js';
import { isSlackFileUrl } from '../../src/adapters/slack/files.js';
import { fileAttachments } from '../../src/adapters/teams/teams-bot.js';
import { FileTooLargeError } from '../../src/core/errors.js';

const MB = 1024 * 1024;
let server: Server;
let base = '';
/** Bytes the server managed to write per path, and the headers it was sent. */
const written = new Map<string, number>();
const headers = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url!;
    headers.set(path, req.headers);
    written.set(path, 0);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    // /endless: 300 MB, no size announced (or a Slack event that announced less). /big: announces 300 MB.
    if (path === '/big') res.setHeader('content-length', String(300 * MB));
    if (path === '/small') return res.end('hello');
    let left = 300 * MB;
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        written.set(path, written.get(path)! + chunk.length);
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => {});
    req.socket.on('close', () => (left = 0));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('downloads with a hard cap', () => {
  it('refuses an announced size over the limit without reading the body', async () => {
    await expect(downloadCapped(`${base}/big`, MB)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(written.get('/big')!).toBeLessThan(32 * MB);
  });

  it('stops a body with no announced size at the limit (a 300 MB Teams attachment)', async () => {
    const rss = process.memoryUsage().rss;
    const [file] = fileAttachments({
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'huge.log',
          content: { downloadUrl: `${base}/endless`, fileType: 'log' },
        },
      ],
    });
    await expect(file!.download(MB)).rejects.toBeInstanceOf(FileTooLargeError);
    await new Promise((r) => setTimeout(r, 100));
    expect(written.get('/endless')!).toBeLessThan(32 * MB);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MB);
  });

  it('reads a small file whole', async () => {
    expect((await downloadCapped(`${base}/small`, MB)).toString()).toBe('hello');
  });
});

describe('the Slack bot token', () => {
  it('goes to Slack file hosts only (and to the Web API host the bot is pointed at)', () => {
    expect(isSlackFileUrl('https://files.slack.com/files-pri/T1-F1/download/trace.log')).toBe(true);
    expect(isSlackFileUrl('http://files.slack.com/files-pri/T1-F1/trace.log')).toBe(false);
    expect(isSlackFileUrl('https://files.slack.com.evil.example/x')).toBe(false);
    expect(isSlackFileUrl('https://evil.example/files.slack.com/x')).toBe(false);
    expect(isSlackFileUrl('https://attacker@evil.example/x')).toBe(false);
    expect(isSlackFileUrl('not a url')).toBe(false);
    expect(isSlackFileUrl(`${base}/files/x`, `${base}/api/`)).toBe(true);
    expect(isSlackFileUrl('http://127.0.0.1:1/files/x', `${base}/api/`)).toBe(false);
  });
});
