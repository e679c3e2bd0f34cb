/** The log: levels, JSON or readable lines, the request's fields on each, Bolt's lines in it. */
import { describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createLogger } from '../../src/logging/create.js';
import { withLogContext } from '../../src/logging/context.js';
import { boltLogger } from '../../src/adapters/slack/bolt-logger.js';
import { recordingLogger } from '../helpers/logs.js';
import { serve } from '../helpers/serve.js';

const collect = (level: 'info' | 'debug', format: 'json' | 'pretty') => {
  const out: string[] = [];
  return { out, log: createLogger({ level, format, write: (l) => void out.push(l) }) };
};

describe('the logger', () => {
  it('writes JSON a line with level, time and message, and drops what is below LOG_LEVEL', () => {
    const { out, log } = collect('info', 'json');
    log.debug('not written');
    log.warn('outbox ticket-card #4 failed', { outbox: { id: 4 } });
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0]!);
    expect(line).toMatchObject({ level: 'warn', msg: 'outbox ticket-card #4 failed', outbox: { id: 4 } });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("puts the request's fields, and what the core annotated, on every line written for it", async () => {
    const { out, log } = collect('info', 'json');
    await withLogContext({ requestId: 'r-1' }, async () => {
      log.info('before');
      await Promise.resolve();
      log.annotate({ conversation: 'teams:a:1' });
      log.child({ component: 'outbox' }).info('after');
    });
    log.info('outside');
    expect(out.map((l) => JSON.parse(l))).toMatchObject([
      { msg: 'before', requestId: 'r-1' },
      { msg: 'after', requestId: 'r-1', conversation: 'teams:a:1', component: 'outbox' },
      { msg: 'outside' },
    ]);
    expect(JSON.parse(out[2]!).requestId).toBeUndefined();
  });

  it('keeps an error whole in err: its message and stack', () => {
    const { out, log } = collect('info', 'json');
    log.error('request failed', { err: new Error('connection reset') });
    expect(JSON.parse(out[0]!).err).toMatchObject({ type: 'Error', message: 'connection reset' });
    expect(JSON.parse(out[0]!).err.stack).toMatch(/^Error: connection reset\n\s+at /);
  });

  it('writes readable lines for a person with LOG_FORMAT=pretty', () => {
    const { out, log } = collect('info', 'pretty');
    withLogContext({ requestId: 'r-2' }, () => log.warn('could not update card', { err: new Error('gone') }));
    expect(out[0]).toMatch(
      /^\d\d:\d\d:\d\d WARN {2}could not update card {2}requestId=r-2\n {4}Error: gone\n/,
    );
  });
});

describe("Bolt's logger", () => {
  it("sends Bolt's lines at Bolt's level to the bot's log, marked as Bolt's", () => {
    const recorded = recordingLogger();
    const bolt = boltLogger(recorded, LogLevel.WARN);
    bolt.info('socket mode connected');
    bolt.warn('http request failed', new Error('ECONNRESET'));
    bolt.setLevel(LogLevel.ERROR);
    bolt.warn('dropped now');
    expect(bolt.getLevel()).toBe(LogLevel.ERROR);
    expect(recorded.lines).toEqual([
      {
        level: 'warn',
        message: 'http request failed ECONNRESET',
        fields: { component: 'bolt', err: expect.any(Error) },
      },
    ]);
  });
});

describe('npm run serve', () => {
  it('logs JSON lines by default, with the request id on the debug access line', async () => {
    const served = await serve({ LOG_LEVEL: 'debug' }, 'logs');
    try {
      const res = await fetch(`http://127.0.0.1:${served.port}/healthz`, {
        headers: { 'x-request-id': 'probe-1' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('probe-1');
      await expect.poll(() => served.output()).toContain('probe-1');
      const lines = served
        .output()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.find((l) => l.requestId === 'probe-1')).toMatchObject({
        level: 'debug',
        msg: 'GET /healthz 200',
        ms: expect.any(Number),
      });
      expect(lines.find((l) => /listening on :\d+/.test(l.msg))).toMatchObject({ level: 'info' });
    } finally {
      await served.stop();
    }
  }, 90_000);
});
