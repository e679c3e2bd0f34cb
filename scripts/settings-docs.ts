/**
 * `npm run -s settings:docs`: writes .env.example and the README's settings table from the
 * declarations in src/config/settings.ts (test/config/docs.test.ts fails until this is run
 * after a setting changes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { envExample, settingsTable } from '../src/config/docs.js';
import { README_BEGIN, README_END } from '../src/config/docs.js';

const root = join(import.meta.dirname, '..');
writeFileSync(join(root, '.env.example'), envExample());
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const begin = text.indexOf(README_BEGIN);
const end = text.indexOf(README_END);
if (begin < 0 || end < begin) throw new Error(`README.md has no ${README_BEGIN} … ${README_END} section`);
const updated = `${text.slice(0, begin + README_BEGIN.length)}\n\n${settingsTable()}\n\n${text.slice(end)}`;
writeFileSync(readme, await format(updated, { ...(await resolveConfig(readme)), filepath: readme }));
process.stdout.write('wrote .env.example and the settings table in README.md\n');
