/** The embedded database's folder: created on first start, reopened afterwards. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/core/storage/types.js';
import { openPglite } from '../../src/storage/pglite.js';

describe('embedded PGlite folder', () => {
  it('creates a new database (in a child process, see openPglite), then opens it as usual', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'signin-pglite-new-')), 'data');
    const db = await openPglite(dir);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    await db.exec('create table t (n int)');
    await db.query('insert into t values (1)');
    await db.close();
    const again = await openPglite(dir);
    expect(await again.query('select n from t')).toEqual([{ n: 1 }]);
    await again.close();
  }, 60_000);

  it('says which folder it could not create the database in', async () => {
    // A folder PGlite cannot lay a database out in: its "base" subfolder is taken by a file.
    const dir = mkdtempSync(join(tmpdir(), 'signin-pglite-broken-'));
    writeFileSync(join(dir, 'base'), 'not a folder');
    const opening = openPglite(dir);
    await expect(opening).rejects.toThrow(StorageError);
    await expect(opening).rejects.toThrow(`Could not create the embedded database in ${dir}`);
  }, 60_000);
});
