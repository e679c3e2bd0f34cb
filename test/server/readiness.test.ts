/**
 * Liveness and readiness with real storage: /readyz answers 200 while PostgreSQL answers, and
 * 503 naming the storage once its connection pool is closed (the server on 5432 keeps
 * running: only this app's pool goes); /healthz stays 200 all along, so a database outage
 * does not get the process restarted.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { storageOn } from '../../src/storage/open.js';
import { silentLogger } from '../../src/core/log/logger.js';
import { BACKENDS } from '../helpers/databases.js';

const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;

describe('GET /readyz and /healthz', () => {
  it('reports the storage ready while it answers, and not ready, naming it, once it does not', async () => {
    const { db, connectAgain } = await postgres.open();
    const storage = await storageOn(db);
    const app = await createApp({ env: { OUTBOX_DISABLED: 'true' }, storage, log: silentLogger });
    const base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
    try {
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ready',
        checks: { storage: { state: 'ok', storage: db.description } },
      });

      await db.close();
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { checks: { storage: { error?: string } } };
      expect(body).toMatchObject({
        status: 'not_ready',
        checks: { storage: { state: 'failing', storage: expect.stringMatching(/^PostgreSQL at /) } },
      });
      expect(body.checks.storage.error).toBeTruthy();
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await app.http.close();
      // The test's pool is closed: drop its schema through a new connection to the same one.
      const again = await connectAgain();
      const [{ schema }] = (await again.query<{ schema: string }>('select current_schema() as schema')) as [
        { schema: string },
      ];
      expect(schema).toMatch(/^test_/);
      await again.query(`drop schema if exists ${schema} cascade`);
      await again.close();
    }
  });
});
