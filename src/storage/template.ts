/**
 * A new embedded database made by copying files, not by running initdb.
 *
 * Running initdb takes three WebAssembly instances of PostgreSQL at once (about 650 MB
 * resident even with small settings, and 3–8 s). `npm run build` runs it once and keeps the
 * result as a template folder next to the built code; a first start then copies that folder
 * (a tenth of a second, no WebAssembly memory at all). Without a template (the source run
 * through tsx, or a template made by another PGlite version) the caller creates the
 * database the slow way.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../core/knowledge/load.js';

/** What a template was made by and with; a template whose stamp differs is not used. */
export function templateStamp(settings: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@electric-sql/pglite');
  let dir = dirname(main);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return `pglite ${version}; ${settings.join(' ')}\n`;
}

/** Where `npm run build` leaves the template. */
export function defaultTemplateDir(): string {
  return join(projectRoot(), 'dist', 'pgdata-template');
}

const STAMP = 'TEMPLATE_STAMP';

/**
 * Copies the template into an empty `dataDir` when there is a template with this stamp;
 * returns false when there is none (the caller then runs initdb). PG_VERSION, which marks a
 * complete database (openPglite tests it), is copied last: a copy cut short by a crash is
 * not mistaken for a database, and the next start copies again over it.
 */
export function copyTemplate(template: string, dataDir: string, stamp: string): boolean {
  const stampFile = join(template, STAMP);
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) return false;
  cpSync(template, dataDir, {
    recursive: true,
    force: true,
    filter: (src) => src !== join(template, 'PG_VERSION') && src !== stampFile,
  });
  cpSync(join(template, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  return true;
}

/**
 * Makes the template with `create` (initdb into an empty folder), then moves it into place
 * with its stamp, so that a half-made template is never found.
 */
export async function makeTemplate(
  template: string,
  stamp: string,
  create: (dir: string) => Promise<void>,
): Promise<void> {
  const building = `${template}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  await create(building);
  writeFileSync(join(building, STAMP), stamp);
  rmSync(template, { recursive: true, force: true });
  renameSync(building, template);
}
