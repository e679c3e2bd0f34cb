/** .env.example and the README's settings table say what src/config/settings.ts declares. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envExample, README_BEGIN, README_END, settingsTable } from '../../src/config/docs.js';
import { SETTINGS } from '../../src/config/settings.js';
import { ROOT } from '../helpers/pack.js';

/** A Markdown table's rows as trimmed cells, whatever the alignment prettier gave it. */
const rows = (table: string) =>
  table
    .trim()
    .split('\n')
    .filter((line) => !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );

describe('settings documentation', () => {
  it('.env.example is the generated one (npm run -s settings:docs)', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toBe(envExample());
  });

  it("the README's settings table is the generated one, a row per setting", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf(README_BEGIN) + README_BEGIN.length,
      readme.indexOf(README_END),
    );
    expect(rows(section)).toEqual(rows(settingsTable()));
    expect(
      rows(section)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(Object.keys(SETTINGS).map((n) => `\`${n}\``));
  });

  it('.env.example names every setting, each with what it must be', () => {
    const text = envExample();
    for (const [name, setting] of Object.entries(SETTINGS)) {
      expect(text).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
      expect(text.replace(/\n# /g, ' ')).toContain(`Must be ${setting.kind.expected}.`);
    }
  });
});
