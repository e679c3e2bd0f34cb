/** Ranked topics and a decision's input built by hand, for testing `decide` on its own. */
import type { DecisionInput } from '../../src/core/resolver/decide.js';
import type { Ranked } from '../../src/core/resolver/ranker.js';

export const ranked = (topic: string, score: number, named: number): Ranked => ({
  topic,
  score,
  raw: score,
  named,
});

/** A message about this product's sign-in that names no other product, unless `over` says otherwise. */
export const decisionInput = (topics: Ranked[], over: Partial<DecisionInput> = {}): DecisionInput => ({
  topics,
  others: [],
  otherEvidence: () => 0,
  ownProduct: () => true,
  namesProduct: () => true,
  saysMore: () => true,
  related: () => false,
  inDomain: () => true,
  elsewhere: () => false,
  inPassing: () => false,
  ...over,
});
