/**
 * English wording the resolver understands through content alone (locales/en: phrasings, synonyms,
 * stop words, lexicon lists, chat phrases), one sentence per family of message that used to get the
 * wrong reply: a casual retirement question ("still a thing", "did they kill it", "EOL"), chat
 * filler ("hi team", "every time", "even", "anywhere") that pointed at a topic or at Microsoft
 * Teams, a question about capital letters, an outage said as "try again later", a shortened error
 * ("server temp unavailable") beside mail records, a DNS host move that kept only the mail records,
 * a switch to a new custom domain, a spinner that drops back to the sign-in screen, getting ready
 * to call Microsoft, an installer from some website, an ADFS certificate renewed as a self-signed
 * one, accounts made in M365 that Lync won't "log them in", a misspelt licence that is "gone", a
 * Windows password reset (the look-alike card, not the Skype for Business password fix), and
 * thanks or a follow-up said casually ("ta, all sorted", "nah, didn't work"). Each fails with
 * main's locales/en and passes with this branch's. These sentences are written for the tests; none
 * comes from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { realResolver } from '../../helpers/pack.js';

const resolver = realResolver();

describe('English wording: the right reply for each family', () => {
  const cases: [family: string, text: string, kind: string, topic: string | null][] = [
    ['retirement, casually', 'is lync even a thing anymore?', 'retirement', null],
    ['retirement, "did they kill it"', 'did microsoft kill skype for business?', 'retirement', null],
    [
      '"every time" is no clock; capital letters',
      'every time she types her address lync refuses it, does it matter if it has capital letters',
      'fix',
      'mistyped-credentials',
    ],
    [
      'an ADFS certificate renewed as a self-signed one',
      'lync sign in broke after our ADFS cert was renewed with a self-signed one',
      'fix',
      'server-unavailable-adfs',
    ],
    [
      'an outage: "try again later"',
      'Skype for Business tells everyone to try again later, is the service down?',
      'fix',
      'server-unavailable',
    ],
    [
      'a shortened error beside mail records',
      'server temp unavailable... only the MX record is set up at our DNS host',
      'fix',
      'server-unavailable-dns',
    ],
    [
      'a DNS host move that kept only the mail records',
      'we moved DNS hosting to a new provider and only copied the mail records, now Lync says server unavailable',
      'fix',
      'server-unavailable-dns',
    ],
    [
      'a switch from onmicrosoft.com',
      'switched everyone from onmicrosoft.com to our own domain an hour ago and now sfb sign in fails',
      'fix',
      'dns-propagation',
    ],
    [
      'a domain just verified',
      'domain shows as verified in the portal but Skype for Business sign-in still fails, too early to worry?',
      'fix',
      'dns-propagation',
    ],
    [
      'a spinner back to the sign-in screen',
      'lync just spins and then goes back to the sign in screen, help pls',
      'fix',
      'triage',
    ],
    [
      'getting ready to call Microsoft',
      'going to raise a ticket with Microsoft for a Lync sign-in issue, what should I get ready',
      'fix',
      'collect-logs',
    ],
    [
      '"hi team" is not Microsoft Teams',
      "hi team, my lync licence was removed and I can't sign in",
      'fix',
      'not-licensed',
    ],
    [
      'an installer from some website, "anywhere" is filler',
      "got an old Lync setup file from some website since I couldn't find the proper one anywhere, now it won't sign in",
      'fix',
      'wrong-version',
    ],
    [
      'M365 is Office 365, "log them in" is signing in',
      "the contractors' accounts are in M365 but Lync won't log them in",
      'fix',
      'not-licensed',
    ],
    [
      'a misspelt licence that is gone',
      'my lisence for skype for business seems to be gone',
      'fix',
      'not-licensed',
    ],
    ['EOL is the retirement', 'is sfb online EOL?', 'retirement', null],
    ['a Windows password reset is the look-alike', 'how do I reset my windows password', 'near-miss', null],
  ];
  it.each(cases)('%s: %s', (_, text, kind, topic) => {
    const r = resolver.resolve(text);
    expect(r.answer.kind).toBe(kind);
    if (kind === 'retirement') expect(r.answer.id).toBe('skype-online-retirement');
    if (kind === 'near-miss') expect(r.answer.id).toBe('windows-password');
    expect(r.topic).toBe(topic);
  });
});

describe('English chat phrases: thanks and follow-ups said the British or casual way', () => {
  it('"ta, all sorted now" is thanks', () => {
    expect(resolver.resolve('ta, all sorted now').answer).toMatchObject({ kind: 'smalltalk', id: 'thanks' });
  });
  it('"nah, didn\'t work" continues the conversation\'s topic', () => {
    const r = resolver.resolve("nah, didn't work", { context: { topic: 'clock-skew' } });
    expect(r.answer.kind).toBe('follow-up');
    expect(r.topic).toBe('clock-skew');
  });
});

/**
 * Second round (chat-dev-5 and chat-dev-6): English content alone (locales/en) now reads a
 * licence plan that leaves Skype out, Outlook on the web or webmail (not the Outlook licence
 * look-alike), a licence assigned minutes ago (still the licence, not DNS), an install disc or
 * DVD, a dead CMOS battery, a web filter letting only approved programs out, an own Lync server
 * switched off or taken offline before Office 365, phoning Microsoft, "today" and "any thoughts?"
 * as chat filler (not a word of the SIP topic's steps), a password the client "won't take",
 * "rebooted and waited an hour" after the server-unavailable question, "are you there?" in a
 * conversation, signing in from home but not at work, an installer on a USB stick, and a firewall
 * that blocks YouTube (another product: no fix). Each fails with main's locales/en and passes with this branch's. These sentences
 * are written for the tests; none comes from an evaluation set.
 */
describe('English wording, second round: the right reply for each family', () => {
  const cases: [family: string, text: string, context: string | null, kind: string, topic: string | null][] =
    [
      [
        'a plan without Skype, said with OWA',
        "new hires can get into OWA but not into Skype for Business, they're on an Exchange-only licence",
        null,
        'fix',
        'not-licensed',
      ],
      [
        'webmail is not the Outlook licence look-alike',
        "our new receptionist gets into webmail fine but Lync tells her she isn't licensed for it",
        null,
        'fix',
        'not-licensed',
      ],
      [
        'a licence assigned minutes ago is still the licence',
        "gave her the licence five minutes ago and it still won't let her in, how long does it take?",
        'not-licensed',
        'follow-up',
        'not-licensed',
      ],
      [
        'an old install DVD',
        "we put Lync on the new PC from an old DVD we had lying around and now it won't sign in",
        null,
        'fix',
        'wrong-version',
      ],
      [
        'a dead CMOS battery',
        'the CMOS battery is dead on the lab PC and Lync refuses to sign in on it',
        null,
        'fix',
        'clock-skew',
      ],
      [
        'a web filter that lets only approved programs out',
        "we only allow approved apps through the web filter now and Lync can't sign in",
        null,
        'fix',
        'signin-address-not-found',
      ],
      [
        'an own server "switched off" is decommissioned, not retired',
        'our own Lync server was switched off years ago when we went to O365; older staff get an error about SIP',
        null,
        'fix',
        'user-not-sip-enabled',
      ],
      [
        'only the long-serving staff fail after the old server went',
        "we took our Lync 2010 server offline years back when we moved to Office 365, now only the long-serving staff can't sign in",
        null,
        'fix',
        'user-not-sip-enabled',
      ],
      [
        'phoning Microsoft',
        'before I phone Microsoft about our Lync sign-in problem, what will they want from me?',
        null,
        'fix',
        'collect-logs',
      ],
      [
        '"today" and "any thoughts?" are chat filler',
        "lync won't log me in today, any thoughts?",
        null,
        'fix',
        'triage',
      ],
      [
        'a password the client "won\'t take"',
        "Skype for Business won't take my password even though I typed it carefully",
        null,
        'fix',
        'mistyped-credentials',
      ],
      [
        'rebooting and waiting after "server unavailable" is no DNS change',
        'rebooted and waited an hour, still the same',
        'server-unavailable',
        'follow-up',
        'server-unavailable',
      ],
      ['"are you there?" in a conversation', 'are you there?', 'not-licensed', 'follow-up', 'not-licensed'],
      [
        'works at home, not at the office',
        "Lync signs in fine from home but won't sign in at work",
        null,
        'fix',
        'signin-address-not-found',
      ],
      [
        'an installer on a USB stick',
        "I put Skype for Business on from a USB stick and it won't sign in",
        null,
        'fix',
        'wrong-version',
      ],
      [
        'a firewall blocking a website is not this product',
        'the firewall at school blocks YouTube',
        null,
        'unknown',
        null,
      ],
    ];
  it.each(cases)('%s: %s', (_, text, context, kind, topic) => {
    const r = resolver.resolve(text, { context: { topic: context } });
    expect(r.answer.kind).toBe(kind);
    expect(r.topic).toBe(topic);
  });
});

describe('a user name typed as DOMAIN\\user, whatever the names, is the typing topic', () => {
  it.each([
    ['en', "I keep typing NORTHWIND\\pgarcia like on my PC and it won't let me in to Skype for Business"],
    ['ja', 'PCと同じく NORTHWIND\\tanaka と入力してサインインしていますが、入れません'],
    ['zh-CN', '登录名我填的是 northwind\\lihua，跟开机一样，一直登录不了'],
    ['zh-TW', '登入名稱我打的是 NORTHWIND\\chen，跟開機一樣，一直登不進去'],
  ])('%s: %s', (_, text) => {
    expect(resolver.resolve(text).topic).toBe('mistyped-credentials');
  });
});
