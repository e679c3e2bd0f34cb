/**
 * Pinned quick fixes in the Microsoft 365 Agents Playground, as an admin does it in the General
 * channel of "My Team": pin a topic (by id, and by a description of several words) with a note
 * and a duration, list the pins, unpin one, and see the other expire by itself; questions in
 * the channel about the pinned topic's family get the pin first. Then a user who is not an
 * admin is refused, and a question that happens to start with "PIN" is still a question.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/dev/local.js';
import {
  en,
  cards,
  launchChromium,
  MEGAN_AAD,
  openChat,
  openPlayground,
  type Playground,
  post,
  shot,
  textOf,
  title,
} from './playground.js';

/** A message's fixed words before its first variable, to recognise it whatever the variables. */
const lead = (key: string) => en(key).split('{{')[0]!.trim();
const DNS_NOTE = 'We are moving the DNS records today';
const QUESTION = 'Lync says the server is temporarily unavailable';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('an admin pins quick fixes in a channel', () => {
  let playground: Playground;
  let page: Page;
  let dnsPin: Locator;
  let certPin: Locator;

  beforeAll(async () => {
    // npm start's defaults make Alex, the Playground's user, an admin; pins are swept every second.
    playground = await openPlayground(browser, { PIN_SWEEP_MS: '1000' });
    page = playground.page;
    await cards(page).first().waitFor({ timeout: 20_000 });
    await openChat(page, 'My Team - General');
  });
  afterAll(async () => {
    if (process.env.DEBUG_TEST) console.log(playground?.logs.join('\n'));
    await playground?.close();
  });

  it('pins a topic with a note for a minute: the post shows the fix, the note, who and until when', async () => {
    const { posted, replies } = await post(page, `pin server-unavailable-dns ${DNS_NOTE} --for 1m`);
    dnsPin = posted;
    const text = replies.join('\n');
    expect(text).toContain(en('pins.title'));
    expect(text).toContain(title('server-unavailable-dns'));
    expect(text).toContain(DNS_NOTE);
    expect(text).toContain(`Pinned by ${PLAYGROUND.userName}`);
    expect(text).toContain(`Pinned "${title('server-unavailable-dns')}" until`);
    await shot(page, 'teams-pin.png');
  });

  it('pins a topic named by a description of several words', async () => {
    const { posted, replies } = await post(page, 'pin the certificate trust prompt --for 1h');
    certPin = posted;
    expect(replies.join('\n')).toContain(`Pinned "${title('cert-trust-dialog')}" until`);
  });

  it('lists the pins of the channel', async () => {
    const { replies } = await post(page, 'pins');
    const text = replies.join('\n');
    expect(text).toContain(en('pins.list'));
    expect(text).toContain(title('server-unavailable-dns'));
    expect(text).toContain(title('cert-trust-dialog'));
  });

  it('answers a question about the pinned topic with the pinned fix first', async () => {
    const { replies } = await post(page, QUESTION);
    expect(replies[0], 'the first answer is the pinned fix').toContain(title('server-unavailable-dns'));
    expect(replies.join('\n')).toContain(DNS_NOTE);
    await shot(page, 'teams-pin-first.png');
  });

  it('unpins a topic: the admin is told, and the pinned post says it was unpinned', async () => {
    const { replies } = await post(page, 'unpin cert-trust-dialog');
    expect(replies.join('\n')).toContain(en('pins.unpinned', { title: title('cert-trust-dialog') }));
    await expect
      .poll(async () => textOf(certPin), { timeout: 15_000 })
      .toContain(`unpinned by ${PLAYGROUND.userName}`);
  });

  it('expires by itself: the post says so, and questions no longer get it', async () => {
    await expect
      .poll(async () => textOf(dnsPin), { timeout: 90_000, interval: 2_000 })
      .toContain(lead('pins.expired'));
    await shot(page, 'teams-pin-expired.png');
    const { replies } = await post(page, `${QUESTION} again`);
    expect(replies[0]).not.toContain(en('pins.title'));
    expect(replies.join('\n')).not.toContain(DNS_NOTE);
    const audit = (await playground.stack.app.bot.pins.auditLog()).map((a) => a.action);
    expect(audit).toEqual(['pin', 'pin', 'unpin', 'expire']);
  }, 120_000);
});

describe('a user who is not an admin', () => {
  let playground: Playground;
  let page: Page;

  beforeAll(async () => {
    // Only Megan is an admin here: Alex, who the page speaks as, is an ordinary user.
    playground = await openPlayground(browser, { BOT_ADMINS: MEGAN_AAD });
    page = playground.page;
    await cards(page).first().waitFor({ timeout: 20_000 });
    await openChat(page, 'My Team - General');
  });
  afterAll(async () => {
    await playground?.close();
  });

  it('is refused politely when pinning, and the attempt is recorded', async () => {
    const { replies } = await post(page, 'pin clock-skew --for 1h');
    expect(replies.join('\n')).toContain(en('pins.refused'));
    expect(replies.join('\n')).not.toContain(en('pins.title'));
    await shot(page, 'teams-pin-refused.png');
    const audit = await playground.stack.app.bot.pins.auditLog();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'refused', actor: PLAYGROUND.userName, channel: 'team-id' }),
    ]);
  });

  it('gets an answer to a question that starts with "PIN", not a refusal', async () => {
    const { replies } = await post(page, 'PIN not accepted when I sign in to Lync on my desk phone');
    expect(replies.join('\n')).not.toContain(en('pins.refused'));
    expect(await playground.stack.app.bot.pins.auditLog()).toHaveLength(1);
  });
});
