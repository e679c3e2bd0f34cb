/**
 * The core (knowledge, language, resolver) must stay platform-free so the same logic serves
 * Teams, Slack and the terminal, and a platform SDK can be swapped in one adapter folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pack.js';

const PLATFORM =
  /from\s+['"](botbuilder[^'"]*|@slack\/[^'"]+|@microsoft\/[^'"]+|adaptivecards[^'"]*)['"]|import\(\s*['"](botbuilder|@slack\/|@microsoft\/)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps platform SDKs out of the core', () => {
    const offenders = files(join(ROOT, 'src', 'core')).filter((f) => PLATFORM.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('keeps the core from importing adapters or the CLI', () => {
    const offenders = files(join(ROOT, 'src', 'core')).filter((f) =>
      /from\s+['"][./]*\.\.\/(adapters|cli)\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('keeps each platform SDK inside its own adapter folder', () => {
    const sdkHome: [RegExp, string][] = [
      [/from\s+['"](botbuilder[^'"]*|botframework-[^'"]+)['"]/, join('src', 'adapters', 'teams')],
      [/from\s+['"]@slack\/[^'"]+['"]/, join('src', 'adapters', 'slack')],
    ];
    const offenders: string[] = [];
    for (const file of files(join(ROOT, 'src'))) {
      const source = readFileSync(file, 'utf8');
      for (const [sdk, home] of sdkHome)
        if (sdk.test(source) && !relative(ROOT, file).startsWith(home)) offenders.push(relative(ROOT, file));
    }
    expect(offenders).toEqual([]);
  });

  it('would notice a platform import (the check itself works)', () => {
    expect(PLATFORM.test("import { CloudAdapter } from 'botbuilder';")).toBe(true);
    expect(PLATFORM.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM.test("import Fuse from 'fuse.js';")).toBe(false);
  });
});
