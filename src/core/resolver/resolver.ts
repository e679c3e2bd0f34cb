/**
 * The resolver: a chat message in, the bot's first reply out.
 *
 *   strip chat noise → detect language → small talk, follow-up, a person? → rank topics and
 *   replies (scorer, ranker) → decide (a fix, a redirect, "did you mean", or nothing known)
 *
 * It answers with no topic rather than a wrong fix when nothing fits well enough, and flags
 * `clarify` when two topics fit about equally or the best topic is itself a question
 * (one error message, two causes).
 */
import { MessageTooLongError } from '../errors.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { detectLanguage } from '../text/detect-language.js';
import { stripNoise } from '../text/noise.js';
import { Clarifications } from './clarify.js';
import { Conversations, FOLLOW_UP_EXPLAINED } from './conversation.js';
import { decide, type Decision } from './decide.js';
import { DomainWords } from './domain.js';
import { ResolverIndex } from './index.js';
import { Meaning } from './meaning.js';
import { Denials } from './negation.js';
import { foldPhrase } from './phrases.js';
import { Ranker, type Ranked } from './ranker.js';
import { ReplyPhrases } from './replies.js';
import { secondOpinion } from './second-opinion.js';
import { Scorer, type Weights } from './scorer.js';
import { DEFAULT_SETTINGS, type ResolverSettings } from './settings.js';
import type { Resolution, ResolveOptions } from './types.js';
import { Vocabulary } from './vocabulary.js';

export { DEFAULT_SETTINGS, type ResolverSettings } from './settings.js';

const round = (n: number) => Math.round(n * 1000) / 1000;

export class Resolver {
  readonly settings: ResolverSettings;
  private readonly scorer: Scorer;
  private readonly clarifications: Clarifications;
  private readonly ranker: Ranker;
  private readonly phrases: ReplyPhrases;
  private readonly vocabulary: Vocabulary;
  private readonly domain: DomainWords;
  private readonly elsewhere: DomainWords;
  /** Each topic's terms, every field and language (the index's bag documents). */
  private readonly bags = new Map<string, Set<string>>();
  private readonly product: DomainWords;
  private readonly systems: DomainWords;
  private readonly conversations: Conversations;
  private readonly meaning: Meaning;
  private readonly working: Denials;

  constructor(
    readonly pack: KnowledgePack,
    readonly index: ResolverIndex = ResolverIndex.fromPack(pack),
    settings: Partial<ResolverSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.scorer = new Scorer(index, this.settings);
    this.clarifications = new Clarifications(pack, index, this.scorer, this.settings.optionThreshold);
    this.ranker = new Ranker(this.scorer, this.clarifications, this.settings, new Denials(pack));
    this.phrases = new ReplyPhrases(pack);
    this.vocabulary = new Vocabulary(pack, index, this.scorer);
    this.conversations = new Conversations(pack, this.settings, this.clarifications, this.vocabulary);
    const terms = (text: string, lang: Lang) => this.scorer.terms(text, lang);
    this.domain = new DomainWords(pack, index.analyzer, terms);
    // A pack whose own topics are titled with a product's name (a printer pack) owns that name.
    const titles = index.docs.filter((d) => d.field === 'title' && pack.topics.has(d.topic));
    const owned = (words: string[]) => titles.some((d) => words.every((w) => d.terms.has(w)));
    this.product = new DomainWords(pack, index.analyzer, terms, 'product');
    this.systems = new DomainWords(pack, index.analyzer, terms, 'systems');
    this.elsewhere = new DomainWords(pack, index.analyzer, terms, 'elsewhere', (words) => !owned(words));
    this.working = new Denials(pack, 'working');
    this.meaning = new Meaning(index, (id) => pack.topics.has(id), this.settings.meaningSmoothing);
    for (const d of index.docs)
      if (d.field === 'bag' && pack.topics.has(d.topic)) this.bags.set(d.topic, d.terms);
  }

  /**
   * Whether the message names another product or device. One that the best topic's own text
   * talks about does not count when the message quotes that topic's error message:
   * "server temp unavailable... only the MX record is set up" is the DNS topic's own subject
   * (its steps name the records), "the VPN says server temporarily unavailable" is another
   * product's.
   */
  private namesElsewhere(
    clean: string,
    lang: Lang,
    best: Ranked | undefined,
    compared: ReadonlySet<string>,
  ): boolean {
    const quoting = best !== undefined && (best.quoted ?? 0) >= this.settings.threshold;
    // Words the quoted topic's own text uses do not count ("reinstall from the portal").
    const bag = quoting ? this.bags.get(best.topic) : undefined;
    const notItsOwn = (word: string[]) => !bag || !word.every((t) => bag.has(t));
    // "The booking portal says server temporarily unavailable": an error quoted beside a kind of
    // system, this product unnamed, is that system's (see `systems` in the lexicon).
    if (quoting && this.systems.found(clean, lang).some(notItsOwn)) return !this.product.says(clean, lang);
    // Another product said to work ("Teams and Outlook open fine") is a comparison, not a subject.
    const found = this.elsewhere.found(clean, lang).filter((word) => !word.every((t) => compared.has(t)));
    return quoting ? found.some(notItsOwn) : found.length > 0;
  }

  /**
   * The terms of the other products the message says work ("Outlook、Teams 都正常"): they are
   * neither the message's subject nor evidence for any card.
   */
  private comparisons(clean: string, lang: Lang): Set<string> {
    const found = this.elsewhere.found(clean, lang);
    if (!found.length) return new Set();
    const working = this.working.terms(clean, lang, (text, l) => this.scorer.terms(text, l));
    return new Set(found.filter((word) => word.every((t) => working.has(t))).flat());
  }

  resolve(text: string, options: ResolveOptions = {}): Resolution {
    if (text.length > this.settings.maxLength)
      throw new MessageTooLongError(text.length, this.settings.maxLength);
    const clean = stripNoise(text);
    const { lang } = detectLanguage(clean, options.locale);
    this.scorer.forget();
    const compared = this.comparisons(clean, lang);
    const ranked = this.ranker.rankMessage(clean, lang, compared);
    const topics = ranked.filter((c) => this.pack.topics.has(c.topic));
    const others = ranked.filter((c) => this.pack.answers.has(c.topic));
    const elsewhere = () => this.namesElsewhere(clean, lang, topics[0], compared);
    const decision =
      this.phraseReply(clean, lang, options, topics[0]) ??
      decide(this.pack, this.settings, {
        topics,
        others,
        otherEvidence: (reply) => this.vocabulary.ownEvidence(clean, lang, reply, topics[0]?.topic),
        related: (a, b) => this.clarifications.related(a, b),
        inDomain: () => this.inConversation(options) || this.domain.says(clean, lang),
        elsewhere: () => elsewhere() && !this.inConversation(options) && !this.product.says(clean, lang),
        namesProduct: () => this.inConversation(options) || this.product.says(clean, lang),
        inPassing: () => this.product.says(clean, lang) && elsewhere(),
        ownProduct: () => this.product.says(clean, lang) && !elsewhere(),
        saysMore: (topic, than) => this.vocabulary.saysMore(clean, lang, topic, than),
      });
    // The whole message's weighted words, read at most once, for the readings that need them.
    let weighed: Weights | undefined;
    const weights = () => (weighed ??= this.scorer.weigh(clean, lang).weights);
    const context = options.context?.topic ?? null;
    const reply = this.conversations.continued({
      decision: this.inConversation(options)
        ? decision
        : secondOpinion(this.pack, this.settings, {
            decision,
            topics,
            choose: (among) => this.meaning.choose(weights(), among),
            related: (a, b) => this.clarifications.related(a, b),
          }),
      clean,
      lang,
      context: context !== null && this.pack.topics.has(context) ? context : null,
      topics,
      retirement: others.find((o) => this.pack.answers.get(o.topic)?.kind === 'retirement')?.raw,
      picked: () => (context ? this.clarifications.answer(context, weights()) : undefined),
    });
    // The documented field order: text, topic, confidence, lang, clarify, candidates, suggestions, answer.
    return {
      text,
      topic: reply.topic,
      confidence: round(topics[0]?.score ?? 0),
      lang,
      clarify: reply.clarify ?? false,
      candidates: topics
        .slice(0, this.settings.candidates)
        .map((c) => ({ topic: c.topic, score: round(c.score) })),
      suggestions: reply.suggestions ?? [],
      answer: reply.answer,
    };
  }

  /** The conversation so far is about one of the topics: a short reply in it is about the domain. */
  private inConversation(options: ResolveOptions): boolean {
    const context = options.context?.topic;
    return context != null && this.pack.topics.has(context);
  }

  /** Every topic and reply the message touches, best first (long messages sentence by sentence too). */
  rankMessage(clean: string, lang: Lang): Ranked[] {
    return this.ranker.rankMessage(clean, lang);
  }

  /**
   * Replies decided by a phrase inside the message: small talk alone ("thanks, that fixed it!");
   * a follow-up ("still failing") that continues the conversation's topic unless the rest of
   * the message names another problem; a request for a person, unless it also names a problem.
   */
  private phraseReply(
    clean: string,
    lang: Lang,
    options: ResolveOptions,
    best: Ranked | undefined,
  ): Decision | undefined {
    const { threshold } = this.settings;
    const folded = foldPhrase(clean);
    const followUp = this.phrases.followUps.findFolded(folded);
    const context = options.context?.topic ?? null;
    // "hello?? anyone there" in a conversation about a topic is the person waiting for the next
    // step, not a greeting: a follow-up phrase beside small talk continues the conversation.
    const waiting = followUp !== undefined && this.inConversation(options);
    const talk = waiting ? undefined : this.phrases.smalltalk.findFolded(folded, 'last');
    if (talk && this.vocabulary.saysLittle(this.phrases.yes.find(talk.rest)?.rest ?? talk.rest, lang))
      return { topic: null, answer: { kind: 'smalltalk', id: talk.value } };

    if (followUp) {
      if (context && this.pack.topics.has(context)) {
        // The rest names another problem when it says more than a word, most of it foreign to
        // the conversation's topic ("still failing, now it says user is not SIP enabled").
        const rest = followUp.rest;
        const ranked = this.ranker.rankMessage(rest, lang);
        const named = ranked.find((c) => c.score >= threshold);
        // ...and only when another topic's own saying fits it well, and clearly better than the
        // conversation's ("changed the time, still failing" after a clock question stays). What
        // the person tried or waited for ("rebooted", "30分待っても") is a follow-up phrase of its
        // own, so it is not left in the rest to look like some other cause.
        const own = ranked.find((c) => c.topic === context)?.named ?? 0;
        const elsewhere =
          named !== undefined &&
          named.topic !== context &&
          named.named >= threshold &&
          named.named * this.settings.ambiguity > own &&
          this.pack.topics.get(named.topic)?.kind !== 'triage' &&
          this.vocabulary.knownWords(rest, lang) >= 2 &&
          this.vocabulary.explains(context, rest, lang) < FOLLOW_UP_EXPLAINED;
        if (!elsewhere) return { topic: context, answer: { kind: 'follow-up', id: context } };
      } else if (this.vocabulary.saysLittle(followUp.rest, lang) && !this.phrases.person.findFolded(folded)) {
        return { topic: null, answer: { kind: 'follow-up', id: followUp.value } };
      }
    }

    const person = this.phrases.person.findFolded(folded);
    const handOver = [...this.pack.topics.values()].find((t) => t.kind === 'escalate');
    // The whole message, read sentence by sentence, names a problem too: "Agent at the Swindon
    // site... still gets the personal certificate error" is a call-centre agent's problem, not
    // a request for one (the rest, its punctuation folded away, is one long diluted sentence).
    const namesProblem = (rest: string) =>
      this.vocabulary.knownWords(rest, lang) >= 2 &&
      Math.max(best?.score ?? 0, this.ranker.rankMessage(rest, lang)[0]?.score ?? 0) >= threshold;
    if (person && handOver && !namesProblem(person.rest))
      return { topic: handOver.id, answer: { kind: 'fix', id: handOver.id } };
    return undefined;
  }
}
