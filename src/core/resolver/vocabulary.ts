/**
 * What the index's words say about a message beyond its score: whether the rest of a message
 * around a phrase names anything, and how much of it only a neighbour's redirect explains.
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { IndexedDoc, ResolverIndex } from './index.js';
import type { Scorer } from './scorer.js';

/** One Han character on its own. */
const LONE_HAN = /^\p{Script=Han}$/u;

export class Vocabulary {
  /** The words of the troubleshooting topics. */
  private readonly topicTerms = new Set<string>();
  /** The bag of words of each reply that is not a fix, and of each troubleshooting topic. */
  private readonly replyBag = new Map<string, IndexedDoc>();
  private readonly topicBag = new Map<string, IndexedDoc>();
  /** The weight of a word that at most two topics use. */
  private readonly rare: number;

  /**
   * Made from the postings, and each bag's words read only when a question asks for them: a
   * prebuilt index (prebuilt.ts) makes a document's word set when first asked for, and asking
   * all of them here was most of a start at 5,000 topics.
   */
  constructor(
    pack: KnowledgePack,
    private readonly index: ResolverIndex,
    private readonly scorer: Scorer,
  ) {
    this.rare = Math.log(1 + pack.topics.size / 2) - 1e-9;
    const isTopicBag = new Uint8Array(index.docs.length);
    index.docs.forEach((doc, d) => {
      if (doc.field !== 'bag') return;
      const topic = pack.topics.has(doc.topic);
      (topic ? this.topicBag : this.replyBag).set(doc.topic, doc);
      isTopicBag[d] = topic ? 1 : 0;
    });
    for (const [term, docs] of index.postings)
      for (const d of docs)
        if (isTopicBag[d]) {
          this.topicTerms.add(term);
          break;
        }
  }

  /** How many of the words of `text` some topic or reply knows (one word is not a problem described). */
  knownWords(text: string, lang: Lang): number {
    let known = 0;
    for (const term of this.scorer.terms(text, lang))
      if (term.kind !== 'bigram' && this.index.idf.has(term.text)) known++;
    return known;
  }

  /** True when what is left of a message around a phrase names nothing the bot knows, in a word or two. */
  saysLittle(rest: string, lang: Lang): boolean {
    let unknown = 0;
    // Decided by the first word some topic knows, or the third it does not: the rest of a long
    // message after "hi" is not read. A lone Han character ("好" beside "謝謝") says little even
    // when some topic's text holds it.
    return !this.index.analyzer.some(
      rest,
      lang,
      (term) =>
        term.kind !== 'bigram' &&
        !LONE_HAN.test(term.text) &&
        (this.index.idf.has(term.text) || ++unknown > 2),
    );
  }

  /**
   * The share of what `text` says (the weight of its words some topic knows) that this topic's
   * own text explains: "changed the certificate" after an ADFS certificate question is still
   * about ADFS, "now it says user is not SIP enabled" after a clock question is not.
   */
  explains(topic: string, text: string, lang: Lang): number {
    const own = this.topicBag.get(topic)?.terms;
    if (!own) return 0;
    let known = 0;
    let explained = 0;
    const seen = new Set<string>();
    for (const term of this.scorer.terms(text, lang)) {
      const idf = this.index.idf.get(term.text);
      if (idf === undefined || seen.has(term.text) || !this.topicTerms.has(term.text)) continue;
      seen.add(term.text);
      known += idf;
      if (own.has(term.text)) explained += idf;
    }
    return known === 0 ? 1 : explained / known;
  }

  /**
   * How much of the message (in IDF units) only this reply's words explain: words that the
   * competing fix does not use ("Remote Desktop", "DKIM", "payroll", "the Windows lock screen"
   * beside "the password is incorrect"); with no fix named, words that no topic uses.
   */
  ownEvidence(clean: string, lang: Lang, id: string, fix?: string): number {
    const own = this.replyBag.get(id)?.terms;
    if (!own) return 0;
    const theirs = fix ? this.topicBag.get(fix)?.terms : undefined;
    let sum = 0;
    const seen = new Set<string>();
    for (const term of this.scorer.terms(clean, lang)) {
      if (seen.has(term.text) || !own.has(term.text)) continue;
      // A word the fix does not use counts when at most two topics use it ("screen", "lock"):
      // one that many topics use ("account", "computer") says nothing about the neighbour.
      const idf = this.index.idf.get(term.text) ?? 0;
      const known = this.topicTerms.has(term.text);
      if (known && (!theirs || theirs.has(term.text) || idf < this.rare)) continue;
      seen.add(term.text);
      sum += this.index.idf.get(term.text) ?? 0;
    }
    return sum;
  }

  /**
   * True when the message's words that `topic`'s text uses and `than`'s does not weigh at least
   * as much as one word at most two topics use: "the PC's clock is off and sign-in failed" says
   * more than "can't sign in"; "lync not logging in, help" does not, whichever topic also lists
   * those words.
   */
  saysMore(clean: string, lang: Lang, topic: string, than: string): boolean {
    const own = this.topicBag.get(topic)?.terms;
    const theirs = this.topicBag.get(than)?.terms;
    if (!own) return false;
    let sum = 0;
    const seen = new Set<string>();
    for (const term of this.scorer.terms(clean, lang)) {
      if (seen.has(term.text) || !own.has(term.text) || theirs?.has(term.text)) continue;
      seen.add(term.text);
      sum += this.index.idf.get(term.text) ?? 0;
    }
    return sum >= this.rare;
  }
}
