/**
 * The bot in the Microsoft 365 Agents Playground (the local Teams client), driven in headless
 * Chromium the way a person uses it: type a question, read the card, press a button, read the
 * next card. Screenshots go to docs/ for the README.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocal } from '../../src/dev/local.js';
import { realPack, ROOT } from '../helpers/pack.js';

const pack = realPack();
const CHROMIUM = execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startLocal({ botPort: 0, playgroundPort: 0, inMemory: true, log: () => {} });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The page asks a CDN for fonts: nothing leaves this machine.
  await page.route('**/*', (route) =>
    ['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname)
      ? route.continue()
      : route.abort(),
  );
  await page.goto(stack.playgroundUrl!);
  await page.locator('div[contenteditable="true"][role="textbox"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function ask(text: string): Promise<void> {
  const before = await page.locator('.ac-adaptiveCard').count();
  const box = page.locator('div[contenteditable="true"][role="textbox"]');
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 20_000 })
    .toBeGreaterThan(before);
}

async function press(title: string): Promise<void> {
  const before = await page.locator('.ac-adaptiveCard').count();
  await page.locator(`.ac-adaptiveCard .ac-actionSet button[title="${title}"]`).last().click();
  await expect
    .poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 20_000 })
    .toBeGreaterThan(before);
}

const lastCard = () => page.locator('.ac-adaptiveCard').last();
const shot = (name: string) => page.screenshot({ path: join(ROOT, 'docs', name) });

describe('the bot in the Teams client emulator', () => {
  it('welcomes the user, answers in English, and walks through a two-stage fix with its buttons', async () => {
    await expect.poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('.ac-adaptiveCard').first().innerText()).toContain(
      pack.message('welcome.title', 'en'),
    );

    await ask('My Skype shows "Problem acquiring a personal certificate that is required to sign in"');
    const first = await lastCard().innerText();
    expect(first).toContain(pack.text('personal-certificate', 'en').title);
    expect(first).toContain('Delete my sign-in info');
    expect(first).toContain(pack.message('fixed.question', 'en'));
    await shot('teams-en-first-stage.png');

    await press(pack.message('fixed.no', 'en'));
    const second = await lastCard().innerText();
    expect(second).toContain(pack.message('next.stage', 'en'));
    expect(second).toContain('certmgr.msc');
    expect(second).toContain('Credential Manager');
    // The answered card was updated in place: only the new card still asks.
    await expect
      .poll(() => page.locator(`.ac-actionSet button[title="${pack.message('fixed.no', 'en')}"]`).count())
      .toBe(1);
    await shot('teams-en-second-stage.png');
  });

  it('answers in Traditional Chinese and moves to the admin fix when the first one does not help', async () => {
    await ask('第一次登入商務用 Skype 時，一直跳出「無法針對您的登入地址確認伺服器是否可信任」');
    const first = await lastCard().innerText();
    expect(first).toContain(pack.text('cert-trust-dialog', 'zh-TW').title);
    expect(first).toContain('domainName.contoso.com');
    await shot('teams-zh-tw-first-stage.png');

    await press(pack.message('fixed.no', 'zh-TW'));
    const second = await lastCard().innerText();
    expect(second).toContain('TrustModelData');
    expect(second).toContain(pack.text('cert-trust-dialog', 'zh-TW').stages['admin-gpo']!.title);
    await shot('teams-zh-tw-second-stage.png');
  });
});
