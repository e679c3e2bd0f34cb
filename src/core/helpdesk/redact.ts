/**
 * Passwords never reach a ticket. The bot never asks for one; when a user pastes one anyway
 * ("password: Summer2024!", "パスワードは…", "密码是…"), the value is replaced before anything is
 * stored, and the user is told why.
 */
const WORD = String.raw`(?:password|passwd|passcode|pwd|pw|パスワード|暗証番号|密码|密碼|口令)`;
const EXPLICIT = String.raw`\s*(?:is|was|=|:|：|は|が|是|為|为)\s*`;
const PATTERN = new RegExp(`(${WORD})(${EXPLICIT}|\\s+)([^\\s,，、。]+)`, 'giu');

export const REDACTED = '[redacted]';

/** Words that follow "password" in sentences about passwords, not in disclosures of one. */
const PROSE =
  /^(for|to|of|and|or|but|on|in|at|reset|resets|expired|expires|change|changed|again|please|help|wrong|incorrect|right|correct|not|isn't|doesn't|does|was|is|field|box|prompt|manager|policy|rules|を|の|が|は|忘れ.*|错误.*|錯誤.*|不对.*|不對.*|过期.*|過期.*)$/i;

/** A token that reads like a secret: has a digit or a symbol, or mixes cases. */
const looksSecret = (v: string) =>
  v.length >= 4 && (/\d/.test(v) || /[^\p{L}\p{N}]/u.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)));

export function redactPasswords(text: string): { text: string; redacted: boolean } {
  let redacted = false;
  const out = text.replace(PATTERN, (match, word: string, join: string, value: string) => {
    const explicit = join.trim().length > 0;
    if (PROSE.test(value) || (!explicit && !looksSecret(value))) return match;
    redacted = true;
    return `${word}${join}${REDACTED}`;
  });
  return { text: out, redacted };
}
