import { describe, expect, it } from 'vitest';
import { REDACTED, redactPasswords } from '../../../src/core/helpdesk/redact.js';

describe('redactPasswords', () => {
  it.each([
    'password: Summer2024!',
    'my pw is hunter2',
    'the password Winter#9 does not work',
    'パスワードはAbc12345です',
    '密码是 qwerty123',
    '密碼：P@ssw0rd',
  ])('removes the password from "%s"', (text) => {
    const out = redactPasswords(text);
    expect(out.redacted).toBe(true);
    expect(out.text).toContain(REDACTED);
    expect(out.text).not.toMatch(/Summer2024|hunter2|Winter#9|Abc12345|qwerty123|P@ssw0rd/);
  });

  it.each([
    'I forgot my password for Skype',
    'password is wrong',
    'reset my password please',
    'password expired yesterday',
    'パスワードを忘れました',
  ])('leaves "%s" alone', (text) => expect(redactPasswords(text)).toEqual({ text, redacted: false }));
});
