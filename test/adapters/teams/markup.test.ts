/** Teams HTML as the core reads it: what the Teams adapter makes of a message's text. */
import { describe, expect, it } from 'vitest';
import { teamsInbound, withoutMentions } from '../../../src/adapters/teams/markup.js';
import { stripNoise } from '../../../src/core/text/noise.js';

const read = (html: string) => stripNoise(teamsInbound(html));

describe('Teams inbound text', () => {
  it('drops mentions and HTML, decoding entities', () => {
    expect(read('<at>Sign-in Bot</at>&nbsp;<p>Server is <b>temporarily</b> unavailable &amp; more</p>')).toBe(
      'Server is temporarily unavailable & more',
    );
  });

  it('turns a quoted reply into quote lines, dropped when the user wrote something of their own', () => {
    expect(read('<blockquote>old message</blockquote>my clock is wrong')).toBe('my clock is wrong');
    expect(read('<blockquote><p>Sign-in address not found</p></blockquote>')).toBe(
      'Sign-in address not found',
    );
    expect(read('<p>&gt; earlier: printer jammed</p><p>User is not SIP enabled</p>')).toBe(
      'User is not SIP enabled',
    );
  });

  it('reads a numeric reference that names no character as U+FFFD instead of throwing', () => {
    expect(read('sign in &#9999999; fails')).toBe('sign in \ufffd fails');
    expect(read('&#x110000;&#xD800;&#0;&#99999999999999999999;')).toBe('\ufffd\ufffd\ufffd\ufffd');
    expect(read('&#x1F600; &#65;')).toBe('A');
  });

  it('keeps a pin note as typed, only the mention gone', () => {
    expect(withoutMentions('<at>Bot</at> pin clock-skew fix <b>now</b>')).toBe(
      'pin clock-skew fix <b>now</b>',
    );
  });
});
