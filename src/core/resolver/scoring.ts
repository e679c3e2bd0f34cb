/**
 * How one document (a phrasing, an error message, a title, or a topic's whole text) scores
 * against a message. All weights are term weights (IDF), so rare words like `msoidsvc` count
 * for more than common ones like "sign in".
 *
 * - recall:    how much of the document the message contains. An error message pasted
 *              verbatim, even inside other text, has recall near 1.
 * - precision: how much of the message the document explains. Words the bot has never seen
 *              count against it, which is how "where is the Wi-Fi password" stays out of scope.
 */
export type Field = 'error' | 'alias' | 'title' | 'description' | 'bag';

/** How much each kind of evidence can count for at most. */
export const FIELD_WEIGHT: Record<Field, number> = {
  error: 1,
  alias: 1,
  title: 0.9,
  description: 0.75,
  bag: 0.7,
};

/** Below this recall a partial error message is only loose word overlap. */
const ERROR_RECALL_FLOOR = 0.6;

export function fieldScore(field: Field, recall: number, precision: number): number {
  if (recall <= 0 || precision <= 0) return 0;
  switch (field) {
    case 'error': {
      // Recall-heavy F2: the message may wrap the error in other words.
      const f2 = (5 * precision * recall) / (4 * precision + recall);
      return recall >= ERROR_RECALL_FLOOR ? f2 : f2 * 0.5;
    }
    case 'bag':
      // A topic's whole text is long: only how much of the message it covers means anything.
      return precision * precision;
    default:
      return (2 * precision * recall) / (precision + recall);
  }
}

/** Combines a topic's field scores: the strongest evidence, plus a share of the next strongest. */
export function combine(scores: readonly number[]): number {
  // The three largest, in one pass (this runs for every topic a message touches).
  let a = 0;
  let b = 0;
  let c = 0;
  for (const s of scores) {
    if (s > a) [a, b, c] = [s, a, b];
    else if (s > b) [b, c] = [s, b];
    else if (s > c) c = s;
  }
  return a + 0.3 * b + 0.1 * c;
}
