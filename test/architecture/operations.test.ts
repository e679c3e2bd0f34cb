/**
 * Rules that keep the bot operable: settings are read in one place (src/config), the core logs
 * through its own interface (no pino, no console), and no error is swallowed without a word.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SRC = files(join(ROOT, 'src'));
const rel = (f: string) => relative(ROOT, f);

/**
 * Catches that lose an error: an empty catch block or `.catch(() => {})`, and a catch that
 * does not even bind the error without a comment saying why that is the right answer.
 */
export function silentCatches(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${rel(file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const hasComment = (node: ts.Node) => /\/\/|\/\*/.test(node.getFullText());
  const visit = (node: ts.Node) => {
    if (ts.isCatchClause(node)) {
      if (node.block.statements.length === 0) found.push(`${where(node)} empty catch block`);
      else if (!node.variableDeclaration && !hasComment(node.block))
        found.push(`${where(node)} catch drops the error without saying why`);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'catch'
    ) {
      const handler = node.arguments[0];
      if (
        handler &&
        (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) &&
        ts.isBlock(handler.body) &&
        handler.body.statements.length === 0
      )
        found.push(`${where(node)} .catch() with an empty handler`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('operations rules', () => {
  it('reads process.env only in src/config', () => {
    const offenders = SRC.filter((f) => !rel(f).startsWith(join('src', 'config')))
      .filter((f) => /\bprocess\.env\b/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps the logging library out of the core, and console out of everything but user output', () => {
    const core = SRC.filter((f) => rel(f).startsWith(join('src', 'core')));
    expect(core.filter((f) => /from\s+['"]pino/.test(readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
    // What a person reads at a terminal (the CLI, npm start's banner, a start that failed) is
    // output, not logging; everything else goes through the Logger.
    const output = [
      join('src', 'cli'),
      join('src', 'dev', 'local.ts'),
      join('src', 'server', 'start-error.ts'),
    ];
    const offenders = SRC.filter((f) => !output.some((o) => rel(f).startsWith(o)))
      .filter((f) => /\bconsole\.(log|warn|error|info|debug)\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('swallows no error silently anywhere in src', () => {
    expect(SRC.flatMap((f) => silentCatches(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('would notice a silent catch (the check itself works)', () => {
    const found = silentCatches(
      join(ROOT, 'src', 'x.ts'),
      [
        'try { a(); } catch {}',
        'try { a(); } catch (e) {}',
        'try { a(); } catch { return 1; }',
        'p.catch(() => {});',
        'try { a(); } catch {\n  return 1; // absent is the answer here\n}',
        'try { a(); } catch (e) { log(e); }',
      ].join('\n'),
    );
    expect(found).toEqual([
      `${join('src', 'x.ts')}:1 empty catch block`,
      `${join('src', 'x.ts')}:2 empty catch block`,
      `${join('src', 'x.ts')}:3 catch drops the error without saying why`,
      `${join('src', 'x.ts')}:4 .catch() with an empty handler`,
    ]);
  });
});
