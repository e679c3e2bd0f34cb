/**
 * Small files with one job: someone new finds the one place to change when no file in src/
 * is longer than about 300 lines and no function longer than about 80. The limits are read
 * from the TypeScript syntax tree, so a long arrow function inside a call counts too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      if (last - first + 1 > MAX_FUNCTION_LINES)
        found.push(`${relative(ROOT, file)}:${first + 1} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('code size', () => {
  const sources = files(join(ROOT, 'src')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it(`keeps every file in src/ within ${MAX_FILE_LINES} lines`, () => {
    const long = sources
      .filter(({ text }) => text.split('\n').length > MAX_FILE_LINES)
      .map(({ file, text }) => `${relative(ROOT, file)} (${text.split('\n').length} lines)`);
    expect(long).toEqual([]);
  });

  it(`keeps every function in src/ within ${MAX_FUNCTION_LINES} lines`, () => {
    expect(sources.flatMap(({ file, text }) => longFunctions(file, text))).toEqual([]);
  });
});
