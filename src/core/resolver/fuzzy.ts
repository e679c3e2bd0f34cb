/**
 * Typo tolerance for Latin words, with fuse.js.
 *
 * Searching one Fuse index over the whole vocabulary would cost time in proportion to the
 * knowledge base for every unknown word. Words are bucketed by first letter and length instead;
 * a misspelling is looked up only among words that start alike and are at most one letter
 * longer or shorter, so the cost stays flat as topics grow.
 */
import { LRUCache } from 'lru-cache';
import Fuse from 'fuse.js';

export interface Correction {
  term: string;
  /** 1 for an exact match, lower the more the words differ. */
  similarity: number;
}

/** Corrections remembered (misses too): chat repeats its unknown words ("please", "keeps"). */
const REMEMBERED = 10_000;

const FUSE_OPTIONS = { includeScore: true, threshold: 0.34, ignoreLocation: true, isCaseSensitive: true };
const MAX_SCORE = 0.3;

export class FuzzyVocabulary {
  private readonly buckets = new Map<string, string[]>();
  private readonly indexes = new Map<string, Fuse<string>>();
  /** Misses are remembered too, as `{ found: undefined }`. */
  private readonly remembered = new LRUCache<string, { found: Correction | undefined }>({ max: REMEMBERED });

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const key = this.key(word[0] ?? '', word.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  private key(first: string, length: number): string {
    return `${first}${length}`;
  }

  private fuse(key: string): Fuse<string> | undefined {
    let index = this.indexes.get(key);
    if (!index) {
      const words = this.buckets.get(key);
      if (!words) return undefined;
      index = new Fuse(words, FUSE_OPTIONS);
      this.indexes.set(key, index);
    }
    return index;
  }

  /** The closest known word to a misspelt one, or undefined when nothing is close enough. */
  correct(word: string): Correction | undefined {
    const known = this.remembered.get(word);
    if (known) return known.found;
    const found = this.search(word);
    this.remembered.set(word, { found: found ? Object.freeze(found) : undefined });
    return found;
  }

  private search(word: string): Correction | undefined {
    let best: { item: string; score: number } | undefined;
    for (const length of [word.length, word.length - 1, word.length + 1]) {
      const index = this.fuse(this.key(word[0] ?? '', length));
      const hit = index?.search(word, { limit: 1 })[0];
      if (hit && hit.score !== undefined && (!best || hit.score < best.score))
        best = { item: hit.item, score: hit.score };
    }
    if (!best || best.score > MAX_SCORE) return undefined;
    return { term: best.item, similarity: 1 - best.score };
  }
}
