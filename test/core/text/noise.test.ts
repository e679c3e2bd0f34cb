import { describe, expect, it } from 'vitest';
import { stripNoise } from '../../../src/core/text/noise.js';

describe('stripNoise', () => {
  it('drops Teams mentions and HTML, decoding entities', () => {
    expect(
      stripNoise('<at>Sign-in Bot</at>&nbsp;<p>Server is <b>temporarily</b> unavailable &amp; more</p>'),
    ).toBe('Server is temporarily unavailable & more');
  });

  it('drops Slack user, channel and broadcast tokens, keeps link labels', () => {
    expect(
      stripNoise('<@U02ABCDEF> <!here> <!channel> see <#C123|helpdesk> <https://x.example/a|the KB>'),
    ).toBe('see the KB');
  });

  it('drops URLs, emoji (with modifiers and joiners) and Slack shortcodes', () => {
    expect(stripNoise('sign in fails 😩👍🏽 👨‍💻 :sob: https://contoso.example/x?y=1 www.contoso.example')).toBe(
      'sign in fails',
    );
  });

  it('drops quoted replies but keeps a quote that is the whole message', () => {
    expect(stripNoise('> earlier: printer jammed\nUser is not SIP enabled')).toBe('User is not SIP enabled');
    expect(stripNoise('<blockquote>old message</blockquote>my clock is wrong')).toBe('my clock is wrong');
    expect(stripNoise('> Sign-in address not found')).toBe('Sign-in address not found');
  });

  it('keeps pasted text inside code marks', () => {
    expect(stripNoise('error: ```Sign-in address not found```')).toBe('error: Sign-in address not found');
  });

  it('neutralises HTML-escaped Slack tokens too', () => {
    expect(stripNoise('&lt;!channel&gt; help')).toBe('help');
  });
});

describe('stripNoise on hostile entities', () => {
  it('reads a numeric reference that names no character as U+FFFD instead of throwing', () => {
    expect(stripNoise('sign in &#9999999; fails')).toBe('sign in \ufffd fails');
    expect(stripNoise('&#x110000;&#xD800;&#0;&#99999999999999999999;')).toBe('\ufffd\ufffd\ufffd\ufffd');
    expect(stripNoise('&#x1F600; &#65;')).toBe('A');
  });
});
