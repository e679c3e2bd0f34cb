/**
 * The resolver's calibrated settings: the bands between a fix, "did you mean" and "not something
 * I know", and how much evidence a neighbour's redirect needs. Calibrated on the development sets
 * (README, "The resolver"); a deployment can override any of them.
 */
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
  /** A fix needs one of the topic's own sayings (error, phrasing, title, symptom) to score this much. */
  namedFloor: number;
  /** Below the threshold, a topic scoring at least this is still answered... */
  leadFloor: number;
  /** ...when it scores this many times the runner-up... */
  leadMargin: number;
  /** ...and no neighbour's redirect scores this share of it. */
  leadNeighbourShare: number;
  /** Below the threshold, topics scoring at least this are offered as "did you mean"... */
  suggestFloor: number;
  /** ...when they score at least this share of the best one... */
  suggestRatio: number;
  /** ...and at most this many. */
  suggestions: number;
  /** A long message's best topic as a whole must score this much for one sentence to make it sure. */
  sentenceLead: number;
  /** A neighbour's redirect scoring at least this share of the best fix wins it... */
  neighbourShare: number;
  /** ...when words only the neighbour knows weigh at least this much (IDF units). */
  neighbourEvidence: number;
  /** "Did you mean" needs a word of the domain, or one of the topic's own sayings scoring this much. */
  domainSaying: number;
  /** The learned reading turns a fix into "did you mean" when it prefers another topic by this much (IDF-weighted log units). */
  meaningMargin: number;
  /** Added to every word count of the learned reading (naive Bayes smoothing). */
  meaningSmoothing: number;
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
  namedFloor: 0.15,
  leadFloor: 0.2,
  leadMargin: 1.4,
  leadNeighbourShare: 0.8,
  suggestFloor: 0.15,
  suggestRatio: 0.6,
  suggestions: 3,
  sentenceLead: 0.1,
  neighbourShare: 0.5,
  neighbourEvidence: 2.5,
  domainSaying: 0.6,
  meaningMargin: 3,
  meaningSmoothing: 0.5,
};
