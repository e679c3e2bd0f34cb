/**
 * The baseline the resolver is measured against: one plain fuse.js index, default options,
 * over every title, phrasing and error message of the same knowledge pack, in every language.
 * Its answer is the topic of the best hit, or none when Fuse finds nothing.
 */
import Fuse from 'fuse.js';
import { LANGUAGES } from '../src/core/i18n/languages.js';
import type { KnowledgePack } from '../src/core/knowledge/pack.js';

interface Entry {
  topic: string;
  text: string;
}

export class FuseBaseline {
  private readonly fuse: Fuse<Entry>;

  constructor(pack: KnowledgePack) {
    const entries: Entry[] = [];
    for (const id of pack.topics.keys()) {
      for (const lang of LANGUAGES) {
        const text = pack.text(id, lang);
        for (const t of [text.title, ...text.errors, ...pack.phrasings(id, lang)])
          entries.push({ topic: id, text: t });
      }
    }
    this.fuse = new Fuse(entries, { keys: ['text'], includeScore: true });
  }

  resolve(text: string): { topic: string | null; candidates: string[] } {
    const hits = this.fuse.search(text, { limit: 20 });
    const candidates = [...new Set(hits.map((h) => h.item.topic))];
    return { topic: candidates[0] ?? null, candidates };
  }
}
