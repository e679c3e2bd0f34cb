/**
 * Another product said to work ("Outlook works fine", "Outlook都正常") is the person's
 * comparison, not their problem: it neither makes the message another product's nor counts as
 * evidence for a neighbour's card. The same product said to fail still does (the `working` cues
 * in each lexicon; a Han cue right after a negation says the opposite).
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgePack, Resolver } from '../../../src/core/index.js';

const resolver = new Resolver(loadKnowledgePack());

describe.each([
  [
    'en',
    'Outlook works fine, but my sign-in address keeps getting rejected with the sign-in address or password is wrong message',
    'Outlook keeps rejecting my sign-in address, says the sign-in address or password is wrong',
  ],
  [
    'ja',
    'Outlookは普通に使えてますが、サインインしようとするとパスワードが違うと言われます',
    'Outlookにサインインできません。パスワードが違うと言われます',
  ],
  ['zh-CN', 'Outlook都正常，就是登录时一直提示密码不对', 'Outlook登录时一直提示密码不对'],
  ['zh-TW', 'Outlook 都正常，只有登入時一直說密碼錯誤', 'Outlook 登入時一直說密碼錯誤'],
])('%s', (_lang, working, failing) => {
  it('a product said to work is a comparison: the fix', () => {
    expect(resolver.resolve(working).topic).toBe('mistyped-credentials');
  });

  it("the same product said to fail is that product's problem: no fix", () => {
    const r = resolver.resolve(failing);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('did-you-mean');
  });
});

it("'Outlook's fine' is a comparison too", () => {
  expect(
    resolver.resolve("Outlook's fine, but it keeps saying my sign-in address or password is wrong").topic,
  ).toBe('mistyped-credentials');
});

describe('a Han cue after a negation', () => {
  it.each(['Outlook不能用，登录时一直提示密码不对', 'Outlook 沒能用，登入時一直說密碼錯誤'])(
    'says the product fails: %s',
    (text) => {
      expect(resolver.resolve(text).topic).toBeNull();
    },
  );
});
