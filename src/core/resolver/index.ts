/**
 * The resolver's index, built once from the knowledge pack: every phrasing, error message,
 * title, symptom and cause in every language becomes a document of terms, and every topic gets
 * one more document with all of its text (steps included). Term weights are inverse document
 * frequencies over topics, so a word every topic uses weighs almost nothing.
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { StageText } from '../knowledge/types.js';
import { Analyzer } from '../text/analyzer.js';
import { Lexicon } from '../text/lexicon.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { FIELD_WEIGHT, type Field } from './scoring.js';

export interface IndexedDoc {
  topic: string;
  field: Field;
  /** How much this document can count for (the field's weight, sometimes lowered). */
  weight: number;
  terms: Set<string>;
  /** Sum of the weights of the document's terms. */
  norm: number;
}

export interface IndexSource {
  topic: string;
  field: Field;
  lang: Lang;
  texts: string[];
  weight?: number;
  /** A reply that is not a fix (a near-miss redirect, the retirement notice). */
  reply?: boolean;
}

export class ResolverIndex {
  readonly docs: IndexedDoc[] = [];
  readonly postings = new Map<string, number[]>();
  readonly idf = new Map<string, number>();
  readonly topics: string[];
  readonly fuzzy: FuzzyVocabulary;
  /** Weight given to a word of the message that no topic uses. */
  readonly unknownWeight: number;
  /** A term in more documents than this is only scored for documents that rarer terms found. */
  readonly commonPostings: number;

  constructor(
    readonly analyzer: Analyzer,
    sources: IndexSource[],
  ) {
    const termsBySource = sources.map((s) => {
      const set = new Set<string>();
      for (const text of s.texts) for (const t of analyzer.terms(text, s.lang)) set.add(t.text);
      return set;
    });
    this.topics = [...new Set(sources.map((s) => s.topic))];
    // Term weights are counted over the troubleshooting topics only: the replies that are not
    // fixes must not make the topics' own words weigh less (a word only they use weighs as
    // much as a word of one topic).
    const topicsByTerm = new Map<string, Set<string>>();
    const n = new Set(sources.filter((s) => !s.reply).map((s) => s.topic)).size || this.topics.length;
    sources.forEach((s, i) => {
      for (const term of termsBySource[i]!) {
        if (s.reply) {
          if (!topicsByTerm.has(term)) topicsByTerm.set(term, new Set());
          continue;
        }
        let set = topicsByTerm.get(term);
        if (!set) topicsByTerm.set(term, (set = new Set()));
        set.add(s.topic);
      }
    });
    for (const [term, topics] of topicsByTerm) this.idf.set(term, Math.log(1 + n / Math.max(1, topics.size)));
    // An unknown word is treated like the rarest known word: most likely it is specific, and it
    // is something the knowledge does not cover.
    this.unknownWeight = Math.log(1 + n);

    // One "bag" document per topic: all of its terms in all languages, every field included.
    // Its precision is the topic's coverage of the message.
    const bags = new Map<string, Set<string>>();
    sources.forEach((s, i) => {
      let bag = bags.get(s.topic);
      if (!bag) bags.set(s.topic, (bag = new Set()));
      for (const t of termsBySource[i]!) bag.add(t);
    });
    sources.forEach((s, i) => {
      if (s.field !== 'bag')
        this.addDoc(s.topic, s.field, s.weight ?? FIELD_WEIGHT[s.field], termsBySource[i]!);
    });
    for (const [topic, terms] of bags) this.addDoc(topic, 'bag', FIELD_WEIGHT.bag, terms);
    // A term in more documents than this only adds to documents a rarer term found. Capped, so
    // that at thousands of topics a message's everyday words do not make it score every document.
    this.commonPostings = Math.min(256, Math.max(64, Math.ceil(this.docs.length / 8)));

    const latinWords = [...this.idf.keys()].filter((t) => /^[a-z][a-z0-9]{3,}$/.test(t));
    this.fuzzy = new FuzzyVocabulary(latinWords);
  }

  private addDoc(topic: string, field: Field, weight: number, terms: Set<string>): void {
    if (terms.size === 0) return;
    let norm = 0;
    for (const t of terms) norm += this.idf.get(t) ?? 0;
    const id = this.docs.length;
    this.docs.push({ topic, field, weight, terms, norm });
    for (const t of terms) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push(id);
    }
  }

  static fromPack(pack: KnowledgePack): ResolverIndex {
    const lexicon = new Lexicon(Object.fromEntries(LANGUAGES.map((l) => [l, pack.lexicon(l)])));
    const analyzer = new Analyzer(lexicon);
    return new ResolverIndex(analyzer, knowledgeSources(pack));
  }
}

/** Lists the documents of a knowledge pack, for every topic and language. */
export function knowledgeSources(pack: KnowledgePack): IndexSource[] {
  const sources: IndexSource[] = [];
  // An error message shared with a clarifying parent ("Server is temporarily unavailable")
  // does not on its own point at one of the parent's options: the parent should win it.
  const sharedErrors = new Map<string, Set<string>>();
  for (const topic of pack.topics.values()) {
    for (const option of topic.clarify?.options ?? []) {
      for (const child of option.topics) {
        for (const lang of LANGUAGES) {
          const set = sharedErrors.get(child) ?? new Set<string>();
          for (const e of pack.text(topic.id, lang).errors) set.add(e);
          sharedErrors.set(child, set);
        }
      }
    }
  }
  for (const topic of pack.topics.values()) {
    for (const lang of LANGUAGES) {
      const text = pack.text(topic.id, lang);
      for (const error of text.errors) {
        const shared = sharedErrors.get(topic.id)?.has(error);
        sources.push({
          topic: topic.id,
          field: 'error',
          lang,
          texts: [error],
          weight: shared ? 0.85 : FIELD_WEIGHT.error,
        });
      }
      for (const phrase of pack.phrasings(topic.id, lang))
        sources.push({ topic: topic.id, field: 'alias', lang, texts: [phrase] });
      sources.push({ topic: topic.id, field: 'title', lang, texts: [text.title] });
      sources.push({ topic: topic.id, field: 'description', lang, texts: [text.symptom] });
      const stages = Object.values(text.stages) as StageText[];
      sources.push({
        topic: topic.id,
        field: 'bag',
        lang,
        texts: [
          text.cause,
          ...stages.flatMap((s) => [s.title, s.intro ?? '', ...s.steps]),
          ...Object.values(text.links),
        ],
      });
    }
  }
  // Replies that are not fixes compete with the topics: a Windows password or a browser's
  // certificate warning must find its redirect rather than this product's fix. Small talk and
  // follow-ups are phrases, not problems; they are matched apart (see phrases.ts).
  for (const answer of pack.answers.values()) {
    if (answer.kind !== 'near-miss' && answer.kind !== 'retirement') continue;
    for (const lang of LANGUAGES) {
      const text = pack.answerText(answer.id, lang);
      for (const phrase of text.phrasings)
        sources.push({ topic: answer.id, field: 'alias', lang, texts: [phrase], reply: true });
      sources.push({ topic: answer.id, field: 'title', lang, texts: [text.title], reply: true });
    }
  }
  return sources;
}
