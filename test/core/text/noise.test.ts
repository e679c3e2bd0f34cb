/**
 * Chat noise the core removes from plain text, whatever the platform: links, emoji, code marks
 * and quoted replies (`>` lines). Platform markup is the adapters' (test/adapters/<name>/markup.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { stripNoise } from '../../../src/core/text/noise.js';

describe('stripNoise', () => {
  it('drops URLs, emoji (with modifiers and joiners) and shortcodes', () => {
    expect(stripNoise('sign in fails 😩👍🏽 👨‍💻 :sob: https://contoso.example/x?y=1 www.contoso.example')).toBe(
      'sign in fails',
    );
  });

  it('drops quoted replies but keeps a quote that is the whole message', () => {
    expect(stripNoise('> earlier: printer jammed\nUser is not SIP enabled')).toBe('User is not SIP enabled');
    expect(stripNoise('> Sign-in address not found')).toBe('Sign-in address not found');
  });

  it('keeps pasted text inside code marks', () => {
    expect(stripNoise('error: ```Sign-in address not found```')).toBe('error: Sign-in address not found');
  });

  it('reads no markup: text that looks like a tag or an entity is the user’s own', () => {
    expect(stripNoise('error <0x80070005> &amp; more')).toBe('error <0x80070005> &amp; more');
  });
});
