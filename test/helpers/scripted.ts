/**
 * The scripted conversations behind the report tests: every ending in four languages, on
 * both platforms, in personal chats and channels, with a pinned fix and tickets worked on.
 */
import type { Platform } from '../../src/core/helpdesk/types.js';
import type { Lang } from '../../src/core/i18n/languages.js';
import type { Storage } from '../../src/storage/open.js';
import { pressTicket } from './helpdesk.js';
import { realPack } from './pack.js';
import { botOnStorage } from './storage-bot.js';

const pack = realPack();
export const LANGS: Lang[] = ['en', 'ja', 'zh-CN', 'zh-TW'];
export const MINUTE = 60_000;
/** Questions the bot cannot answer, planted in groups that ask the same thing. */
export const UNANSWERED: Record<Lang, string[][]> = {
  en: [
    ['where is the cafeteria', 'what is for lunch in the cafeteria today'],
    ['how do I book a meeting room', 'book a meeting room for tomorrow'],
  ],
  ja: [
    ['食堂はどこですか', '社員食堂の場所を教えて'],
    ['会議室を予約したい', '会議室を予約したいです'],
  ],
  'zh-CN': [
    ['食堂在哪里', '请问食堂在哪里'],
    ['怎么预订会议室', '预订会议室'],
  ],
  'zh-TW': [
    ['餐廳在哪裡', '請問餐廳在哪裡'],
    ['怎麼預約會議室', '預約會議室'],
  ],
};

export type Scenario = 'fixed1' | 'fixed2' | 'asked' | 'exhausted' | 'unanswered' | 'abandoned' | 'cancelled';
export const SCENARIOS: Scenario[] = [
  'fixed1',
  'fixed2',
  'asked',
  'exhausted',
  'unanswered',
  'unanswered',
  'abandoned',
  'cancelled',
];

export interface Done {
  scenario: Scenario;
  lang: Lang;
  platform: Platform;
  day: string;
  pinShown: boolean;
  text?: string;
  ticket?: string;
}

/**
 * Runs `reps` rounds of every scenario in every language from `start`, over three days, then
 * has the helpdesk claim and resolve some tickets. Returns what it did, for the checks.
 */
export async function runScript(
  storage: Storage,
  start: number,
  reps: number,
): Promise<{ done: Done[]; until: string; claimed: number; resolved: number }> {
  let now = start;
  const clock = () => new Date(now);
  const bot = botOnStorage(storage, clock);
  await bot.pinCommand({
    platform: 'teams',
    channel: '19:support',
    actor: { id: 'AAD-ADMIN' },
    admin: true,
    text: 'pin personal-certificate --for 96h',
  });
  const done: Done[] = [];
  let n = 0;
  for (let rep = 0; rep < reps; rep++)
    for (const lang of LANGS)
      for (const [k, scenario] of SCENARIOS.entries()) {
        n++;
        // Three days, both platforms, personal chats and support channels.
        now =
          start +
          Math.floor(((n - 1) * 3) / (reps * LANGS.length * SCENARIOS.length)) * 24 * 60 * MINUTE +
          n * MINUTE;
        const platform: Platform = n % 2 ? 'slack' : 'teams';
        const channel = n % 3 === 0 ? (platform === 'teams' ? '19:support' : 'C-SUPPORT') : undefined;
        const conversation = `${platform}:conv-${n}:U${n}`;
        const say = (text: string) =>
          bot.handle({
            conversation,
            text,
            platform,
            user: { id: `U${n}`, name: `User ${n}` },
            ...(channel ? { channel } : {}),
          });
        const c = pack.commands(lang);
        const certificate = pack.text('personal-certificate', lang).title;
        const entry: Done = {
          scenario,
          lang,
          platform,
          day: new Date(now).toISOString().slice(0, 10),
          pinShown: false,
        };
        const ask = async (text: string) => {
          const { cards } = await say(text);
          entry.pinShown = cards.some((card) => card.kind === 'topic' && Boolean(card.pin));
        };
        const form = async () => {
          for (const answer of ['2', 'Windows 10', 'error 0x1', 'since Monday', '2']) await say(answer);
          const { cards } = await say(c.skip[0]!);
          entry.ticket = JSON.stringify(cards).match(/SI-\d+/)![0];
        };
        if (scenario === 'fixed1') await ask(certificate).then(() => say(c.yes[0]!));
        if (scenario === 'fixed2') {
          await ask(certificate);
          await say(c.no[0]!);
          await say(c.yes[0]!);
        }
        if (scenario === 'asked') {
          await ask(certificate);
          await say(c.person[0]!);
          await form();
        }
        if (scenario === 'exhausted') {
          await ask(pack.text('clock-skew', lang).title);
          for (let i = 0; i < 3; i++) await say(c.no[0]!);
          await form();
        }
        if (scenario === 'unanswered') {
          const group = UNANSWERED[lang][k % 2]!;
          entry.text = group[rep % group.length]!;
          await ask(entry.text);
        }
        if (scenario === 'abandoned') await ask(pack.text('clock-skew', lang).title);
        if (scenario === 'cancelled') await ask(certificate).then(() => say(c.cancel[0]!));
        done.push(entry);
      }
  // The helpdesk claims every other ticket after 30 minutes and resolves every fourth after 90.
  let claimed = 0;
  let resolved = 0;
  for (const [i, t] of (await storage.tickets.list()).entries()) {
    if (i % 2) continue;
    now = Date.parse(t.createdAt) + 30 * MINUTE;
    await pressTicket(bot, storage.tickets, t.ref, 'claim');
    claimed++;
    if (i % 4) continue;
    now = Date.parse(t.createdAt) + 90 * MINUTE;
    await pressTicket(bot, storage.tickets, t.ref, 'resolve', { text: 'fixed the DNS record' });
    resolved++;
  }
  return { done, until: new Date(start + 3 * 24 * 60 * MINUTE).toISOString(), claimed, resolved };
}
