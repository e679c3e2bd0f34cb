/**
 * A redirect's phrasing must say something besides the words most topics use: one that reduces
 * to the product's name ("Skype for Business Online はもうない" is "sfb" once "ない" is dropped)
 * wins every short "Lync に入れない" over the triage question.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeSources } from '../../../src/core/resolver/index.js';
import { realPack, realResolver } from '../../helpers/pack.js';

describe("the replies' phrasings", () => {
  it('each holds a word that fewer than half the topics use', () => {
    const pack = realPack();
    const { index } = realResolver();
    const common = Math.log(1 + 2); // a word in half the topics or more
    const empty = knowledgeSources(pack)
      .filter((s) => s.reply && s.field === 'alias')
      .flatMap((s) => s.texts.map((t) => ({ t, terms: index.analyzer.terms(t, s.lang) })))
      .filter(({ terms }) => !terms.some((x) => (index.idf.get(x.text) ?? Infinity) > common))
      .map(({ t }) => t);
    expect(empty).toEqual([]);
  });
});
