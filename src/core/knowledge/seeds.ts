/**
 * The source article's copies (`../shared/seeds/`), read as plain text for the content checks:
 * the originality check compares the bot's sentences with them, and the client-error check
 * accepts an error string that one of them quotes. They are never loaded into the product.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedText {
  /** The file name, as the checks report it. */
  file: string;
  text: string;
}

/** The seeds folder beside the project (`../shared/seeds`), where CI also puts it. */
export function seedsDir(root: string): string {
  return join(root, '..', 'shared', 'seeds');
}

/**
 * Reads every seed (`*.txt`). The markdown and HTML around the text stay: the checks strip
 * what they need. A missing or empty folder is an error, not an empty list: a check that
 * silently compares with nothing would pass anything.
 */
export function readSeeds(dir: string): SeedText[] {
  if (!existsSync(dir)) throw new Error(`The source article copies are not at ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (!files.length) throw new Error(`No source article copies (*.txt) in ${dir}`);
  return files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}
