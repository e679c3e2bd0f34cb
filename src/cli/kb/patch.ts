/**
 * Proposals as a change to the content: the new phrasings appended to each topic's list in
 * `locales/<lang>/phrasings.json`, written the way those files are kept (two-space JSON, one
 * phrasing a line), so the diff shows only what was added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Proposal } from '../../core/outcomes/suggest.js';

export interface FilePatch {
  /** The file, relative to the content folder. */
  file: string;
  before: string;
  after: string;
  /** What was added: topic → new phrasings. */
  added: Record<string, string[]>;
}

export function phrasingPatches(content: string, proposals: Proposal[]): FilePatch[] {
  const patches: FilePatch[] = [];
  for (const lang of [...new Set(proposals.map((p) => p.lang))].sort()) {
    const file = join('locales', lang, 'phrasings.json');
    const before = readFileSync(join(content, file), 'utf8');
    const data = JSON.parse(before) as Record<string, string[]>;
    const added: Record<string, string[]> = {};
    for (const p of proposals)
      if (p.lang === lang && p.topic)
        for (const phrasing of p.phrasings) {
          const list = (data[p.topic] ??= []);
          if (list.some((x) => x.toLowerCase() === phrasing.toLowerCase())) continue;
          list.push(phrasing);
          (added[p.topic] ??= []).push(phrasing);
        }
    if (Object.keys(added).length)
      patches.push({ file, before, after: JSON.stringify(data, null, 2) + '\n', added });
  }
  return patches;
}
