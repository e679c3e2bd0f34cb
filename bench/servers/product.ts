/**
 * The product, as `npm run serve` runs it (Slack and Teams, storage from the environment: the
 * embedded PGlite database in DATA_DIR by default), for the load benchmark.
 *
 * BENCH_STORAGE=memory runs it without persistent storage, to separate the storage's cost.
 * BENCH_PROFILE: see profiler.ts. BENCH_COUNT_QUERIES=1: SIGUSR1 prints `queries <n>`, the
 * database round trips so far (see counting.ts).
 */
import { resolve } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openStorage, storageOn } from '../../src/storage/open.js';
import { readConfig } from '../../src/config/read.js';
import { onSignals } from './profiler.js';
import { counting } from './counting.js';
import { silentLogger } from '../../src/core/log/logger.js';

const config = readConfig(process.env);
/** The database opened as openStorage opens it (one driver imported), its round trips counted. */
async function countedDatabase() {
  if (config.DATABASE_URL) {
    const { openPostgres } = await import('../../src/storage/postgres.js');
    return counting(await openPostgres({ connectionString: config.DATABASE_URL }));
  }
  const { openPglite } = await import('../../src/storage/pglite.js');
  return counting(await openPglite(resolve(config.DATA_DIR)));
}
const counted =
  process.env.BENCH_COUNT_QUERIES === '1' && process.env.BENCH_STORAGE !== 'memory'
    ? await countedDatabase()
    : undefined;
const storage =
  process.env.BENCH_STORAGE === 'memory'
    ? undefined
    : counted
      ? await storageOn(counted.db)
      : await openStorage(config);
const app = await createApp({ env: process.env, ...(storage ? { storage } : {}), log: silentLogger });
const port = await app.http.listen(0, '127.0.0.1');
await app.start();

process.stdout.write(`listening on ${port}\n`);
if (counted)
  process.on('SIGUSR1', () =>
    process.stdout.write(`queries ${counted.count()} ${JSON.stringify(counted.byStatement())}\n`),
  );
onSignals(() => app.stop());
