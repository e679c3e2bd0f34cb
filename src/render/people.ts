/**
 * The parts of a card's text that quote a person (the card's `people`: names, the helpdesk's
 * question or note, form answers), so that each renderer can show them inert in its own markup
 * while the bot's own words keep theirs.
 */

/** Where `people` occur in `text`, as sorted, merged [start, end) ranges. */
function ranges(text: string, people: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const p of people) {
    if (!p) continue;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) found.push([i, i + p.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Whether any of `people` occurs in `text`. */
export function quotesPerson(text: string, people: readonly string[] = []): boolean {
  return people.some((p) => p && text.includes(p));
}

/** `text` with each part that quotes a person passed through `inert`, the rest through `own`. */
export function mapPeople(
  text: string,
  people: readonly string[] = [],
  inert: (part: string) => string,
  own: (part: string) => string = (part) => part,
): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges(text, people)) {
    out += own(text.slice(at, start)) + inert(text.slice(start, end));
    at = end;
  }
  return out + own(text.slice(at));
}
