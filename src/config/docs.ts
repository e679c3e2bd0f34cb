/**
 * `.env.example` and the README's settings table, written from the declarations in
 * settings.ts (`npm run -s settings:docs`); test/config/docs.test.ts fails when either file
 * says something else, so the documentation cannot drift from what the bot reads.
 */
import { type Group, type Setting, type SettingName, SETTINGS } from './settings.js';

const entries = Object.entries(SETTINGS) as [SettingName, Setting<unknown>][];

/** The default as a person would write it in the environment ("" when there is none). */
function shownDefault(setting: Setting<unknown>): string {
  const value = setting.kind.schema.parse(undefined);
  if (Array.isArray(value)) return value.join(',');
  return value === false ? '' : String(value);
}

function groups(): Map<Group, [SettingName, Setting<unknown>][]> {
  const byGroup = new Map<Group, [SettingName, Setting<unknown>][]>();
  for (const entry of entries) byGroup.set(entry[1].group, [...(byGroup.get(entry[1].group) ?? []), entry]);
  return byGroup;
}

/** Wraps a comment at 96 columns, the width of the file's rules. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 96) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

export function envExample(): string {
  const out = [
    '# Generated from src/config/settings.ts by `npm run -s settings:docs`; edit there, not here.',
    "# Copy to .env (or set in the host's environment) for `npm run build && npm run serve`.",
    '# `npm start` needs none of this: it runs locally in the Teams client emulator.',
  ];
  for (const [group, settings] of groups()) {
    out.push('', `# --- ${group} ${'-'.repeat(Math.max(3, 90 - group.length))}`);
    for (const [name, setting] of settings) {
      const expected = setting.kind.expected;
      out.push(...comment(`${setting.doc} Must be ${expected}.`));
      const value = setting.example ?? '';
      out.push(setting.set ? `${name}=${value}` : `# ${name}=${value}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's table (Markdown, before prettier aligns it). */
export function settingsTable(): string {
  const rows = [
    '| setting | default | must be | what |',
    '| --- | --- | --- | --- |',
    ...entries.map(([name, s]) => {
      const fallback = shownDefault(s);
      return `| \`${name}\` | ${fallback ? `\`${cell(fallback)}\`` : ''} | ${cell(s.kind.expected)} | ${cell(s.doc)} |`;
    }),
  ];
  return rows.join('\n');
}
