/**
 * The embedded PGlite folder: created on first start (copied from the template `npm run
 * build` makes, or by initdb in a child process without one), reopened afterwards, with the
 * small memory settings either way.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';
import { StorageError } from '../../src/core/storage/types.js';
import { makePgliteTemplate, openPglite } from '../../src/storage/pglite.js';
import { migrate, MIGRATIONS } from '../../src/storage/migrations.js';

const NO_TEMPLATE = join(tmpdir(), 'signin-no-template-here');
const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), `signin-pglite-${name}-`)), 'data');

describe('embedded PGlite folder', () => {
  let template: string;
  beforeAll(async () => {
    template = fresh('template');
    await makePgliteTemplate(template);
  }, 120_000);

  it('without a template, creates a new database by initdb in a child process, then opens it as usual', async () => {
    const dir = fresh('new');
    const created: string[] = [];
    const db = await openPglite(dir, { templateDir: NO_TEMPLATE, onCreate: (d) => created.push(d) });
    expect(created).toEqual([dir]);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect(readFileSync(join(dir, 'postgresql.conf'), 'utf8')).toMatch(/^shared_buffers = 16MB/m);
    await db.exec('create table t (n int)');
    await db.query('insert into t values (1)');
    await db.close();
    const again = await openPglite(dir, { templateDir: NO_TEMPLATE });
    expect(await again.query('select n from t')).toEqual([{ n: 1 }]);
    await again.close();
  }, 60_000);

  it('with a template, copies it (no initdb), and the copy is a database of its own', async () => {
    const [one, two] = [fresh('copy-one'), fresh('copy-two')];
    const created: string[] = [];
    const a = await openPglite(one, { templateDir: template, onCreate: (d) => created.push(d) });
    const b = await openPglite(two, { templateDir: template });
    expect(created).toEqual([]);
    expect(await a.query('show shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    await a.exec('create table t (n int)');
    await a.query('insert into t values (7)');
    await expect(b.query('select n from t')).rejects.toThrow(/does not exist/);
    await a.close();
    await b.close();
    const again = await openPglite(one, { templateDir: template });
    expect(await again.query('select n from t')).toEqual([{ n: 7 }]);
    await again.close();
    expect(existsSync(join(template, 'base'))).toBe(true);
  }, 60_000);

  it("the template's copy already has the bot's tables: a first start has no migration to run", async () => {
    const db = await openPglite(fresh('migrated'), { templateDir: template });
    expect(await migrate(db)).toEqual([]);
    expect((await db.query('select version from schema_migrations')).length).toBe(MIGRATIONS.length);
    await db.close();
  }, 60_000);

  it('a first start on a new folder stays far below 400 MB resident (initdb alone took 650-850 MB)', async () => {
    // In a process of its own, so that its peak resident memory is the bot's alone.
    const script =
      `const { openPglite } = await import(${JSON.stringify(join(ROOT, 'src', 'storage', 'pglite.ts'))});` +
      'const db = await openPglite(process.argv[1], { templateDir: process.argv[2] });' +
      "await db.query('select 1'); await db.close();" +
      'process.stdout.write(String(process.resourceUsage().maxRSS));';
    const maxRssKb = await new Promise<number>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          '--import',
          join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
          '--input-type=module',
          '-e',
          script,
          fresh('peak'),
          template,
        ],
        { timeout: 60_000 },
        (error, stdout) => (error ? reject(error) : resolve(Number(stdout))),
      ),
    );
    expect(maxRssKb).toBeGreaterThan(50_000);
    expect(maxRssKb).toBeLessThan(400_000);
  }, 60_000);

  it('does not copy a template made by another PGlite version or other settings', async () => {
    const other = fresh('other');
    cpSync(template, other, { recursive: true });
    writeFileSync(join(other, 'TEMPLATE_STAMP'), 'pglite 0.0.1; shared_buffers=128MB\n');
    const created: string[] = [];
    const db = await openPglite(fresh('stale'), { templateDir: other, onCreate: (d) => created.push(d) });
    expect(created).toHaveLength(1);
    await db.close();
  }, 60_000);

  it.each([
    ['from the template', () => template],
    ['by initdb', () => NO_TEMPLATE],
  ])(
    'says which folder it could not create the database in (%s)',
    async (_how, templateDir) => {
      // A folder PGlite cannot lay a database out in: its "base" subfolder is taken by a file.
      const dir = mkdtempSync(join(tmpdir(), 'signin-pglite-broken-'));
      writeFileSync(join(dir, 'base'), 'not a folder');
      const opening = openPglite(dir, { templateDir: templateDir() });
      await expect(opening).rejects.toThrow(StorageError);
      await expect(opening).rejects.toThrow(`Could not create the embedded database in ${dir}`);
    },
    60_000,
  );
});
