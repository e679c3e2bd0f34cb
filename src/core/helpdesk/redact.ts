/**
 * Passwords never reach a ticket. The bot never asks for one; when a user pastes one anyway
 * ("password: Summer2024!", "パスワードは…", "密码是…"), the value is replaced before anything is
 * stored, and the user is told why.
 *
 * Two lines of defence, in every language the bot speaks:
 * 1. A password word followed by what discloses one: a separator (`:`, `=`, `-`, "is", は, 是,
 *    為 …), possibly after a few words ("the password I use is …", "password for Skype: …"),
 *    then the value: a quoted string (spaces and all), the rest of the line after a symbol
 *    separator ("password: correct horse battery staple"), or one word. Without a separator,
 *    a word right after "password" that looks like a secret.
 * 2. Anywhere after a password word, any token that looks random (several character classes,
 *    or long and varied), so "I changed my password yesterday, now it's Tr0ub4dor&3" loses it
 *    too. Error codes, KB numbers, versions and e-mail addresses are kept.
 *
 * Matching reads the text folded with NFKC, so full-width ｐａｓｓｗｏｒｄ and half-width ﾊﾟｽﾜｰﾄﾞ
 * count; when something is redacted, the folded text is what is kept.
 */
export const REDACTED = '[redacted]';

/** Words that name a password (Latin ones as whole words; "password123" still counts). */
const WORD = String.raw`(?:\b(?:pass\s?words?|passwd|passcode|passphrase|pwd|pw)(?![a-z])|パス\s?ワード|暗証番号|密\s?[码碼]|口令)`;
/** Short forms that name one only with a separator ("my pass is …", "パスは…"). */
const SHORT = String.raw`(?:\bpass\b|パス)`;
/** Words that may stand between the password word and its separator ("the password I use is"). */
const FILLER = String.raw`(?:\s+(?:i|we|that|which|you|for|on|of|in|at|my|our|the|this|new|old|current|now|use|used|typed|entered|set|tried|chose|picked|have|had|am|account|skype|lync|office|windows|laptop|pc|computer|phone)){0,4}`;
/** Separators that disclose a value whatever follows (the rest of the line is the value). */
const SYMBOL = String.raw`\s*(?:[:=]|\s[-–—]+)\s*`;
/** Words that disclose a value (one word, or a quoted string, is the value). */
const SAYS = String.raw`(?:\s+(?:is|was|would be|will be|should be)(?:\s*:)?\s+|\s*(?:は|是|為|为)\s*)`;
const QUOTED = String.raw`["'“”‘’「『《][^"'“”‘’」』》\n]+["'“”‘’」』》]`;
const TOKEN = String.raw`[^\s,，、。]+?(?=です|でした|$|[\s,，、。])`;

const DISCLOSED = new RegExp(`(${WORD}${FILLER}|${SHORT})(${SYMBOL}|${SAYS})(${QUOTED}|[^\\n]+)`, 'giu');
const ADJACENT = new RegExp(`(${WORD})(\\s+)(${QUOTED}|${TOKEN})`, 'giu');
const KEYWORD = new RegExp(WORD, 'iu');
const IS_QUOTED = new RegExp(`^${QUOTED}`, 'u');
const FIRST_TOKEN = new RegExp(`^${TOKEN}`, 'u');

/** Words that follow "password" in sentences about passwords, not in disclosures of one. */
const PROSE =
  /^(for|to|of|and|or|but|on|in|at|the|a|an|my|it|this|that|what|there|same|still|now|also|just|never|always|being|reset|resets|expired|expires|change|changed|again|please|help|wrong|incorrect|right|correct|valid|invalid|not|isn't|doesn't|does|was|is|too|very|required|needed|saved|stored|synced|locked|blocked|working|accepted|rejected|ok|okay|fine|different|new|old|field|box|prompt|manager|policy|rules|を|の|が|は|忘れ.*|変更.*|リセット.*|期限.*|間違.*|正し.*|错误.*|錯誤.*|不对.*|不對.*|过期.*|過期.*|忘记.*|忘記.*|重置.*|修改.*)$/i;

/** A token that reads like a secret: has a digit or a symbol, or mixes cases. */
const looksSecret = (v: string) =>
  v.length >= 4 && (/\d/.test(v) || /[^\p{L}\p{N}]/u.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)));

/** Tokens that look random but that the helpdesk needs: error codes, KB numbers, versions, addresses. */
const KNOWN_SHAPES =
  /^(?:0x[0-9a-f]+|[0-9]+|kb\d+|\d+(?:\.\d+)+|[^@\s]+@[^@\s]+\.[a-z]{2,}|https?:\/\/\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)+|\[redacted\])$/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** A token that looks generated or chosen to be hard to guess, as a password is. */
export function looksRandom(token: string): boolean {
  // Passwords are typed in printable ASCII; a run with Japanese or Chinese in it is a sentence.
  if (!/^[\x21-\x7e]{6,128}$/.test(token) || KNOWN_SHAPES.test(token)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(token)).length;
  if (classes >= 3) return true;
  return classes === 2 && token.length >= 10 && /\d/.test(token) && entropy(token) >= 3;
}

/** Printable ASCII runs (a password inside Japanese or Chinese text is one too), without the sentence's own punctuation. */
const ASCII_RUN = /[\x21-\x7e]+/g;
const trimRun = (run: string) => run.replace(/^[("'“‘]+|[.,;:)"'”’]+$/g, '');

function redactRandom(text: string): string {
  return text.replace(ASCII_RUN, (run) => {
    const core = trimRun(run);
    return looksRandom(core) ? run.replace(core, REDACTED) : run;
  });
}

function firstLine(text: string): string {
  let out = text.replace(DISCLOSED, (match, word: string, join: string, value: string) => {
    if (IS_QUOTED.test(value)) return `${word}${join}${REDACTED}`;
    const first = value.trim().split(/\s+/)[0] ?? '';
    if (/[:=\-–—]/.test(join)) {
      // After a symbol the rest of the line is the value, unless it is one word of prose ("password: expired").
      return PROSE.test(first) && value.trim() === first ? match : `${word}${join}${REDACTED}`;
    }
    // A word ("is", は, 是) discloses one word, up to です in Japanese: one with a Latin letter
    // or a digit (passwords are typed so), and a secret's shape after the short "pass".
    const token = value.match(FIRST_TOKEN)?.[0] ?? first;
    const short = new RegExp(`^${SHORT}$`, 'iu').test(word);
    if (PROSE.test(token) || !/[A-Za-z0-9]/.test(token) || (short && !looksSecret(token))) return match;
    return `${word}${join}${REDACTED}${value.slice(token.length)}`;
  });
  out = out.replace(ADJACENT, (match, word: string, join: string, value: string) => {
    if (value === REDACTED || PROSE.test(value)) return match;
    return IS_QUOTED.test(value) || looksSecret(value) ? `${word}${join}${REDACTED}` : match;
  });
  return out;
}

export interface RedactOptions {
  /**
   * The message answers a question (the helpdesk's): a one-word answer that looks random is
   * taken for a password sent on its own, and removed.
   */
  answer?: boolean;
  /**
   * The question was about a password (against the rules, but it happens): every token that
   * looks random is removed, and so is a one-word answer with a secret's shape.
   */
  passwordContext?: boolean;
}

export function redactPasswords(
  text: string,
  options: RedactOptions = {},
): { text: string; redacted: boolean } {
  const folded = text.normalize('NFKC');
  let out = firstLine(folded);
  const keyword = out.search(KEYWORD);
  if (options.passwordContext) out = redactRandom(out);
  else if (keyword >= 0) out = out.slice(0, keyword) + redactRandom(out.slice(keyword));
  const bare = out.trim();
  const alone = bare !== REDACTED && !/\s/.test(bare) && !PROSE.test(bare);
  if (alone && ((options.passwordContext && looksSecret(bare)) || (options.answer && looksRandom(bare))))
    out = out.replace(bare, REDACTED);
  return out === folded ? { text, redacted: false } : { text: out, redacted: true };
}

/** Whether a text is about passwords (in any of the bot's languages). */
export function mentionsPassword(text: string): boolean {
  return KEYWORD.test(text.normalize('NFKC'));
}
