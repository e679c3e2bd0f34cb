/**
 * Posting lists are document ids in ascending order (documents are numbered as they are
 * indexed). Checking many candidate documents against one long list is then a walk along the
 * list that leaps ahead in doubling steps (galloping search): with a thousand candidates and a
 * list of twenty thousand ids it reads a few thousand neighbouring numbers, where looking each
 * candidate up in its document's own term set costs a scattered hash lookup apiece.
 */

/** The first position at or after `from` whose id is not below `target` (`list.length` if none). */
export function seek(list: readonly number[], target: number, from = 0): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < list.length && list[hi]! < target) {
    lo = hi + 1;
    hi = lo + step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `found` for every candidate (ascending ids) that is in `list`.
 */
export function intersect(
  candidates: Iterable<number>,
  list: readonly number[],
  found: (doc: number) => void,
) {
  let at = 0;
  for (const doc of candidates) {
    at = seek(list, doc, at);
    if (at >= list.length) return;
    if (list[at] === doc) found(doc);
  }
}
