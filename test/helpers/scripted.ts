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

/**
 * Groups planted for the loop (`kb suggest`), in four languages: questions the bot offers
 * "did you mean" for, where people pick `pick`; and questions it cannot answer whose nearest
 * topic is clear. `topic` is what `kb suggest` should propose for the group.
 */
export interface PlantedGroup {
  lang: Lang;
  texts: string[];
  topic: string;
  /** The suggestion people pick; absent when they pick none (the question stays unanswered). */
  pick?: string;
}

export const PLANTED: PlantedGroup[] = [
  {
    lang: 'en',
    texts: ['the dns records for lync are new', 'the lync dns records are new'],
    topic: 'dns-propagation',
    pick: 'dns-propagation',
  },
  {
    lang: 'en',
    texts: ['skype is grumpy about the time', 'skype hates the time'],
    topic: 'clock-skew',
  },
  {
    lang: 'ja',
    texts: ['DNS レコードが新しい', 'DNS レコードがまだ新しい'],
    topic: 'dns-propagation',
    pick: 'dns-propagation',
  },
  {
    lang: 'zh-CN',
    texts: ['因为时间 Skype 不行', '因为时间 Skype 不行了'],
    topic: 'clock-skew',
    pick: 'clock-skew',
  },
  { lang: 'zh-CN', texts: ['Skype 跟时区过不去', 'Skype 总跟时区过不去'], topic: 'clock-skew' },
  {
    lang: 'zh-TW',
    texts: ['因為時間 Skype 不行', '因為時間 Skype 不行了'],
    topic: 'clock-skew',
    pick: 'clock-skew',
  },
  { lang: 'zh-TW', texts: ['Skype 跟時區過不去', 'Skype 總跟時區過不去'], topic: 'clock-skew' },
];

/**
 * Asks every planted question `times` times, each in a conversation of its own, and picks the
 * group's suggestion from the "did you mean" card where the group has one. Returns the number
 * of conversations.
 */
export async function runPlanted(storage: Storage, start: number, times = 2): Promise<number> {
  let now = start;
  const bot = botOnStorage(storage, () => new Date(now));
  let n = 0;
  for (const group of PLANTED)
    for (const text of group.texts)
      for (let i = 0; i < times; i++) {
        n++;
        now += MINUTE;
        const platform: Platform = n % 2 ? 'teams' : 'slack';
        const message = { conversation: `${platform}:loop-${n}`, platform, user: { id: `L${n}` } };
        const { cards } = await bot.handle({ ...message, text });
        if (!group.pick) continue;
        const choice = cards.at(-1)?.choices.find((c) => c.payload.value === group.pick);
        if (!choice)
          throw new Error(`"${text}" was not offered ${group.pick}: ${JSON.stringify(cards.at(-1))}`);
        await bot.handle({ ...message, action: choice.payload });
      }
  return n;
}
