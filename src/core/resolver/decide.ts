/**
 * Deciding, as a helpdesk would, once the message is ranked: a neighbour's redirect when the
 * message is about another product's problem; a fix when one topic clearly fits; "did you mean"
 * with the best few topics when two fit about equally or the best is likely but not sure; an
 * honest "not something I know" otherwise.
 */
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Ranked } from './ranker.js';
import type { ResolverSettings } from './settings.js';
import type { Answer } from './types.js';

export interface Decision {
  topic: string | null;
  answer: Answer;
  suggestions?: string[];
  clarify?: boolean;
}

export interface DecisionInput {
  /** The troubleshooting topics, best first. */
  topics: Ranked[];
  /** The replies that are not fixes (a neighbour's redirect, the retirement notice), best first. */
  others: Ranked[];
  /** How much of the message only that reply's words explain (IDF units). */
  otherEvidence: (reply: string) => number;
  /** A clarifying topic and one of its options are not two different answers. */
  related: (a: string, b: string) => boolean;
  /** The message names the product or signing in, or continues a conversation about a topic. */
  inDomain: () => boolean;
  /** The message names another product or device (Teams, an iPad, DKIM) and not this product. */
  elsewhere: () => boolean;
  /** The message names this product and another product or device beside it. */
  inPassing: () => boolean;
  /** The message names this product ("Skype for Business", "Lync"), or continues a conversation about a topic. */
  namesProduct: () => boolean;
  /** The message names this product and no other product or device. */
  ownProduct: () => boolean;
  /** The message says something specific that `topic`'s text uses and `than`'s does not. */
  saysMore: (topic: string, than: string) => boolean;
}

/**
 * A fix is for this product's sign-in: a message about another product ("my Teams licence is
 * missing", "the iPad clock is slow") that shares a topic's words gets the neighbour's redirect
 * that fits it, or "not something I know", never the fix.
 */
export function decide(pack: KnowledgePack, settings: ResolverSettings, input: DecisionInput): Decision {
  const decision = decideRanked(pack, settings, input);
  if (decision.answer.kind !== 'fix' || !input.elsewhere()) return decision;
  const other = input.others[0];
  if (other && other.score >= settings.answerThreshold && pack.answer(other.topic).kind === 'near-miss')
    return { topic: null, answer: { kind: 'near-miss', id: other.topic } };
  return UNKNOWN;
}

function decideRanked(pack: KnowledgePack, settings: ResolverSettings, input: DecisionInput): Decision {
  const { topics } = input;
  const best = topics[0];
  const other = heard(pack, settings, input);
  const redirect = other && neighbourReply(pack, settings, input, other);
  if (redirect) return redirect;
  // A topic is answered on what it says about itself (an error, a phrasing, its title or symptom),
  // not on its steps' text alone: "after we changed something" is in a step, not a cause.
  if (best && best.score >= settings.threshold && best.named >= settings.namedFloor)
    return answerOrAsk(pack, settings, input);
  // Below the threshold, a topic far ahead of every other one is still the helpdesk's answer:
  // "lync 2010 from a drawer won't log in to our online tenant" names no error, but only one
  // cause fits it. "Can't sign in" (triage) close behind a specific cause is no rival to it. The
  // lead must rest on words its rival does not use: "lync is odd today pw: ..." shares its one
  // word with both password topics, and is asked about, not answered.
  const second = best && !isTriage(pack, best) ? rivalOf(pack, topics) : topics[1];
  if (
    best &&
    best.score >= settings.leadFloor &&
    best.named >= settings.namedFloor &&
    (second === undefined ||
      (best.raw >= second.raw * settings.leadMargin && input.saysMore(best.topic, second.topic))) &&
    !(other && other.raw >= best.raw * settings.leadNeighbourShare)
  )
    return {
      topic: best.topic,
      answer: { kind: 'fix', id: best.topic },
      clarify: pack.topic(best.topic).kind === 'clarify',
    };
  // Likely but not sure: the best few topics, offered as "did you mean", unless the message
  // looks more like a neighbour's problem than any of them. A message that names this product
  // and no other is offered them even so, when the best one is likely: "Lync wants my
  // password... reset it before the 2pm meeting" shares a word with the meetings card, and is
  // still about Lync.
  // The share is of the best topic that names itself: one found on its steps' text alone does
  // not push the others out.
  const reference = topics.find((c) => c.named >= settings.namedFloor) ?? best;
  const suggestions =
    best &&
    reference &&
    !(other && other.score > best.score && !(input.ownProduct() && best.score >= settings.leadFloor))
      ? topics
          .filter(
            (c) => c.score >= settings.suggestFloor && c.score >= reference.score * settings.suggestRatio,
          )
          .slice(0, settings.suggestions)
          .map((c) => c.topic)
      : [];
  if (suggestions.length && aboutDomain(settings, input, suggestions))
    return { topic: null, answer: { kind: 'did-you-mean', id: null }, suggestions };
  return UNKNOWN;
}

/** The redirect for a neighbour's problem, or the retirement notice, when it wins over the best fix. */
function neighbourReply(
  pack: KnowledgePack,
  settings: ResolverSettings,
  input: DecisionInput,
  other: Ranked,
): Decision | undefined {
  if (other.score < settings.answerThreshold) return undefined;
  const best = input.topics[0];
  // A neighbour's problem: its redirect fits at least about as well as the best fix, on words
  // that no topic knows (Remote Desktop, SPF, a payroll portal); the retirement notice has to
  // fit better than any fix, or about as well with its own saying fitting clearly better
  // ("Skype for Business Online退役之后我们这些账号还能登录吗").
  const kind = pack.answer(other.topic).kind;
  // "My iPhone says the Skype for Business password is incorrect": the device is mentioned in
  // passing, and a fix quoting its own saying that fits better keeps the message.
  // So is anything else beside this product's own error message quoted ("on the
  // office WiFi Lync says it cannot verify the server is trusted").
  const passing =
    best !== undefined &&
    best.named >= settings.threshold &&
    other.raw <= best.raw &&
    (input.inPassing() ||
      (input.ownProduct() &&
        ((best.quoted ?? 0) >= settings.threshold ||
          (best.raw >= other.raw * settings.leadMargin &&
            input.otherEvidence(other.topic) < settings.neighbourEvidence * 2))));
  // A message that does not name this product, where the neighbour fits about as well as the
  // best fix, its own sayings too ("I forgot my Windows password and can't get into my
  // laptop"), is the neighbour's: a helpdesk would not send that person through this
  // product's fix. ("dns" alone fits the mail records' card on its steps' word, not on its
  // sayings: it is offered the DNS topics.)
  // So is one where a word only the neighbour knows ("laptop") comes with half its score.
  const unnamed =
    best !== undefined &&
    !input.namesProduct() &&
    ((other.raw >= best.raw * settings.ambiguity &&
      other.named >= best.named * settings.leadNeighbourShare) ||
      (input.otherEvidence(other.topic) > 0 && other.raw >= best.raw * settings.neighbourShare));
  const wins =
    kind === 'near-miss'
      ? !passing && (unnamed || neighbourFits(settings, other, best, input.otherEvidence(other.topic)))
      : other.raw > (best?.raw ?? 0) ||
        (best !== undefined &&
          other.raw >= best.raw * settings.ambiguity &&
          other.named * settings.ambiguity > best.named);
  return wins ? { topic: null, answer: { kind, id: other.topic } } : undefined;
}

/**
 * The neighbour's redirect worth weighing. A message that names this product and no other
 * product or device ("the clock in the corner of my screen is ahead and Lync won't let me in")
 * is not about a neighbour's problem on the words it shares with the topics: the neighbour
 * counts only on words no topic knows (an Edge server, a payroll portal).
 */
function heard(pack: KnowledgePack, settings: ResolverSettings, input: DecisionInput): Ranked | undefined {
  const own = input.ownProduct();
  return input.others.find(
    (other) =>
      !own ||
      pack.answer(other.topic).kind !== 'near-miss' ||
      input.otherEvidence(other.topic) >= settings.neighbourEvidence,
  );
}

const isTriage = (pack: KnowledgePack, c: Ranked) => pack.topic(c.topic).kind === 'triage';

/** The best topic after the first that is not "can't sign in" (triage): the first one's rival. */
const rivalOf = (pack: KnowledgePack, topics: Ranked[]) => topics.slice(1).find((c) => !isTriage(pack, c));

const UNKNOWN: Decision = { topic: null, answer: { kind: 'unknown', id: null } };

/**
 * Sign-in topics are offered only for a message about this product's sign-in: one that names
 * the product or signing in, or quotes one of the offered topics' own sayings nearly whole (a
 * truncated error message). Generic words alone ("password", "offline", "licence") are shared
 * with printers, VPNs and other products, where sign-in fixes send the person the wrong way.
 */
function aboutDomain(settings: ResolverSettings, input: DecisionInput, suggestions: string[]): boolean {
  const quoted = input.topics.some((c) => c.named >= settings.domainSaying && suggestions.includes(c.topic));
  return quoted || input.inDomain();
}

/**
 * The best topic is sure enough. Triage asks its own question ("what do you see?"); a
 * clarifying topic asks which cause. Otherwise two unrelated topics within `ambiguity` of each
 * other (before capping) make the bot ask which one: it does not pick.
 */
function answerOrAsk(pack: KnowledgePack, settings: ResolverSettings, input: DecisionInput): Decision {
  const { topics, related } = input;
  const second = topics[1];
  // "Can't sign in" is what almost everyone says; a specific cause said alongside it about as
  // strongly ("the PC's clock is off and sign-in failed") is the answer, not the triage question.
  // So is an error message quoted beside it, even a little behind: "伺服器暫時無法使…然後就跳回登入畫面"
  // is that error, however strongly "back to the sign-in screen" says "can't sign in".
  const specific =
    pack.topic(topics[0]!.topic).kind === 'triage' &&
    second !== undefined &&
    second.score >= settings.threshold &&
    second.named >= settings.threshold &&
    (((second.quoted ?? 0) >= settings.threshold && second.raw >= topics[0]!.raw * settings.suggestRatio) ||
      (second.raw >= topics[0]!.raw * settings.ambiguity && input.saysMore(second.topic, topics[0]!.topic)));
  // "Can't sign in... what should I check?" is the triage question itself when "can't sign in"
  // fits about as well as the best cause, on its own saying better, and the cause's lead rests on
  // no word triage lacks.
  const general = specific ? undefined : topics.find((c) => isTriage(pack, c));
  const asked =
    general !== undefined &&
    general !== topics[0] &&
    general.raw >= topics[0]!.raw * settings.ambiguity &&
    general.named >= settings.threshold &&
    general.named > topics[0]!.named &&
    !input.saysMore(topics[0]!.topic, general.topic);
  const best = specific ? second : asked ? general : topics[0]!;
  const kind = pack.topic(best.topic).kind;
  // "Can't sign in" fitting about as well as a specific cause is no second answer: the cause is.
  const rival = rivalOf(pack, topics);
  const close =
    kind !== 'triage' &&
    !specific &&
    rival !== undefined &&
    rival.score >= settings.threshold &&
    rival.raw >= best.raw * settings.ambiguity &&
    !related(best.topic, rival.topic);
  if (!close)
    return { topic: best.topic, answer: { kind: 'fix', id: best.topic }, clarify: kind === 'clarify' };
  const suggestions = topics
    .filter((c) => c.raw >= best.raw * settings.ambiguity && pack.topic(c.topic).kind !== 'triage')
    .slice(0, settings.suggestions)
    .map((c) => c.topic);
  // A topic a little behind on the whole text whose own saying fits the message best ("因为时间
  // Skype 不行": the clock topic's saying, behind two topics whose steps share the words) is offered too.
  const sayer = topics.filter((c) => !isTriage(pack, c)).reduce((a, c) => (c.named > a.named ? c : a), best);
  if (
    !suggestions.includes(sayer.topic) &&
    sayer.named >= settings.threshold &&
    sayer.raw >= best.raw * settings.leadNeighbourShare
  )
    suggestions.splice(Math.min(suggestions.length, settings.suggestions - 1), 1, sayer.topic);
  if (!aboutDomain(settings, input, suggestions)) return UNKNOWN;
  return { topic: null, answer: { kind: 'did-you-mean', id: null }, suggestions, clarify: true };
}

/**
 * A neighbour's redirect wins over the best fix when it scores higher on at least one word no
 * topic knows, or scores at least `neighbourShare` of it on words no topic knows that weigh
 * `neighbourEvidence` together ("password" alone stays the topics' word).
 */
function neighbourFits(
  settings: ResolverSettings,
  neighbour: Ranked,
  fix: Ranked | undefined,
  own: number,
): boolean {
  const fixRaw = fix?.raw ?? 0;
  // Its own saying fits clearly better than any of the fix's ("the Windows login screen" beside
  // "the password is incorrect"), although every word of it is also some topic's word.
  if (own <= 0)
    return (
      fix !== undefined &&
      fix.named >= settings.namedFloor &&
      neighbour.raw > fixRaw &&
      neighbour.named * settings.ambiguity > fix.named
    );
  if (neighbour.raw > fixRaw) return true;
  if (own < settings.neighbourEvidence) return false;
  // The more of the message only the neighbour's words explain ("my watch and my phone"), the
  // less of the fix's score it needs, down to four fifths of `neighbourShare`.
  const easing = Math.max(0.8, Math.min(1, settings.neighbourEvidence / own));
  return neighbour.raw >= fixRaw * settings.neighbourShare * easing;
}
