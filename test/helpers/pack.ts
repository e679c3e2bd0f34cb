import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgePack, projectRoot } from '../../src/core/knowledge/load.js';
import type { KnowledgePack } from '../../src/core/knowledge/pack.js';
import { Resolver } from '../../src/core/resolver/resolver.js';

export const ROOT = projectRoot();

let pack: KnowledgePack | undefined;
let resolver: Resolver | undefined;

/** The real knowledge pack, loaded once per test file. */
export function realPack(): KnowledgePack {
  return (pack ??= loadKnowledgePack(ROOT));
}

export function realResolver(): Resolver {
  return (resolver ??= new Resolver(realPack()));
}

/** A throwaway copy of the project's content, for tests that break it on purpose. */
export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signin-pack-'));
  for (const part of ['dialogs', 'locales', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

export function editJson(dir: string, file: string, edit: (data: any) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}
