/**
 * The README shows figures that only the benchmark writes: each block sits between
 * `<!-- name -->` and `<!-- /name -->`, and `npm run bench` rewrites what is between them, so a
 * number in the README is always one a run measured (test/bench/readme-blocks.test.ts checks
 * that each block is what its results file renders).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Where a named block starts and ends in a text, or undefined when its markers are missing. */
export function findBlock(text: string, name: string): { start: number; end: number } | undefined {
  const open = `<!-- ${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(`<!-- /${name} -->`);
  if (start < 0 || end < start) return undefined;
  return { start: start + open.length, end };
}

/** The text between a block's markers, trimmed, or undefined when the markers are missing. */
export function readBlock(text: string, name: string): string | undefined {
  const at = findBlock(text, name);
  return at ? text.slice(at.start, at.end).trim() : undefined;
}

/** Replaces a block's content in a text; throws when the markers are missing (a README edit lost them). */
export function replaceBlock(text: string, name: string, content: string): string {
  const at = findBlock(text, name);
  if (!at) throw new Error(`README has no <!-- ${name} --> ... <!-- /${name} --> block to write into`);
  return `${text.slice(0, at.start)}\n\n${content.trim()}\n\n${text.slice(at.end)}`;
}

/** Rewrites one block of a file in place. */
export function writeBlock(file: string, name: string, content: string): void {
  writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), name, content));
}
