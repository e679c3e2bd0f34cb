/**
 * Finds the fact-like tokens in a sentence: URLs, Windows and registry paths, email addresses,
 * dotted names (hosts, files), identifiers such as `msRTCSIP-UserEnabled`, and numbers.
 *
 * Translations may word a step any way they like, but these tokens must be the same in every
 * language: comparing them key by key catches a stale value copied from an older revision
 * (a different DNS target, a changed KB number, a dropped "72").
 */
const PATTERNS: RegExp[] = [
  /https?:\/\/[^\s)）\]」』"'<>]+/g,
  /HKEY_[A-Z_]+(?:\\[A-Za-z0-9_.-]+)+/g,
  /[A-Za-z]:\\(?:[^\\\n,;，。、」）)]+\\)*[^\\\s,;，。、」）)]+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g,
  /\b[A-Za-z]*[a-z][A-Z][A-Za-z]*(?:-[A-Za-z]+)*/g,
  /\d+/g,
];

export function factTokens(text: string): Set<string> {
  let rest = text.normalize('NFKC');
  const found = new Set<string>();
  for (const pattern of PATTERNS) {
    rest = rest.replace(pattern, (m) => {
      found.add(m.replace(/[.,;:]+$/, ''));
      return ' ';
    });
  }
  return found;
}
