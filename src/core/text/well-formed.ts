/**
 * Text as it may be stored and shown: every string a platform hands the core passes through
 * here first (Bot.handle, helpdesk actions, pin commands), so nothing downstream meets text
 * that a database, a JSON encoder or a terminal would choke on.
 *
 * - lone surrogates become U+FFFD (the text is valid UTF-16, so it encodes as UTF-8);
 * - NUL and the other C0/C1 control characters go, except tab, line feed and carriage return
 *   (PostgreSQL refuses NUL in text; the others move a terminal's cursor or colours);
 * - bidirectional embedding, override and isolate controls go, so a name or a note cannot
 *   display in an order other than the one it was typed in;
 * - the Unicode noncharacters U+FFFE and U+FFFF go.
 *
 * Zero-width joiners and variation selectors stay: emoji and some scripts need them.
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNWANTED, '');
}

/** The same for every string in a record of form fields or inputs; other values are dropped. */
export function wellFormedFields(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields))
    if (typeof value === 'string') out[wellFormed(key)] = wellFormed(value);
  return out;
}
