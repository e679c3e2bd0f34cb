/**
 * Removes chat noise before anything reads the words: links, emoji, code marks and quoted
 * replies. The text arrives as plain text: each platform's adapter has already turned its
 * markup (mentions, HTML, mrkdwn tokens, character references) into it, with quoted lines
 * starting with `>` (see `ChatPlatform.inbound`). A quoted reply is dropped only when the user
 * also wrote something of their own: a user who pastes the error message as a quote still gets
 * it read.
 */
function withoutQuotes(text: string): { own: string; quoted: string } {
  const quoted: string[] = [];
  const own = text
    .split(/\r?\n/)
    .filter((line) => {
      if (/^\s*>/.test(line)) {
        quoted.push(line.replace(/^\s*>+\s?/, ''));
        return false;
      }
      return true;
    })
    .join('\n');
  return { own, quoted: quoted.join('\n') };
}

function stripDecorations(text: string): string {
  return (
    text
      .replace(/\bhttps?:\/\/\S+/gi, ' ')
      .replace(/\bwww\.\S+/gi, ' ')
      // Emoji shortcodes (:smile:, :+1:) and Unicode emoji with their joiners and modifiers.
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

/** Returns the user's own words, without links, emoji or quoted replies. */
export function stripNoise(text: string): string {
  const { own, quoted } = withoutQuotes(text);
  const mine = stripDecorations(own);
  return mine.length > 0 ? mine : stripDecorations(quoted);
}
