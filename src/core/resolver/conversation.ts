/**
 * The first reply in the light of the conversation so far: a message in a conversation about a
 * cause stays with it unless it names another problem surely. The helpdesk does not start over
 * because a detail about the problem being worked on ("the box shows sip.fabrikam.com, is that
 * ours?") shares a word with some other cause, nor fall back to "can't sign in", and after its
 * clarifying question ("custom domain, or ADFS?") it reads the next message as the answer.
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Clarifications } from './clarify.js';
import type { Decision } from './decide.js';
import type { Ranked } from './ranker.js';
import type { ResolverSettings } from './settings.js';
import type { Vocabulary } from './vocabulary.js';

/** A follow-up stays with the conversation's topic when that topic explains this share of its rest. */
export const FOLLOW_UP_EXPLAINED = 0.34;
/** A message up to this many characters, in a conversation about a topic, can only be a follow-up to it. */
const SHORT_FOLLOW_UP = 60;

export interface ConversationInput {
  /** What the message alone would get. */
  decision: Decision;
  clean: string;
  lang: Lang;
  /** The topic the conversation is about (one of the pack's topics), or null. */
  context: string | null;
  /** The troubleshooting topics the message touches, best first. */
  topics: Ranked[];
  /** How well the retirement notice fits the message (its uncapped score), when it does. */
  retirement?: number | undefined;
  /** The option of the context's clarifying question that the message's words point at decisively. */
  picked?: () => string | undefined;
}

export class Conversations {
  constructor(
    private readonly pack: KnowledgePack,
    private readonly settings: ResolverSettings,
    private readonly clarifications: Pick<Clarifications, 'related'>,
    private readonly vocabulary: Pick<Vocabulary, 'explains' | 'knownWords'>,
  ) {}

  /**
   * In a conversation about a topic, a message the bot would answer with "did you mean", or
   * with another cause it is not sure of, is about that topic: the helpdesk would not start
   * over. One nothing is known about ("where is the cafeteria") is not: on a stage, a follow-up
   * counts as "it did not work". A redirect, small talk, a request for a person, or another
   * cause named surely is left as decided.
   */
  continued(input: ConversationInput): Decision {
    const { decision, clean, lang, context, topics } = input;
    if (!context) return decision;
    const { kind } = decision.answer;
    const answered = this.answersClarification(context, decision, topics, input.picked);
    if (answered) return answered;
    const stay: Decision = { topic: context, answer: { kind: 'follow-up', id: context } };
    // The retirement notice needs more inside a conversation about a cause: "Teams works, only
    // Skype doesn't; did they take my licence away?" after a licence question is about the
    // licence, which fits it nearly as well.
    if (kind === 'retirement' && input.retirement !== undefined) {
      const own = topics.find((c) => c.topic === context);
      if (own && own.raw >= input.retirement * this.settings.leadNeighbourShare) return stay;
    }
    // A request for a person is one, whatever the conversation.
    if (kind === 'fix' && this.pack.topics.get(decision.topic!)?.kind === 'escalate') return decision;
    // "Can't sign in" (triage) asks what the person sees; in a conversation about a cause, the
    // person has said it already ("the box shows sip.contoso.com, is that ours?"): go on.
    const triage = (id: string | null) => id !== null && this.pack.topics.get(id)?.kind === 'triage';
    // A plain "I can't sign in" said surely is a new question, though: the person starts over.
    if (kind === 'fix' && triage(decision.topic) && !triage(context) && !this.sure(input, context))
      return stay;
    // Nor does another cause the message only leans towards, none of its own sayings fitting:
    // a detail about the conversation's own problem shares a word with some other cause's steps
    // ("the box shows sip.fabrikam.com" after the trust prompt is not the DNS records' problem).
    if (
      kind === 'fix' &&
      !triage(context) &&
      decision.topic !== context &&
      !this.clarifications.related(decision.topic!, context) &&
      !this.sure(input, context)
    )
      return stay;
    // Nor does a message that fits no topic surely ("did you mean"): the helpdesk stays with
    // the problem being worked on. One that fits nothing well but shares a word with the
    // conversation's topic ("so we really need a paid cert from a proper CA?") goes on with it
    // too; one that shares nothing with it ("where is the cafeteria") does not.
    if (
      (kind === 'did-you-mean' && !triage(context)) ||
      (kind === 'unknown' && topics.some((c) => c.topic === context && c.score > 0))
    )
      return stay;
    if (clean.length > SHORT_FOLLOW_UP) return decision;
    // One word the bot knows ("an hour now") does not change the subject, even when it is
    // some other topic's word.
    const open =
      kind === 'did-you-mean' ||
      (kind === 'fix' &&
        decision.topic !== context &&
        !this.clarifications.related(decision.topic!, context) &&
        this.vocabulary.knownWords(clean, lang) < 2);
    return open ? stay : decision;
  }

  /**
   * The fix decided names another problem surely: it fits the message, and one of its own
   * sayings fits it, at least to the threshold; and nearly whole when the conversation's topic
   * explains the message as well ("who do I ask, and how long do I wait after?" about a licence
   * is not DNS propagation).
   */
  private sure({ decision, clean, lang, topics }: ConversationInput, context: string): boolean {
    const { threshold, domainSaying } = this.settings;
    const decided = topics.find((c) => c.topic === decision.topic);
    if (!decided || decided.score < threshold || decided.named < threshold) return false;
    return (
      decided.named >= domainSaying || this.vocabulary.explains(context, clean, lang) < FOLLOW_UP_EXPLAINED
    );
  }

  /**
   * After a clarifying question ("custom domain, or ADFS single sign-on?"), a message that fits
   * one of its causes is the answer to it, even when a sibling topic fits a little better on the
   * words they share ("we do have our own domain, not sure the sip records were ever added" fits
   * the DNS propagation topic too): that cause, when it fits at least `suggestRatio` of the best
   * topic on its own sayings.
   */
  private answersClarification(
    context: string,
    decision: Decision,
    topics: Ranked[],
    picked: () => string | undefined = () => undefined,
  ): Decision | undefined {
    const topic = this.pack.topic(context);
    const clarify = topic.kind === 'clarify' ? topic.clarify : undefined;
    if (!clarify || (decision.topic !== null && this.clarifications.related(decision.topic, context)))
      return undefined;
    const causes = new Set(clarify.options.filter((o) => o.topics.length === 1).map((o) => o.topics[0]!));
    const best = topics[0];
    const cause = topics.find((c) => causes.has(c.topic));
    const fits =
      best !== undefined &&
      cause !== undefined &&
      cause.named >= this.settings.namedFloor &&
      cause.score >= this.settings.suggestFloor &&
      cause.score >= best.score * this.settings.suggestRatio;
    if (fits) return { topic: cause.topic, answer: { kind: 'fix', id: cause.topic } };
    // The answer to the question said in the words only one cause uses ("DNS we manage at the
    // registrar ourselves", "我们用自己的域名"), although a sibling topic (DNS propagation) fits
    // the whole message better: the question asked is what the reply answers. Another topic's
    // own error message quoted is a new problem, not an answer.
    if (
      best &&
      (best.quoted ?? 0) >= this.settings.threshold &&
      !this.clarifications.related(best.topic, context)
    )
      return undefined;
    const option = picked();
    return option && causes.has(option) ? { topic: option, answer: { kind: 'fix', id: option } } : undefined;
  }
}
