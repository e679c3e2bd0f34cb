/**
 * HTML character references, as Teams (HTML) and Slack (which escapes `&`, `<` and `>`)
 * deliver them: decoded by the adapters' inbound normalisation, never by the core.
 */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};

/**
 * A numeric reference as a character. As in HTML, one that names no character (above U+10FFFF,
 * a surrogate, or NUL) reads as U+FFFD: hostile text such as `&#9999999;` never throws.
 */
function codePoint(n: number): string {
  const valid = Number.isSafeInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/&#(\d+);/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => codePoint(parseInt(n, 16)));
}
