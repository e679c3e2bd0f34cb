import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/core/knowledge/load.js';

/** The messages of the sets the resolver is developed on (shared dev, held-out, chat-style dev), as written. */
export function developmentMessages(): string[] {
  const files = [
    join(projectRoot(), '..', 'shared', 'eval', 'dev.jsonl'),
    join(projectRoot(), 'test', 'fixtures', 'holdout.jsonl'),
    join(projectRoot(), 'test', 'fixtures', 'chat-dev.jsonl'),
  ];
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
}
