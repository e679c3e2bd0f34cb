/**
 * The product, as `npm run serve` runs it (Slack and Teams, storage from the environment: the
 * embedded PGlite database in DATA_DIR by default), for the load benchmark.
 *
 * BENCH_STORAGE=memory runs it without persistent storage, to separate the storage's cost.
 * BENCH_PROFILE: see profiler.ts.
 */
import { createApp } from '../../src/server/app.js';
import { openStorage } from '../../src/storage/open.js';
import { readConfig } from '../../src/config/read.js';
import { onSignals } from './profiler.js';
import { silentLogger } from '../../src/core/log/logger.js';

const storage =
  process.env.BENCH_STORAGE === 'memory' ? undefined : await openStorage(readConfig(process.env));
const app = await createApp({ env: process.env, ...(storage ? { storage } : {}), log: silentLogger });
const port = await app.http.listen(0, '127.0.0.1');
await app.start();

process.stdout.write(`listening on ${port}\n`);
onSignals(() => app.stop());
