import { describe, expect, it } from 'vitest';
import { loadKnowledgePack } from '../../../src/core/knowledge/load.js';
import { Resolver } from '../../../src/core/resolver/resolver.js';
import { syntheticPack } from '../../../bench/synthetic.js';

const pack = loadKnowledgePack();

describe('KnowledgePack texts', () => {
  it('resolves a topic once and hands out the same read-only object', () => {
    const id = [...pack.topics.keys()][0]!;
    const first = pack.text(id, 'ja');
    expect(pack.text(id, 'ja')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(pack.text(id, 'en')).not.toBe(first);
    expect(pack.phrasings(id, 'zh-TW')).toBe(pack.phrasings(id, 'zh-TW'));
  });

  it('caches messages per language', () => {
    expect(pack.message('fixed.question', 'en')).toBe(pack.message('fixed.question', 'en'));
    expect(pack.message('fixed.question', 'zh-CN')).not.toBe(pack.message('fixed.question', 'en'));
  });
});

describe('a generated pack of many topics (the benchmark)', () => {
  it('is a valid pack, and the resolver finds most of its topics from their aliases and errors', () => {
    const { pack: big, queries } = syntheticPack(pack, 300);
    expect(big.topics.size).toBe(300);
    const resolver = new Resolver(big);
    const hits = queries.filter((q) => resolver.resolve(q.text).topic === q.topic).length;
    expect(hits / queries.length).toBeGreaterThan(0.8);
  });
});
