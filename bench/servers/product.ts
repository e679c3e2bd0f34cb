/**
 * The product, as `npm run serve` runs it (Slack and Teams, storage from the environment: the
 * embedded PGlite database in DATA_DIR by default), for the load benchmark.
 *
 * BENCH_STORAGE=memory runs it without persistent storage, to separate the storage's cost.
 * BENCH_PROFILE=<file>: SIGUSR2 starts the CPU profiler and SIGTERM writes the profile there,
 * so that the profile covers the measured load only, not the start-up (module loading).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createApp } from '../../src/server/app.js';
import { openStorage } from '../../src/storage/open.js';

const storage = process.env.BENCH_STORAGE === 'memory' ? undefined : await openStorage(process.env);
const app = createApp({ env: process.env, ...(storage ? { storage } : {}), log: () => {} });
const port = await app.http.listen(0, '127.0.0.1');
await app.start();

let session: Session | undefined;
const profileFile = process.env.BENCH_PROFILE;
if (profileFile)
  process.on('SIGUSR2', () => {
    session = new Session();
    session.connect();
    void session.post('Profiler.enable').then(() => session!.post('Profiler.start'));
  });

process.stdout.write(`listening on ${port}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    if (session && profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    await app.stop();
    process.exit(0);
  })();
});
