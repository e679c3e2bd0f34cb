/**
 * Makes user text safe to show in a card. The templates put user text in a TextRun, which
 * renders no markdown; on top of that, links are defanged (no clickable URL a user typed),
 * mention and HTML tags are neutralised, and the length is bounded.
 */
const MAX_USER_TEXT = 1000;

export function safeUserText(text: string): string {
  const bounded = text.length > MAX_USER_TEXT ? `${text.slice(0, MAX_USER_TEXT)}…` : text;
  return (
    bounded
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      // "https://x" and "www.x" stop being links; the text still reads the same.
      .replace(/:\/\//g, ':\u200b//')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
      // Markdown characters, in case a host renders them anyway.
      .replace(/([*_[\]()`~#|])/g, '\\$1')
  );
}

/** Links and mention tags in user text made inert, the rest left as typed. */
export function defang(text: string): string {
  return text
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}

/**
 * A person's words inside a TextBlock or a fact (which render markdown): links, mentions and
 * tags defanged, `](` split so no client can read a link, markdown characters escaped, and a
 * line that would start a list or a heading made plain.
 */
export function inertMarkdown(text: string): string {
  return defang(text)
    .replace(/\]\s*\(/g, ']\u200b(')
    .replace(/([\\*_[\]()`~|])/g, '\\$1')
    .replace(/^(\s*)([-+#>]|\d+\.)/gm, (_, space: string, mark: string) =>
      mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    );
}
