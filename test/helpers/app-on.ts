/** The whole app in a test, in memory or on a fresh embedded database, listening on a local port. */
import { type App, createApp } from '../../src/server/app.js';
import { storageOn, type Storage } from '../../src/storage/open.js';
import { openPglite } from '../../src/storage/pglite.js';
import { freshPgliteDir } from './databases.js';
import { silentLogger } from '../../src/core/log/logger.js';

/** What an app can keep its data in, for tests that must hold on both (`describe.each`). */
export const APP_STORAGES: { name: string; storage: () => Promise<Storage | undefined> }[] = [
  { name: 'in memory', storage: async () => undefined },
  { name: 'embedded database', storage: async () => storageOn(await openPglite(await freshPgliteDir())) },
];

/** Creates and starts the app on `storage` (memory when undefined); returns it and its base URL. */
export async function startAppOn(
  env: Record<string, string>,
  storage: Storage | undefined,
): Promise<{ app: App; base: string }> {
  const app = await createApp({ env, ...(storage ? { storage } : {}), log: silentLogger });
  const base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  return { app, base };
}
