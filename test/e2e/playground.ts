/**
 * The Microsoft 365 Agents Playground (the local Teams client) driven in headless Chromium, the
 * way a person uses it: pick a chat in the sidebar, type (with an @mention where Teams needs
 * one), read the cards, press their buttons, fill their inputs.
 *
 * The Playground shows only what was posted while its page is open, so a journey that crosses
 * chats (a ticket filed in personal chat, handled in the helpdesk channel) stays on one page and
 * switches chats in the sidebar.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type LocalStack, startLocal } from '../../src/dev/local.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { messagesInto } from '../helpers/logs.js';

export const pack = realPack();
/** A message of the bot in English, as the page shows it. */
export const en = (key: string, vars?: Record<string, string | number>) => pack.message(key, 'en', vars);
/** A topic's title in English. */
export const title = (topic: string) => pack.text(topic, 'en').title;

/** Another user of the Playground's default configuration (not the one the page speaks as). */
export const MEGAN_AAD = '00000000-0000-0000-0000-0000000000021';

export type ChatName = 'Personal Chat' | 'Group Chat' | 'My Team - General';

const REPLY_TIMEOUT = 20_000;
/** How long the bot must stay quiet for its answer to count as complete. */
const SETTLE_MS = 600;
const BOX = 'div[contenteditable="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';

let chromiumPath: string | undefined;
function chromiumExecutable(): string {
  return (chromiumPath ??= execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim());
}

export interface Playground {
  stack: LocalStack;
  page: Page;
  /** What the bot logged (ticket cards that failed to post, and so on): shown when a journey fails. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * `npm start` in a test: the bot and the Playground with npm start's defaults (the helpdesk is
 * the General channel of "My Team", the Playground's user is an admin), plus `env` set the way
 * an operator would set it before `npm start`; and one page open on the Playground.
 */
export async function openPlayground(
  browser: Browser,
  env: Record<string, string> = {},
): Promise<Playground> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const logs: string[] = [];
  let stack: LocalStack;
  try {
    stack = await startLocal({ botPort: 0, playgroundPort: 0, inMemory: true, log: messagesInto(logs) });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10_000);
  // The page asks a CDN for fonts: nothing leaves this machine.
  await page.route('**/*', (route) =>
    ['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname)
      ? route.continue()
      : route.abort(),
  );
  await page.goto(stack.playgroundUrl!, { timeout: 60_000 });
  await page.locator(BOX).first().waitFor({ timeout: 60_000 });
  // The log panel is for developers: closed, the conversation gets the width a user sees.
  await page.locator('button[title="Hide log panel"]').click();
  return {
    stack,
    page,
    logs,
    async close() {
      await page.close();
      await stack.stop();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
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
}

/** Saves what the page shows under docs/, for the README. */
export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(ROOT, 'docs', name) });
}

/**
 * Opens a chat from the sidebar. The first time, the Playground adds the bot to it and the bot
 * greets: waits for that, so that the greeting is not taken for an answer later.
 */
export async function openChat(page: Page, chat: ChatName): Promise<void> {
  await page.locator(`button[aria-label="${chat}"]`).click();
  await page.locator(BOX).first().waitFor();
  await newCards(page, 0);
}

const cardCount = (scope: Page | Locator) => scope.locator(CARD).count();

/**
 * Waits until the bot posted new cards in `scope` (a chat page, or a channel thread) and stopped
 * posting for a moment; returns their texts, in order.
 */
async function newCards(scope: Page | Locator, before: number): Promise<string[]> {
  const pause = () => new Promise((r) => setTimeout(r, SETTLE_MS / 3));
  const deadline = Date.now() + REPLY_TIMEOUT;
  let count = await cardCount(scope);
  while (count <= before) {
    if (Date.now() > deadline) throw new Error(`the bot did not answer within ${REPLY_TIMEOUT / 1000} s`);
    await pause();
    count = await cardCount(scope);
  }
  for (let quiet = Date.now(); Date.now() - quiet < SETTLE_MS;) {
    await pause();
    const now = await cardCount(scope);
    if (now !== count) [count, quiet] = [now, Date.now()];
  }
  return (await scope.locator(CARD).allInnerTexts()).slice(before);
}

/** Types into a compose box, with an @mention of the bot first when Teams needs one. */
async function compose(page: Page, box: Locator, text: string, mention: boolean): Promise<void> {
  await box.click();
  if (mention) {
    await box.pressSequentially('@Test');
    await page.locator('[role="menuitem"]', { hasText: 'Test Bot' }).first().click();
    await box.pressSequentially(' ');
  }
  await box.pressSequentially(text);
}

/**
 * Sends a message in the open personal or group chat (with an @mention in a group chat) and
 * waits for the bot's answer.
 */
export async function say(page: Page, text: string, options: { mention?: boolean } = {}): Promise<string[]> {
  const before = await cardCount(page);
  await compose(page, page.locator(BOX).last(), text, Boolean(options.mention));
  await page.keyboard.press('Enter');
  return newCards(page, before);
}

/** A thread of the open channel, found by the text of its first post. */
export function thread(page: Page, text: string): Locator {
  return page
    .getByRole('group')
    .filter({ has: page.locator(BOX) })
    .filter({ hasText: text });
}

/** Starts a new post in the open channel, @mentioning the bot, and waits for its answer in the thread. */
export async function post(page: Page, text: string): Promise<{ posted: Locator; replies: string[] }> {
  await compose(page, page.locator(BOX).first(), text, true);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const posted = thread(page, text).first();
  return { posted, replies: await newCards(posted, 0) };
}

/** Replies in a channel thread, @mentioning the bot, and waits for its answer there. */
export async function reply(page: Page, posted: Locator, text: string): Promise<string[]> {
  const before = await cardCount(posted);
  await compose(page, posted.locator(BOX), text, true);
  await page.keyboard.press('Enter');
  return newCards(posted, before);
}

/**
 * The newest card of a chat page or a channel thread, held by its position: it stays the same
 * card after newer ones arrive (and after it is updated in place).
 */
export async function lastCard(scope: Page | Locator): Promise<Locator> {
  const n = await cardCount(scope);
  expect(n, 'the bot has posted no card here').toBeGreaterThan(0);
  return scope.locator(CARD).nth(n - 1);
}

/** The newest card of a chat page that has a button titled `title`, held by its position. */
export async function lastCardWith(scope: Page | Locator, title: string): Promise<Locator> {
  const index = await scope
    .locator(CARD)
    .evaluateAll(
      (els, t) =>
        els.map((e) => e.querySelector(`.ac-actionSet button[title="${t}"]`) !== null).lastIndexOf(true),
      title,
    );
  expect(index, `no card offers "${title}"`).toBeGreaterThanOrEqual(0);
  return scope.locator(CARD).nth(index);
}

/** The text of the newest card of a chat page or a channel thread. */
export async function lastText(scope: Page | Locator): Promise<string> {
  return (await lastCard(scope)).innerText();
}

/** Every card of a chat page or a channel thread, in order. */
export const cards = (scope: Page | Locator) => scope.locator(CARD);

/** A card's buttons by their titles, as a person reads them. */
export function buttons(card: Locator): Promise<string[]> {
  return card
    .locator('.ac-actionSet button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
}

/** Presses a card's button and waits for the bot's answer (a new card in `scope`). */
export async function press(scope: Page | Locator, card: Locator, title: string): Promise<string[]> {
  const before = await cardCount(scope);
  await card.locator(`.ac-actionSet button[title="${title}"]`).click();
  return newCards(scope, before);
}

/** Picks an answer in a card's drop-down list. */
export async function choose(page: Page, card: Locator, label: string, option: string): Promise<void> {
  await card.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The text of a card as a person reads it, whitespace collapsed. */
export async function textOf(card: Locator): Promise<string> {
  return (await card.innerText()).replace(/\s+/g, ' ').trim();
}

/** The few DOM members read in the page (this project compiles without the DOM library). */
interface Box {
  getBoundingClientRect(): { right: number };
  scrollWidth: number;
  clientWidth: number;
  querySelectorAll(selector: string): ArrayLike<Box>;
  getAttribute(name: string): string | null;
}

/**
 * Buttons a person cannot read whole: their label is cut off inside the button, or the button
 * runs past the card's edge. Returns their titles.
 */
export function cutOffButtons(card: Locator): Promise<string[]> {
  return card.evaluate((element) => {
    const root = element as unknown as Box;
    const edge = root.getBoundingClientRect().right;
    return Array.from(root.querySelectorAll('.ac-actionSet button'))
      .filter(
        (b) =>
          b.getBoundingClientRect().right > edge + 1 ||
          [b, ...Array.from(b.querySelectorAll('*'))].some((n) => n.scrollWidth > n.clientWidth + 1),
      )
      .map((b) => b.getAttribute('title') ?? '');
  });
}
