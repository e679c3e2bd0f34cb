/**
 * How the resolver behaves in a knowledge base of thousands of topics, where everyday words
 * are in thousands of documents. Built from plain index sources so the word counts are exact.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import type { KnowledgePack } from '../../../src/core/knowledge/pack.js';
import { type IndexSource, ResolverIndex } from '../../../src/core/resolver/index.js';
import { Resolver } from '../../../src/core/resolver/resolver.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { Lexicon } from '../../../src/core/text/lexicon.js';
import { realPack } from '../../helpers/pack.js';

function largePack(): Resolver {
  const sources: IndexSource[] = [];
  const ids: string[] = [];
  const add = (topic: string, field: IndexSource['field'], text: string) => {
    sources.push({ topic, field, lang: 'en', texts: [text] });
  };
  // 1,100 topics about printers and scanners, 1,100 about toner and staplers: each of these
  // words is in more than a thousand documents (a title and the topic's whole text each).
  for (let i = 0; i < 1100; i++) {
    ids.push(`scan-${i}`, `toner-${i}`);
    add(`scan-${i}`, 'title', `printer scanner model${i}`);
    add(`toner-${i}`, 'title', `toner stapler series${i}`);
  }
  ids.push('printer-toner');
  add('printer-toner', 'alias', 'printer toner');
  // 300 topics about laser printers: "laser printer" finds 600 documents, more than are added up.
  for (let i = 0; i < 300; i++) {
    ids.push(`laser-${i}`);
    add(`laser-${i}`, 'title', `laser printer unit${i}`);
  }
  ids.push('laser-printer');
  add('laser-printer', 'alias', 'laser printer');
  const real = realPack();
  const lexicon = new Lexicon(Object.fromEntries(LANGUAGES.map((l) => [l, real.lexicon(l)])));
  const index = new ResolverIndex(new Analyzer(lexicon), sources);
  const topics = new Map(ids.map((id) => [id, { id, kind: 'fix' }]));
  const pack = {
    topics,
    topic: (id: string) => topics.get(id)!,
    answers: new Map(),
    commands: () => undefined,
    lexicon: (lang: (typeof LANGUAGES)[number]) => real.lexicon(lang),
  } as unknown as KnowledgePack;
  return new Resolver(pack, index);
}

describe('a knowledge base of thousands of topics', () => {
  const resolver = largePack();

  it('finds the one topic whose words, each everyday, appear together', () => {
    expect(resolver.index.postings.get('printer')!.length).toBeGreaterThan(1024);
    expect(resolver.index.postings.get('toner')!.length).toBeGreaterThan(1024);
    expect(resolver.resolve('printer toner').topic).toBe('printer-toner');
  });

  it('still finds a topic by its one specific word', () => {
    expect(resolver.resolve('printer scanner model42').topic).toBe('scan-42');
  });

  it('keeps a topic whose alias fits exactly when hundreds of documents compete, trusting its whole text', () => {
    expect(resolver.resolve('laser printer')).toMatchObject({ topic: 'laser-printer', confidence: 1 });
  });

  it('answers nothing when even all the words together are in a thousand documents', () => {
    expect(resolver.resolve('printer scanner')).toMatchObject({ topic: null });
  });
});
