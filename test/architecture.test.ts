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

/**
 * What only a platform's adapter may read or name: Teams HTML (`<at>`, `<blockquote>`,
 * character references), Slack mrkdwn tokens (`<@U…>`, `<!here>`, `<#C…>`, `<url|label>`)
 * and the platforms' names, in the code (comments may explain them).
 */
const MARKUP =
  /\b(teams|msteams|slack|bot ?framework|mrkdwn|block ?kit|adaptive ?cards?)\b|<at\b|(?<!\(\?)<!|<[@#]|<\[[@#!]|<blockquote|\|\(\[\^>\]|&(?:lt|gt|amp|nbsp|quot|#);?/i;

/** A file's code without its comments. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Code lines of the core that read platform markup or name a platform, as file:line. */
function markupIn(file: string, source = readFileSync(file, 'utf8')): string[] {
  return code(source)
    .split('\n')
    .flatMap((line, i) => (MARKUP.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : []));
}

/** Content validation (validate-shared.ts) checks the pack's URLs for HTML entities: not a message's markup. */
const CONTENT_CHECKS = join('src', 'core', 'knowledge', 'validate-shared.ts');

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

  it('keeps platform markup and platform names out of the core’s code, not only its imports', () => {
    const offenders = files(join(ROOT, 'src', 'core'))
      .flatMap((f) => markupIn(f))
      .filter(
        (line) => !(line.startsWith(CONTENT_CHECKS) && line.includes('contains spaces or an HTML entity')),
      );
    expect(offenders).toEqual([]);
  });

  it('would notice platform markup or a platform name in code (the check itself works)', () => {
    const found = (source: string) => markupIn(join(ROOT, 'src', 'core', 'x.ts'), source).length > 0;
    expect(found("text.replace(/<at[^>]*>[\\s\\S]*?<\\/at>/gi, '')")).toBe(true);
    expect(found("text.replace(/<[@#!][^>]*>/g, ' ')")).toBe(true);
    expect(found("text.replace(/<(?:https?):[^|>]*\\|([^>]*)>/gi, '$1')")).toBe(true);
    expect(found("const x = text.replace('&amp;', '&');")).toBe(true);
    expect(found("if (platform === 'teams') return;")).toBe(true);
    expect(found("const desk: Platform = 'slack';")).toBe(true);
    // Comments may name them, and regular expressions with lookbehinds are no markup.
    expect(found('/** Teams sends <at>Bot</at>; Slack sends <@U1>. */\nconst a = 1; // slack')).toBe(false);
    expect(found("const head = '(?<![\\p{L}])';")).toBe(false);
  });

  it('would notice a platform import (the check itself works)', () => {
    expect(PLATFORM.test("import { CloudAdapter } from 'botbuilder';")).toBe(true);
    expect(PLATFORM.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM.test("import Fuse from 'fuse.js';")).toBe(false);
  });
});
