/**
 * The resolver: a chat message in, the troubleshooting topic out.
 *
 *   strip chat noise → detect language → terms → correct typos → score documents → rank topics
 *
 * It answers with no topic rather than a wrong fix when nothing fits well enough, and flags
 * `clarify` when two topics fit about equally or the best topic is itself a question
 * (one error message, two causes).
 */
import { MessageTooLongError } from '../errors.js';
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Term } from '../text/analyzer.js';
import { detectLanguage } from '../text/detect-language.js';
import { stripNoise } from '../text/noise.js';
import { ResolverIndex } from './index.js';
import { intersect } from './postings.js';
import { combine, fieldScore, type Field } from './scoring.js';
import { foldPhrase, PhraseMatcher } from './phrases.js';
import type { Answer, Candidate, Resolution, ResolveOptions } from './types.js';

export interface ResolverSettings {
  /** Below this confidence the bot says it does not know. */
  threshold: number;
  /** A runner-up within this ratio of the best makes the bot ask which one applies. */
  ambiguity: number;
  /** What a clarifying topic's option must score on the rest of the message to be chosen directly. */
  optionThreshold: number;
  /** Weight of a word no topic uses, as a share of the rarest known word's weight. */
  unknownWord: number;
  /** Share of the message a topic must explain to keep its full score... */
  coverageNeeded: number;
  /** ...unless the words it does explain weigh at least this much (in IDF units) on their own. */
  evidenceNeeded: number;
  /** Longest message the resolver reads, in characters. */
  maxLength: number;
  /** How many candidates to report. */
  candidates: number;
  /** A neighbour's redirect or the retirement notice needs this score, and to beat every topic. */
  answerThreshold: number;
  /** Below the threshold, topics scoring at least this are offered as "did you mean"... */
  suggestFloor: number;
  /** ...when they score at least this share of the best one... */
  suggestRatio: number;
  /** ...and at most this many. */
  suggestions: number;
  /** A neighbour's redirect scoring at least this share of the best fix wins it... */
  neighbourShare: number;
  /** ...when words only the neighbour knows weigh at least this much (IDF units). */
  neighbourEvidence: number;
}

export const DEFAULT_SETTINGS: ResolverSettings = {
  threshold: 0.35,
  ambiguity: 0.9,
  optionThreshold: 0.3,
  unknownWord: 1,
  coverageNeeded: 0.8,
  evidenceNeeded: 4,
  maxLength: 4000,
  candidates: 5,
  answerThreshold: 0.35,
  suggestFloor: 0.15,
  suggestRatio: 0.6,
  suggestions: 3,
  neighbourShare: 0.5,
  neighbourEvidence: 2.5,
};

type Weights = Map<string, number>;
interface Scored {
  topic: string;
  score: number;
  /** The best score of each kind of document of the topic (0: none matched). */
  fields: Record<Field, number>;
  /** Share of the message's weight the topic's whole text explains. */
  coverage: number;
  /** Sum of the weights of the message's terms that the topic knows. */
  evidence: number;
}

const noFields = (): Record<Field, number> => ({ error: 0, alias: 0, title: 0, description: 0, bag: 0 });

/** A message of everyday words all found together in more documents than this is too general to answer. */
const GENERIC_ABOVE = 1024;
/** Above this many candidate documents, the weakest are dropped before scoring... */
const PRUNE_ABOVE = 256;
/** ...those sharing less than this share of the best document's weight. */
const PRUNE_SHARE = 0.34;
/** At most this many documents, the best scoring, are added up by topic. */
const SCORE_AT_MOST = 256;

const round = (n: number) => Math.round(n * 1000) / 1000;
/** Best first by the uncapped score (two topics both capped at 1 are still told apart), then by id. */
const byScore = (a: Candidate & { raw: number }, b: Candidate & { raw: number }) =>
  b.raw - a.raw || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

/** A message's sentences: cut after sentence punctuation and at line breaks (not inside `a.b`). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[。！？!?\n;；]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A clarifying topic, its options, and the words of its own error message and title. */
interface Family {
  options: string[];
  errorTerms: Set<string>;
}

export class Resolver {
  readonly settings: ResolverSettings;
  private readonly families = new Map<string, Family>();
  /** Greetings, thanks, goodbyes: the answer ids of kind `smalltalk`, by their phrasings. */
  private readonly smalltalk: PhraseMatcher<string>;
  /** "still failing", "same error": the answer ids of kind `follow-up`, by their phrasings. */
  private readonly followUps: PhraseMatcher<string>;
  /** "yes", "it works": said with thanks, still small talk. */
  private readonly yes: PhraseMatcher<string>;
  /** "talk to a person", "转人工": the commands that ask for a person, in every language. */
  private readonly person: PhraseMatcher<string>;
  /** The words of the troubleshooting topics, and of each reply that is not a fix. */
  private readonly topicTerms = new Set<string>();
  private readonly replyTerms = new Map<string, Set<string>>();
  private lastTerms?: { text: string; lang: Lang; terms: Term[] };

  constructor(
    readonly pack: KnowledgePack,
    readonly index: ResolverIndex = ResolverIndex.fromPack(pack),
    settings: Partial<ResolverSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    for (const topic of pack.topics.values()) {
      if (topic.kind !== 'clarify') continue;
      const errorTerms = new Set<string>();
      for (const doc of index.docs)
        if (doc.topic === topic.id && (doc.field === 'error' || doc.field === 'title'))
          for (const t of doc.terms) errorTerms.add(t);
      const options = [...new Set(topic.clarify!.options.flatMap((o) => o.topics))];
      this.families.set(topic.id, { options, errorTerms });
    }
    const phrases = (kind: string) =>
      [...pack.answers.values()]
        .filter((a) => a.kind === kind)
        .flatMap((a) =>
          LANGUAGES.flatMap((lang) =>
            pack.answerText(a.id, lang).phrasings.map((p): [string, string] => [p, a.id]),
          ),
        );
    this.smalltalk = new PhraseMatcher(phrases('smalltalk'));
    this.followUps = new PhraseMatcher(phrases('follow-up'));
    const commands = (key: 'yes' | 'person') =>
      LANGUAGES.flatMap((lang) => (pack.commands(lang)?.[key] ?? []).map((p): [string, string] => [p, key]));
    this.yes = new PhraseMatcher(commands('yes'));
    this.person = new PhraseMatcher(commands('person'));
    for (const doc of index.docs) {
      if (doc.field !== 'bag') continue;
      if (pack.topics.has(doc.topic)) for (const t of doc.terms) this.topicTerms.add(t);
      else this.replyTerms.set(doc.topic, doc.terms);
    }
  }

  resolve(text: string, options: ResolveOptions = {}): Resolution {
    if (text.length > this.settings.maxLength)
      throw new MessageTooLongError(text.length, this.settings.maxLength);
    const clean = stripNoise(text);
    const { lang } = detectLanguage(clean, options.locale);
    const ranked = this.rankMessage(clean, lang);
    const topics = ranked.filter((c) => this.pack.topics.has(c.topic));
    const best = topics[0];
    const other = ranked.find((c) => this.pack.answers.has(c.topic));
    const base = {
      text,
      confidence: round(best?.score ?? 0),
      lang,
      clarify: false,
      candidates: topics
        .slice(0, this.settings.candidates)
        .map((c) => ({ topic: c.topic, score: round(c.score) })),
      suggestions: [] as string[],
    };
    // The documented field order: text, topic, confidence, lang, clarify, candidates, suggestions, answer.
    const reply = (topic: string | null, answer: Answer, more: Partial<Resolution> = {}): Resolution => ({
      text,
      topic,
      confidence: base.confidence,
      lang,
      clarify: more.clarify ?? false,
      candidates: base.candidates,
      suggestions: more.suggestions ?? [],
      answer,
    });
    const { threshold, answerThreshold } = this.settings;

    // A message that is only small talk ("thanks, that fixed it!", "ok bye").
    const folded = foldPhrase(clean);
    const talk = this.smalltalk.findFolded(folded);
    if (talk && this.saysLittle(this.yes.find(talk.rest)?.rest ?? talk.rest, lang))
      return reply(null, { kind: 'smalltalk', id: talk.value });

    // "still failing", "same error": the conversation's topic goes on, unless the rest of the
    // message names another problem.
    const followUp = this.followUps.findFolded(folded);
    const context = options.context?.topic ?? null;
    if (followUp) {
      if (context && this.pack.topics.has(context)) {
        const rest = this.rankMessage(followUp.rest, lang);
        const named = rest.find((c) => c.score >= threshold);
        const elsewhere =
          named !== undefined &&
          named.topic !== context &&
          this.pack.topics.get(named.topic)?.kind !== 'triage';
        if (!elsewhere) return reply(context, { kind: 'follow-up', id: context });
      } else if (this.saysLittle(followUp.rest, lang)) {
        return reply(null, { kind: 'follow-up', id: followUp.value });
      }
    }

    // "can I talk to a real person": the hand-over, unless the message also names a problem.
    const person = this.person.findFolded(folded);
    const handOver = [...this.pack.topics.values()].find((t) => t.kind === 'escalate');
    const namesProblem = (rest: string) =>
      this.knownWords(rest, lang) >= 2 && (this.rankMessage(rest, lang)[0]?.score ?? 0) >= threshold;
    if (person && handOver && !namesProblem(person.rest))
      return reply(handOver.id, { kind: 'fix', id: handOver.id });

    // A neighbour's problem: its redirect fits better than any fix, or it fits well on words
    // that no topic knows (Remote Desktop, SPF, a payroll portal) and the fix only somewhat.
    // A neighbour's problem: its redirect fits at least about as well as the best fix, on words
    // that no topic knows (Remote Desktop, SPF, a payroll portal); the retirement notice has to
    // fit better than any fix.
    const neighbour =
      other !== undefined &&
      other.score >= answerThreshold &&
      (this.pack.answer(other.topic).kind === 'near-miss'
        ? this.neighbourFits(other.raw, best?.raw ?? 0, this.ownEvidence(clean, lang, other.topic))
        : other.raw > (best?.raw ?? 0));
    if (neighbour) return reply(null, { kind: this.pack.answer(other.topic).kind, id: other.topic });
    if (best && best.score >= threshold) {
      const second = topics[1];
      const kind = this.pack.topic(best.topic).kind;
      // Triage asks its own question ("what do you see?"); a clarifying topic asks which cause.
      // Otherwise two unrelated topics within `ambiguity` of each other (before capping) make the bot ask.
      const close =
        kind !== 'triage' &&
        second !== undefined &&
        second.score >= threshold &&
        second.raw >= best.raw * this.settings.ambiguity &&
        !this.related(best.topic, second.topic);
      if (close) {
        // Two different fixes fit about equally: the bot asks which one, it does not pick.
        const suggestions = topics
          .filter(
            (c) => c.raw >= best.raw * this.settings.ambiguity && this.pack.topic(c.topic).kind !== 'triage',
          )
          .slice(0, this.settings.suggestions)
          .map((c) => c.topic);
        return reply(null, { kind: 'did-you-mean', id: null }, { suggestions, clarify: true });
      }
      return reply(best.topic, { kind: 'fix', id: best.topic }, { clarify: kind === 'clarify' });
    }
    // Likely but not sure: the best few topics, offered as "did you mean", unless the message
    // looks more like a neighbour's problem than any of them.
    const { suggestFloor, suggestRatio } = this.settings;
    const suggestions =
      best && !(other && other.score > best.score)
        ? topics
            .filter((c) => c.score >= suggestFloor && c.score >= best.score * suggestRatio)
            .slice(0, this.settings.suggestions)
            .map((c) => c.topic)
        : [];
    if (suggestions.length) return reply(null, { kind: 'did-you-mean', id: null }, { suggestions });
    return reply(null, { kind: 'unknown', id: null });
  }

  /**
   * How much of the message (in IDF units) only this reply's words explain: words that no
   * troubleshooting topic uses ("Remote Desktop", "DKIM", "payroll").
   */
  private ownEvidence(clean: string, lang: Lang, id: string): number {
    const own = this.replyTerms.get(id);
    if (!own) return 0;
    let sum = 0;
    const seen = new Set<string>();
    for (const term of this.terms(clean, lang)) {
      if (seen.has(term.text) || !own.has(term.text) || this.topicTerms.has(term.text)) continue;
      seen.add(term.text);
      sum += this.index.idf.get(term.text) ?? 0;
    }
    return sum;
  }

  /**
   * A neighbour's redirect wins over the best fix when it scores higher on at least one word no
   * topic knows, or scores at least `neighbourShare` of it on words no topic knows that weigh
   * `neighbourEvidence` together ("password" alone stays the topics' word).
   */
  private neighbourFits(neighbour: number, fix: number, own: number): boolean {
    if (own <= 0) return false;
    if (neighbour > fix) return true;
    return neighbour >= fix * this.settings.neighbourShare && own >= this.settings.neighbourEvidence;
  }

  /** The analyzer's terms, the last message's kept: scoring and the checks after it read the same text. */
  private terms(text: string, lang: Lang): Term[] {
    const last = this.lastTerms;
    if (last && last.text === text && last.lang === lang) return last.terms;
    const terms = this.index.analyzer.terms(text, lang);
    this.lastTerms = { text, lang, terms };
    return terms;
  }

  /** How many of the words of `text` some topic or reply knows (one word is not a problem described). */
  private knownWords(text: string, lang: Lang): number {
    let known = 0;
    for (const term of this.index.analyzer.terms(text, lang))
      if (term.kind !== 'bigram' && this.index.idf.has(term.text)) known++;
    return known;
  }

  /** True when what is left of a message around a phrase names nothing the bot knows, in a word or two. */
  private saysLittle(rest: string, lang: Lang): boolean {
    let unknown = 0;
    for (const term of this.index.analyzer.terms(rest, lang)) {
      if (term.kind === 'bigram') continue;
      if (this.index.idf.has(term.text)) return false;
      if (++unknown > 2) return false;
    }
    return true;
  }

  /**
   * A long message scored as a whole and by each of its sentences: a story about the week and
   * what was tried dilutes the one sentence that names the problem. Each topic keeps its best.
   */
  rankMessage(clean: string, lang: Lang): (Candidate & { raw: number })[] {
    const whole = this.rank(clean, lang);
    if ((whole[0]?.score ?? 0) >= this.settings.threshold) return whole;
    const parts = sentences(clean);
    if (parts.length < 2) return whole;
    // A sentence can make the whole message's best topic sure; any other topic a sentence
    // points at is only offered ("did you mean"), never answered on one sentence's word.
    const [lead, runnerUp] = whole;
    const clear =
      lead !== undefined &&
      (runnerUp === undefined ||
        runnerUp.raw < lead.raw * this.settings.ambiguity ||
        this.related(lead.topic, runnerUp.topic));
    const first = clear ? lead.topic : undefined;
    const cap = this.settings.threshold - 0.001;
    const best = new Map(whole.map((c) => [c.topic, c]));
    for (const part of parts)
      for (const c of this.rank(part, lang)) {
        const seen = best.get(c.topic);
        const score = c.topic === first ? c.score : Math.min(c.score, cap);
        const raw = c.topic === first ? c.raw : Math.min(c.raw, cap);
        if (!seen || raw > seen.raw) best.set(c.topic, { topic: c.topic, score, raw });
      }
    return [...best.values()].sort(byScore);
  }

  /** Every topic the message touches, best first; `score` is capped at 1, `raw` is not. */
  rank(clean: string, lang: Lang): (Candidate & { raw: number })[] {
    const { weights, total } = this.weigh(clean, lang);
    const scored = this.score(weights, total);
    this.settleClarifications(scored, weights);
    return scored.map(({ topic, score }) => ({ topic, score: Math.min(1, score), raw: score })).sort(byScore);
  }

  /** A clarifying topic and one of its options are not "two different answers". */
  private related(a: string, b: string): boolean {
    const options = (id: string) => this.pack.topics.get(id)?.clarify?.options.flatMap((o) => o.topics) ?? [];
    return options(a).includes(b) || options(b).includes(a);
  }

  /** The message's terms with their weights, typos corrected; `total` includes unknown words. */
  private weigh(clean: string, lang: Lang): { weights: Weights; total: number } {
    const index = this.index;
    const weights: Weights = new Map();
    let total = 0;
    const seen = new Set<string>();
    for (const term of this.terms(clean, lang)) {
      if (seen.has(term.text)) continue;
      seen.add(term.text);
      const idf = index.idf.get(term.text);
      if (idf !== undefined) {
        weights.set(term.text, idf);
        total += idf;
        continue;
      }
      const fix = term.fuzzy ? index.fuzzy.correct(term.text) : undefined;
      if (fix) {
        if (weights.has(fix.term)) continue;
        const w = (index.idf.get(fix.term) ?? 0) * fix.similarity;
        weights.set(fix.term, w);
        total += w;
      } else if (term.kind === 'word') {
        // A word no topic uses explains nothing and lowers every topic's precision. A bare
        // number says less than a word. (Unknown character pairs are fragments, and an unknown
        // compound such as an email address is judged by its parts.)
        const unknown = index.unknownWeight * this.settings.unknownWord;
        total += /^\d+$/.test(term.text) ? unknown / 2 : unknown;
      }
    }
    return { weights, total };
  }

  private score(weights: Weights, total: number): Scored[] {
    if (total === 0) return [];
    const index = this.index;
    // Rare terms find the candidate documents; common ones only add to documents already found.
    const matched = new Map<number, number>();
    const common: [string, number][] = [];
    for (const [term, w] of weights) {
      const list = index.postings.get(term)!;
      if (list.length > index.commonPostings) common.push([term, w]);
      else for (const doc of list) matched.set(doc, (matched.get(doc) ?? 0) + w);
    }
    if (matched.size === 0 && common.length) {
      // Only everyday words: the rarest of them (together, when one is not enough) find the
      // candidates, the others add to them.
      common.sort((a, b) => index.postings.get(a[0])!.length - index.postings.get(b[0])!.length);
      const [term, rarestWeight] = common.shift()!;
      let w = rarestWeight;
      let found: readonly number[] = index.postings.get(term)!;
      // In a pack of thousands of topics, the rarest word of such a message may be in thousands
      // of documents: the documents holding the rarest words together are the candidates then
      // (an alias typed word for word holds them all). When even all the words together are in
      // thousands of documents ("user server"), they point at none; the bot asks for more.
      while (found.length > PRUNE_ABOVE && common.length) {
        const [next, nextWeight] = common.shift()!;
        const both: number[] = [];
        intersect(found, index.postings.get(next)!, (doc) => both.push(doc));
        found = both;
        w += nextWeight;
      }
      if (found.length > GENERIC_ABOVE) return [];
      for (const doc of found) matched.set(doc, w);
    }
    if (common.length) {
      const candidates = [...matched.keys()].sort((a, b) => a - b);
      for (const [term, w] of common)
        intersect(candidates, index.postings.get(term)!, (doc) => matched.set(doc, matched.get(doc)! + w));
    }
    if (matched.size > PRUNE_ABOVE) {
      // At thousands of topics, a document that shares only a small part of what the best one
      // shares cannot win; dropping it before scoring keeps the cost per message flat as the
      // pack grows. (After the common words are counted: candidates found by one rare word all
      // weigh the same until then.)
      let best = 0;
      for (const sum of matched.values()) if (sum > best) best = sum;
      for (const [doc, sum] of matched) if (sum < best * PRUNE_SHARE) matched.delete(doc);
    }
    // Each document's own score is cheap to compute; adding it up by topic is not. When hundreds
    // of documents are left (a message of everyday words), only the best of them are added up:
    // a document scoring below hundreds of others cannot carry its topic to the top.
    const docs = [...matched];
    const scores = new Float64Array(docs.length);
    docs.forEach(([docId, w], i) => {
      const doc = index.docs[docId]!;
      scores[i] = doc.weight * fieldScore(doc.field, Math.min(1, w / doc.norm), Math.min(1, w / total));
    });
    const kept = docs.length > SCORE_AT_MOST ? this.strongest(docs, scores) : undefined;
    const perTopic = new Map<string, Scored>();
    docs.forEach(([docId, w], i) => {
      if (kept && !kept[i]) return;
      const doc = index.docs[docId]!;
      const s = scores[i]!;
      let tally = perTopic.get(doc.topic);
      if (!tally)
        perTopic.set(
          doc.topic,
          (tally = { topic: doc.topic, fields: noFields(), coverage: 0, evidence: 0, score: 0 }),
        );
      if (s > tally.fields[doc.field]) tally.fields[doc.field] = s;
      if (doc.field === 'bag') {
        tally.coverage = Math.min(1, w / total);
        tally.evidence = w;
      }
    });
    const { coverageNeeded, evidenceNeeded } = this.settings;
    const scored = [...perTopic.values()];
    for (const t of scored) {
      // However well one phrase matches, a topic that explains little of the message, with
      // little specific evidence, is not trusted: "where is the Wi-Fi password" shares one word with
      // "forgotten password" and nothing else. A long message full of context words still counts
      // when the words the topic explains are specific enough (a KB number, "msoidsvc", "license").
      const trust = Math.min(1, Math.max(t.coverage / coverageNeeded, t.evidence / evidenceNeeded));
      const f = t.fields;
      t.score = combine([f.error, f.alias, f.title, f.description, f.bag]) * trust;
    }
    return scored;
  }

  /**
   * Which documents to add up by topic when hundreds are left: the SCORE_AT_MOST best scoring
   * (ties with the last one taken in document order, so the answer never varies), and the
   * whole text of each topic they belong to, which says how much of the message the topic
   * explains: without it the topic would not be trusted at all.
   */
  private strongest(docs: [number, number][], scores: Float64Array): Uint8Array {
    const index = this.index;
    const kept = new Uint8Array(docs.length);
    const floor = Float64Array.from(scores).sort()[docs.length - SCORE_AT_MOST]!;
    let room = SCORE_AT_MOST;
    for (const s of scores) if (s > floor) room--;
    const topics = new Set<string>();
    scores.forEach((s, i) => {
      if (s > floor || (s === floor && room-- > 0)) {
        kept[i] = 1;
        topics.add(index.docs[docs[i]![0]]!.topic);
      }
    });
    docs.forEach(([docId], i) => {
      const doc = index.docs[docId]!;
      if (doc.field === 'bag' && topics.has(doc.topic)) kept[i] = 1;
    });
    return kept;
  }

  /**
   * One error message, several causes: "Server is temporarily unavailable" matches the
   * clarifying topic and each of its options equally. The error picks the family; the rest
   * of the message picks the member. When the rest points clearly at one option, that option
   * goes first; otherwise the clarifying topic does, and the dialog asks.
   */
  private settleClarifications(scored: Scored[], weights: Weights): void {
    const byTopic = new Map(scored.map((s) => [s.topic, s]));
    for (const parent of scored) {
      const familyOf = this.families.get(parent.topic);
      if (!familyOf || !(parent.fields.error > 0)) continue;
      const { options: family, errorTerms } = familyOf;
      // Words that half the topics use (the product's name, "sign in") cannot pick an option.
      const commonIdf = Math.log(3);
      const rest: Weights = new Map(
        [...weights].filter(([t]) => !errorTerms.has(t) && (this.index.idf.get(t) ?? 0) > commonIdf),
      );
      let restTotal = 0;
      for (const w of rest.values()) restTotal += w;
      const residual = new Map(this.score(rest, restTotal).map((s) => [s.topic, s.score]));
      const ranked = family
        .map((topic) => ({ topic, score: residual.get(topic) ?? 0 }))
        .sort((a, b) => b.score - a.score);
      const [top, next] = ranked;
      const decisive =
        top !== undefined &&
        top.score >= this.settings.optionThreshold &&
        top.score > (next?.score ?? 0) * 1.25;
      const ceiling = Math.max(parent.score, ...family.map((t) => byTopic.get(t)?.score ?? 0));
      if (decisive) {
        const child = byTopic.get(top.topic);
        if (child) child.score = ceiling + 0.01;
      } else {
        parent.score = ceiling + 0.01;
      }
    }
  }
}
