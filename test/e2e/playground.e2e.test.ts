/**
 * The person asking, in the Microsoft 365 Agents Playground (the local Teams client), driven in
 * headless Chromium the way a person uses it: type a question, read the card, press a button,
 * read the next card. In personal chat, a group chat (with an @mention) and a channel thread;
 * in English, Japanese, Simplified and Traditional Chinese. Screenshots go to docs/ for the README.
 *
 * The helpdesk's journeys are in helpdesk.e2e.test.ts, the admin's in pins.e2e.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  en,
  pack,
  buttons,
  cards,
  cutOffButtons,
  lastCard,
  lastText,
  launchChromium,
  openChat,
  openPlayground,
  type Playground,
  post,
  press,
  say,
  shot,
  textOf,
} from './playground.js';

let browser: Browser;
let playground: Playground;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  playground = await openPlayground(browser);
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
  await browser?.close();
});

describe('the person asking, in personal chat', () => {
  it('welcomes the user, answers in English, and walks through a two-stage fix with its buttons', async () => {
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await cards(page).first().innerText()).toContain(en('welcome.title'));

    await say(page, 'My Skype shows "Problem acquiring a personal certificate that is required to sign in"');
    const first = await lastText(page);
    expect(first).toContain(pack.text('personal-certificate', 'en').title);
    expect(first).toContain('Delete my sign-in info');
    expect(first).toContain(en('fixed.question'));
    await shot(page, 'teams-en-first-stage.png');

    await press(page, await lastCard(page), en('fixed.no'));
    const second = await lastText(page);
    expect(second).toContain(en('next.stage'));
    expect(second).toContain('certmgr.msc');
    expect(second).toContain(pack.text('personal-certificate', 'en').stages['update-credentials']!.title);
    // The answered card was updated in place: only the new card still asks.
    await expect.poll(() => page.locator(`.ac-actionSet button[title="${en('fixed.no')}"]`).count()).toBe(1);
    await shot(page, 'teams-en-second-stage.png');
  });

  it('answers in Traditional Chinese and moves to the admin fix when the first one does not help', async () => {
    await say(page, '第一次登入商務用 Skype 時，一直跳出「無法針對您的登入地址確認伺服器是否可信任」');
    const first = await lastText(page);
    expect(first).toContain(pack.text('cert-trust-dialog', 'zh-TW').title);
    expect(first).toContain('domainName.contoso.com');
    await shot(page, 'teams-zh-tw-first-stage.png');

    await press(page, await lastCard(page), pack.message('fixed.no', 'zh-TW'));
    const second = await lastText(page);
    expect(second).toContain('TrustModelData');
    expect(second).toContain(pack.text('cert-trust-dialog', 'zh-TW').stages['admin-gpo']!.title);
    await shot(page, 'teams-zh-tw-second-stage.png');
  });

  it('asks the clarifying question when one error has several causes, and follows the answer', async () => {
    await say(page, 'in English please');
    await say(page, 'Lync says the server is temporarily unavailable');
    const question = await lastCard(page);
    const text = await textOf(question);
    const topic = pack.text('server-unavailable', 'en');
    expect(text).toContain(topic.question!);
    const options = (topic as unknown as { options: Record<string, string> }).options;
    expect(await buttons(question)).toEqual(expect.arrayContaining(Object.values(options)));
    await shot(page, 'teams-en-clarify.png');

    await press(page, question, options['custom-domain']!);
    expect(await lastText(page)).toContain(pack.text('server-unavailable-dns', 'en').title);
    // The question was answered: its buttons are gone, the answer it got is on it.
    expect(await buttons(question)).not.toContain(options['custom-domain']!);
    expect(await question.innerText()).toContain(options['custom-domain']!);
  });

  it('triages "I can\'t sign in": asks once what the user sees, says what is missing, then shows the fix', async () => {
    const triageTopic = pack.text('triage', 'en');
    await say(page, "I can't sign in");
    const triage = await lastCard(page);
    const text = await triage.innerText();
    expect(text).toContain(triageTopic.title);
    // The question is printed once, not as a heading and again as the list's label.
    expect.soft(text.split(triageTopic.question!).length - 1, 'the triage question, printed').toBe(1);
    await shot(page, 'teams-en-triage.png');

    // Continue with nothing chosen: the user is told why nothing happened.
    const why = (await press(page, triage, en('triage.submit'))).join('\n').replace(/\s+/g, ' ');
    expect.soft(why, 'Continue with nothing chosen must say what is missing').not.toBe(await textOf(triage));

    // Pick what the client shows, then Continue: the fix for it.
    const current = await lastCard(page);
    const choice = pack.text('signin-address-not-found', 'en').errors[0]!;
    await current.getByRole('radio', { name: choice }).check();
    await press(page, current, en('triage.submit'));
    expect(await lastText(page)).toContain(pack.text('signin-address-not-found', 'en').title);
    // The answered card keeps what was chosen, read-only: no live inputs, no Continue.
    expect(await buttons(current)).not.toContain(en('triage.submit'));
    expect(await current.locator('input:not([disabled]), textarea:not([disabled])').count()).toBe(0);
  });

  it('says a pressed button of an earlier card was already answered, and shows where we are now', async () => {
    await say(page, 'My computer clock is wrong and Skype for Business will not sign in');
    const earlier = await lastCard(page);
    expect(await earlier.innerText()).toContain(pack.text('clock-skew', 'en').title);
    await say(page, 'Lync says the user is not SIP enabled');
    expect(await lastText(page)).toContain(pack.text('user-not-sip-enabled', 'en').title);

    const answer = (await press(page, earlier, en('fixed.no'))).join('\n');
    expect(answer).toContain(en('stale'));
    expect(answer).toContain(pack.text('user-not-sip-enabled', 'en').title);
    await shot(page, 'teams-en-stale-button.png');
  });

  it('understands greetings, thanks, goodbyes and "talk to a person" inside ordinary sentences', async () => {
    for (const text of ['hello', 'thanks!', 'bye']) {
      const answer = (await say(page, text)).join('\n');
      expect.soft(answer, `"${text}"`).not.toContain(en('notFound.title'));
    }
    const handOver = (await say(page, 'I need to talk to a person')).join('\n');
    expect(handOver).toContain(en('escalation.title'));
    expect(handOver).not.toContain(pack.text('personal-certificate', 'en').title);
    await say(page, 'cancel');
    expect(await lastText(page)).toContain(en('cancelled'));
  });

  it('answers a question that starts with "PIN" as a question, not as a pin command', async () => {
    const answer = (await say(page, 'PIN not accepted when I sign in to Lync on my desk phone')).join('\n');
    expect(answer).not.toContain(en('pins.notInChannel'));
    expect(answer).not.toContain(en('pins.usage'));
  });
});

describe('the person asking, in a group chat', () => {
  it('answers an @mention in Simplified Chinese, with every link readable, and moves on when asked', async () => {
    await openChat(page, 'Group Chat');
    await say(page, '登录Lync时提示证书不受信任', { mention: true });
    const card = await lastCard(page);
    const text = await card.innerText();
    expect(text).toContain(pack.text('cert-trust-dialog', 'zh-CN').title);
    expect(text).toContain(pack.message('fixed.question', 'zh-CN'));
    expect.soft(await cutOffButtons(card), 'buttons whose label is cut off').toEqual([]);
    await shot(page, 'teams-zh-cn-group-chat.png');

    await press(page, card, pack.message('fixed.no', 'zh-CN'));
    expect(await lastText(page)).toContain(
      pack.text('cert-trust-dialog', 'zh-CN').stages['admin-gpo']!.title,
    );
  });
});

describe('the person asking, in a channel', () => {
  it('answers a Japanese post that @mentions the bot in its thread, and the buttons work there', async () => {
    await openChat(page, 'My Team - General');
    const topic = pack.text('signin-address-not-found', 'ja');
    const { posted } = await post(
      page,
      'サインインすると「サインイン アドレスが見つかりません」と表示されます',
    );
    const card = await lastCard(posted);
    const text = await card.innerText();
    expect(text).toContain(topic.title);
    expect(text).toContain(pack.message('fixed.question', 'ja'));
    await shot(page, 'teams-ja-channel.png');

    await press(posted, card, pack.message('fixed.yes', 'ja'));
    expect(await lastText(posted)).toContain(pack.message('closing.title', 'ja'));
    expect(await buttons(card)).not.toContain(pack.message('fixed.yes', 'ja'));
  });
});
