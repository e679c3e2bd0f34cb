/**
 * Adding a platform is one folder plus one entry in the registry (README, "Adding a platform").
 * A minimal platform, written here and nowhere else, implements `ChatPlatform` and is listed
 * beside the real ones: through the same composition as Teams and Slack, a question comes in
 * over its webhook, a fix card comes out, Yes and No are answered, and an escalation posts a
 * ticket to its own helpdesk channel. The platforms that are not configured are never loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORMS, type PlatformEntry } from '../../src/adapters/registry.js';
import type { ActionPayload, Card, DigestCard, TicketCard } from '../../src/core/cards/model.js';
import type { ChatPlatform, PlatformContext } from '../../src/core/platform.js';
import { renderText } from '../../src/render/text/render.js';
import { type App, createApp } from '../../src/server/app.js';
import { realPack } from '../helpers/pack.js';
import { silentLogger } from '../../src/core/log/logger.js';

/** Its markup: `<me>` mentions the bot. Its cards: text with the buttons' payloads. */
class Chat implements ChatPlatform {
  readonly name = 'chat';
  /** What went to its helpdesk channel: ticket cards, the weekly digest. */
  readonly posted: (TicketCard | DigestCard)[] = [];
  readonly told: { address: Record<string, unknown>; cards: Card[] }[] = [];
  readonly routes: ChatPlatform['routes'] = [
    {
      method: 'POST',
      path: '/chat/messages',
      json: true,
      handle: async (_req, res, body) => {
        const { user, text, action } = body as { user: string; text?: string; action?: ActionPayload };
        const out = await this.context.bot.handle({
          conversation: `chat:${user}`,
          platform: this.name,
          user: { id: user },
          address: { user },
          locale: 'en-US',
          ...(text !== undefined ? { text: this.inbound(text) } : {}),
          ...(action ? { action } : {}),
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(out.cards.map((card) => this.render(card))));
      },
    },
  ];
  readonly notifier = {
    platform: this.name,
    notify: async (address: Record<string, unknown>, cards: Card[]) =>
      void this.told.push({ address, cards }),
  };
  readonly helpdesk = {
    platform: this.name,
    postTicket: async (card: TicketCard) => {
      this.posted.push(card);
      return { id: this.posted.length };
    },
    updateTicket: async () => {},
    postDigest: async (card: DigestCard) => {
      this.posted.push(card);
      return { id: this.posted.length };
    },
  };

  constructor(private readonly context: PlatformContext) {}
  async start() {}
  async stop() {}
  inbound = (text: string) => text.replaceAll('<me>', ' ');
  /** A form's answers go back with the form's token, as a platform's form card would send them. */
  render = (card: Card) => ({
    kind: card.kind,
    text: renderText(card),
    buttons: card.choices,
    ...(card.kind === 'form' ? { token: card.token } : {}),
  });
  endPin = async () => {};
  isAdmin = async (user: string) => this.context.admins.includes(user);
}

let made: Chat | undefined;
const loaded: string[] = [];
const CHAT: PlatformEntry = {
  name: 'chat',
  label: 'Chat',
  requires: 'CHAT_TOKEN',
  configured: (_config, env) => Boolean(env.CHAT_TOKEN),
  inbound: (text) => text,
  load: async () => ({ createPlatform: (context) => (made = new Chat(context)) }),
};
/** The real registry, each entry recording whether it was loaded. */
const REAL = PLATFORMS.map((p) => ({ ...p, load: () => (loaded.push(p.name), p.load()) }));

let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function start(env: Record<string, string>) {
  app = await createApp({ env, platforms: [...REAL, CHAT], log: silentLogger });
  const base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
  await app.start();
  return async (user: string, message: { text?: string; action?: ActionPayload }) => {
    const res = await fetch(`${base}/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, ...message }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ReturnType<Chat['render']>[];
  };
}

const pack = realPack();
const button = (cards: ReturnType<Chat['render']>[], action: string, value?: string) =>
  cards
    .flatMap((c) => c.buttons)
    .find((b) => b.payload.action === action && (!value || b.payload.value === value))!.payload;

describe('a platform added in one entry of the registry', () => {
  it('answers a question with a fix, takes Yes and No, and posts an escalation to its helpdesk channel', async () => {
    const say = await start({ CHAT_TOKEN: 'x', HELPDESK_CHAT_CHANNEL: 'desk', OUTBOX_INTERVAL_MS: '20' });
    expect(app!.platforms).toEqual({ teams: false, slack: false, chat: true });
    // Teams and Slack are not configured: their modules (and SDKs) were never imported.
    expect(loaded).toEqual([]);

    const title = pack.text('personal-certificate', 'en').title;
    const fix = await say('megan', { text: `<me> ${title}` });
    expect(fix[0]).toMatchObject({ kind: 'topic' });
    expect(fix[0]!.text).toContain(title);

    const yes = await say('megan', { action: button(fix, 'fixed', 'yes') });
    expect(yes.map((c) => c.text).join('\n')).toContain(pack.message('closing.title', 'en'));

    const other = await say('alex', { text: `<me> ${title}` });
    await say('alex', { action: button(other, 'fixed', 'no') });
    const form = await say('alex', { text: pack.commands('en').person[0]! });
    expect(form.at(-1)).toMatchObject({ kind: 'form' });
    const filed = await say('alex', {
      action: {
        action: 'form',
        value: 'escalation',
        token: form.at(-1)!.token!,
        fields: { client: 'lync2013', os: 'windows7', error: 'x', since: 'today', affected: 'me' },
      },
    });
    expect(filed.map((c) => c.text).join('\n')).toContain('SI-1001');

    // The outbox posts the ticket to this platform's helpdesk channel, as for Teams and Slack.
    await expect.poll(() => made!.posted.length).toBe(1);
    expect(made!.posted[0]).toMatchObject({ kind: 'ticket', ref: 'SI-1001' });
    expect(JSON.stringify(made!.posted[0])).toContain('chat');
  });

  it('refuses a helpdesk channel for a platform that is not configured, naming both settings', async () => {
    await expect(createApp({ env: { HELPDESK_CHAT_CHANNEL: 'desk' }, platforms: [CHAT] })).rejects.toThrow(
      'HELPDESK_CHAT_CHANNEL is set but Chat is not configured (CHAT_TOKEN).',
    );
  });
});
