import { describe, expect, it } from 'vitest';
import { createHttpServer, sendJson } from '../../src/server/http.js';
import { silentLogger } from '../../src/core/log/logger.js';

describe('the HTTP server', () => {
  it('finishes the requests in flight when it shuts down, and takes no new ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const started = new Promise<void>((r) => (entered = r));
    const http = createHttpServer({
      routes: [
        {
          method: 'POST',
          path: '/slow',
          handle: async (_q, res) => (entered(), await gate, sendJson(res, 200, { done: true })),
        },
      ],
    });
    const port = await http.listen(0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST', body: '{}' });
    await started; // the request is being handled (a fixed wait was too short on a busy machine)
    const closed = http.close();
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closed;
    await expect(fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('answers malformed and oversized bodies with a coded error, and a failing handler with 500', async () => {
    const http = createHttpServer({
      maxBodyBytes: 100,
      log: silentLogger,
      routes: [
        {
          method: 'POST',
          path: '/json',
          json: true,
          handle: async (_q, res, body) => sendJson(res, 200, body),
        },
        { method: 'POST', path: '/boom', handle: async () => Promise.reject(new Error('boom')) },
      ],
    });
    const port = await http.listen(0, '127.0.0.1');
    const post = (path: string, body: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body });
    expect((await post('/json', '[1]')).status).toBe(400);
    expect(await (await post('/json', 'nope')).json()).toMatchObject({ error: { code: 'malformed_json' } });
    expect((await post('/json', JSON.stringify({ x: 'y'.repeat(200) }))).status).toBe(413);
    expect(await (await post('/json', '{"ok":1}')).json()).toEqual({ ok: 1 });
    const boom = await post('/boom', '');
    expect(boom.status).toBe(500);
    expect(await boom.json()).toMatchObject({ error: { code: 'internal_error' } });
    await http.close();
  });
});
