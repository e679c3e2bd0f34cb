/**
 * The kinds of setting the bot reads, each a zod schema from the environment's raw text (or
 * nothing) to a typed value, with the sentence that says what is expected. That sentence is
 * the error message's second half ("OUTBOX_INTERVAL_MS must be <expected>; got "abc"") and the
 * README's "expected" column, so the two never disagree.
 */
import { z } from 'zod';
import { parseWeekly } from '../core/digest/schedule.js';

export interface Kind<T> {
  schema: z.ZodType<T, string | undefined>;
  /** What a valid value looks like, completing "NAME must be …". */
  expected: string;
}

/** Unset and blank are the same: the default applies. */
const isBlank = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

function kind<T>(expected: string, parse: (text: string) => T | undefined, fallback: T): Kind<T> {
  const schema = z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (isBlank(raw)) return fallback;
      const value = parse(raw.trim());
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: expected });
        return z.NEVER;
      }
      return value;
    });
  return { schema, expected };
}

/** Free text; blank is `fallback`. */
export function text(expected = 'text', fallback = ''): Kind<string> {
  return kind(expected, (t) => t, fallback);
}

/** Text that must match a pattern (a token's prefix, a GUID, a host name); blank is "". */
export function matching(pattern: RegExp, expected: string): Kind<string> {
  return kind(expected, (t) => (pattern.test(t) ? t : undefined), '');
}

/** A whole number in [min, max]: "abc", "1.5", "-3" and "1e3" are refused, not coerced. */
export function whole(unit: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): Kind<number> {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  return kind(
    `a whole number of ${unit}, ${range}`,
    (t) => {
      const n = Number(t);
      return /^\d+$/.test(t) && n >= min && n <= max ? n : undefined;
    },
    fallback,
  );
}

/** A TCP port (0: any free one). */
export function port(fallback: number): Kind<number> {
  return kind(
    'a port number',
    (t) => (/^\d+$/.test(t) && Number(t) <= 65535 ? Number(t) : undefined),
    fallback,
  );
}

/** `true` or `false` (only those: "yes" or "1" is more likely a typo than a decision). */
export function flag(): Kind<boolean> {
  return kind('true or false', (t) => (t === 'true' ? true : t === 'false' ? false : undefined), false);
}

/** One of a fixed list, spelled exactly. */
export function oneOf<const T extends string>(values: readonly T[], fallback: T): Kind<T> {
  return kind(
    `one of ${values.join(', ')}`,
    (t) => ((values as readonly string[]).includes(t) ? (t as T) : undefined),
    fallback,
  );
}

/** Ids separated by commas or spaces; blank is none. */
export function list(what: string): Kind<string[]> {
  return kind(`${what}, separated by commas or spaces`, (t) => t.split(/[\s,]+/).filter(Boolean), []);
}

/** A URL with one of the given schemes (and, optionally, a trailing slash). */
export function url(
  schemes: readonly string[],
  options: { trailingSlash?: boolean; fallback?: string } = {},
): Kind<string> {
  const prefixes = schemes.map((s) => `${s}://`).join(' or ');
  const expected = `a ${prefixes} URL${options.trailingSlash ? ' ending with "/"' : ''}`;
  return kind(
    expected,
    (t) => {
      let parsed: URL;
      try {
        parsed = new URL(t);
      } catch {
        return undefined; // not a URL at all: the caller reports `expected`, naming the setting
      }
      if (!schemes.includes(parsed.protocol.slice(0, -1)) || /\s/.test(t)) return undefined;
      return options.trailingSlash && !t.endsWith('/') ? undefined : t;
    },
    options.fallback ?? '',
  );
}

/** A weekly moment: a day and a time, and an IANA time zone if not UTC; blank is "" (off). */
export function weekly(): Kind<string> {
  return kind(
    'a day and a time, with an optional time zone, such as "mon 09:00" or "fri 16:30 Europe/Paris"',
    (t) => {
      try {
        parseWeekly(t);
        return t;
      } catch {
        return undefined; // reported as what is expected, naming the setting
      }
    },
    '',
  );
}
