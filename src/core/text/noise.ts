/**
 * Removes chat noise before anything reads the words: platform mentions, broadcast tokens,
 * links, emoji, HTML and quoted replies.
 *
 * Teams delivers HTML (`<at>Bot</at>`, `<p>`, `<blockquote>` for quoted replies, entities);
 * Slack delivers mrkdwn with `<@U123>`, `<!here>`, `<#C1|name>`, `<url|label>` and `>` quotes.
 * A quoted reply is dropped only when the user also wrote something of their own: a user who
 * pastes the error message as a quote still gets it read.
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

function decodeEntities(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/&#(\d+);/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => codePoint(parseInt(n, 16)));
}

function withoutQuotes(text: string): { own: string; quoted: string } {
  const quoted: string[] = [];
  let own = text.replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi, (_, inner: string) => {
    quoted.push(inner);
    return ' ';
  });
  own = own
    .split(/\r?\n/)
    .filter((line) => {
      if (/^\s*(?:>|&gt;)/.test(line)) {
        quoted.push(line.replace(/^\s*(?:>|&gt;)+\s?/, ''));
        return false;
      }
      return true;
    })
    .join('\n');
  return { own, quoted: quoted.join('\n') };
}

function stripMarkup(text: string): string {
  return (
    text
      // Teams mentions: the mentioned name is not part of the question.
      .replace(/<at[^>]*>[\s\S]*?<\/at>/gi, ' ')
      // Slack user, channel, user-group and broadcast tokens.
      .replace(/<[@#!][^>]*>/g, ' ')
      // Slack links with a label keep the label, bare Slack links go.
      .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/gi, '$1')
      .replace(/<(?:https?|mailto):[^>]*>/gi, ' ')
      // Remaining HTML tags (Teams sends <p>, <div>, <br>, <span> ...).
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
  );
}

function stripDecorations(text: string): string {
  return (
    text
      .replace(/\bhttps?:\/\/\S+/gi, ' ')
      .replace(/\bwww\.\S+/gi, ' ')
      // Slack emoji shortcodes (:smile:, :+1:) and Unicode emoji with their joiners and modifiers.
      .replace(/:[a-z0-9_+-]+:/gi, ' ')
      .replace(
        /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f|\u20e3/gu,
        ' ',
      )
      // Code fences and inline code marks: keep the pasted text, drop the marks.
      .replace(/`{1,3}/g, ' ')
      .replace(/[ \t\f\v\u00a0\u3000]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
  );
}

/** Returns the user's own words, without platform markup, links, emoji or quoted replies. */
export function stripNoise(raw: string): string {
  const { own, quoted } = withoutQuotes(raw);
  // Markup is stripped again after decoding, for tokens that arrived HTML-escaped.
  const clean = (s: string) => stripDecorations(stripMarkup(decodeEntities(stripMarkup(s))));
  const mine = clean(own);
  return mine.length > 0 ? mine : clean(quoted);
}
