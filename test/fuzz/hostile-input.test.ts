/**
 * Bounded, seeded fuzzing of everything a user can type: tens of thousands of generated
 * messages (HTML entities valid and not, NUL and other controls, lone surrogates, bidi and
 * zero-width characters, very long input, Teams and Slack markup, emoji, Japanese and Chinese)
 * through the resolver, `cli resolve --json` over standard input, and Bot.handle, with the
 * escalation form submitted with the same text. Nothing may throw, no answer may be missing,
 * and no step may be lost: every message moves its conversation's state on once, and every
 * completed form becomes a ticket.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.js';
import type { FormCard } from '../../src/core/cards/model.js';
import { BotError } from '../../src/core/errors.js';
import { MemoryOutbox, MemoryTicketStore } from '../../src/core/helpdesk/memory.js';
import { Helpdesk } from '../../src/core/helpdesk/service.js';
import { MemoryStateStore } from '../../src/core/storage/memory.js';
import type { ConversationState } from '../../src/core/dialogs/state.js';
import { realPack, realResolver, ROOT } from '../helpers/pack.js';

const SEED = 0x12b;
const pack = realPack();
const resolver = realResolver();

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real words: titles, error messages and phrasings of the knowledge pack, in four languages. */
const WORDS = [...pack.topics.keys()].flatMap((id) =>
  (['en', 'ja', 'zh-CN', 'zh-TW'] as const).flatMap((lang) => {
    const t = pack.text(id, lang);
    return [t.title, ...t.errors];
  }),
);

const PIECES: ((r: () => number) => string)[] = [
  (r) => WORDS[Math.floor(r() * WORDS.length)]!,
  () => '&#9999999;',
  () => '&#x110000;',
  () => '&#xD800;',
  () => '&#0;',
  (r) => `&#${Math.floor(r() * 0x200000)};`,
  (r) => `&#x${Math.floor(r() * 0x200000).toString(16)};`,
  () => '&amp;&lt;&gt;&quot;&nbsp;&#39;',
  () => '\u0000',
  () => '\u001b[2J\u0007\b\u007f\u0085',
  () => '\ud800',
  () => '\udfff',
  () => '\ud83d', // the first half of an emoji, alone
  () => '\u202e\u2066\u2067\u2068\u2069\u202a\u200f',
  () => '\u200b\u200c\u200d\ufeff\u2060',
  () => '\ufffe\uffff\ue000\ue001',
  () => '<at>Sign-in Bot</at>',
  () => '<p>server <b>unavailable</b></p><br/>',
  () => '<blockquote>earlier message</blockquote>',
  () => '<@U024BE7LH> <!channel> <!here> <#C123|general> <!subteam^S1|team>',
  () => '<https://evil.example/x|the KB> <mailto:a@b.c>',
  () => '[click](javascript:alert(1)) **bold** _it_ `code` ~x~ # h1\n- item\n> quote',
  () => '```Sign-in address not found```',
  () => '😩👍🏽 👨‍💻 :sob: 🇯🇵',
  () => 'パスワード: Hunter2024! 密码是 abc123 password - x',
  () => '\r\n\t',
  (r) => String.fromCharCode(Math.floor(r() * 0x10000)),
  (r) => String.fromCodePoint(Math.floor(r() * 0x10ffff) & ~0x800 || 0x20),
  (r) => 'x'.repeat(Math.floor(r() * 6000)), // sometimes over the 4,000-character limit
];

/** A message of one to twelve pieces, separated or not by spaces. */
function message(r: () => number): string {
  const n = 1 + Math.floor(r() * 12);
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(r() * PIECES.length)]!(r) + (r() < 0.5 ? ' ' : '');
  return out;
}

describe('fuzzing with hostile input', () => {
  it('the resolver answers 20,000 generated messages without an exception', () => {
    const r = random(SEED);
    let answered = 0;
    let tooLong = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = message(r);
      try {
        const result = resolver.resolve(text, { locale: r() < 0.5 ? 'ja-JP' : null });
        expect(typeof result.confidence).toBe('number');
        answered++;
      } catch (e) {
        // The one refusal the resolver has: a message over its length limit, said so.
        if (!(e instanceof BotError && e.code === 'message_too_long' && text.length > 4000)) throw e;
        tooLong++;
      }
    }
    expect(answered + tooLong).toBe(20_000);
    expect(answered).toBeGreaterThan(15_000);
  }, 240_000);

  it('`cli resolve --json` answers 5,000 generated lines from one process, one JSON object each, in order', () => {
    const r = random(SEED + 1);
    // One message per line: line breaks inside a message would make it two.
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 500 === 0 ? '&#9999999; sign-in fails' : message(r).replace(/[\r\n\u2028\u2029]/g, ' '),
    );
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'src', 'cli', 'main.ts'), 'resolve', '--json'],
      { cwd: ROOT, input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 200_000, maxBuffer: 1 << 28 },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; topic?: string | null; error?: { code: string } });
    expect(out).toHaveLength(lines.length);
    const failed = out.filter((o) => o.error && o.error.code !== 'message_too_long');
    expect(failed).toEqual([]);
    expect(out[0]).toHaveProperty('topic');
    expect(out.at(-1)).toHaveProperty('text');
  }, 240_000);

  it('Bot.handle takes 10,000 generated messages and forms without an exception or a lost step', async () => {
    const r = random(SEED + 2);
    const states = new MemoryStateStore<ConversationState>();
    const tickets = new MemoryTicketStore(new MemoryOutbox());
    const helpdesk = new Helpdesk({ tickets, uploads: pack.escalation.uploads, channels: [] });
    const bot = new Bot({ pack, resolver, states, helpdesk });
    const steps = new Map<string, number>();
    let forms = 0;
    let reasked = 0;
    let ticketEvents = 0;
    const conversations = Array.from({ length: 200 }, (_, i) => `fuzz-${i}\u0000${i % 7 ? '' : '\ud800'}`);
    for (let i = 0; i < 10_000; i++) {
      const conversation = conversations[Math.floor(r() * conversations.length)]!;
      const user = { id: `U${i % 50}`, name: message(r).slice(0, 80) };
      const platform = r() < 0.5 ? ('teams' as const) : ('slack' as const);
      const roll = r();
      let out;
      if (roll < 0.08) {
        // Ask for a person, then send the form with generated text in every field.
        const asked = await bot.handle({ conversation, platform, user, text: 'talk to a person' });
        steps.set(conversation, (steps.get(conversation) ?? 0) + 1);
        const form = asked.cards.find((c): c is FormCard => c.kind === 'form');
        expect(form, JSON.stringify(asked.cards.map((c) => c.kind))).toBeDefined();
        // Choices are picked from the list; every text field gets generated text.
        const fields = Object.fromEntries(
          pack.escalation.form.map((f) => [
            f.id,
            f.type === 'choice' ? f.choices![0]! : message(r).slice(0, 400),
          ]),
        );
        out = await bot.handle({
          conversation,
          platform,
          user,
          action: { action: 'form', value: 'escalation', token: form!.token, fields },
        });
        forms++;
        if (!out.events.some((e) => e.type === 'ticket')) {
          // A required answer that was only controls or spaces is blank: the form is asked
          // again, saying which; anything else must have become a ticket.
          const again = out.cards.find((c): c is FormCard => c.kind === 'form');
          expect(again?.problem, JSON.stringify(fields)).toBeDefined();
          reasked++;
        }
      } else if (roll < 0.2) {
        const value = ['yes', 'no', 'person', 'triage', message(r).slice(0, 40)][Math.floor(r() * 5)]!;
        const action = (['fixed', 'option', 'topic', 'escalate', 'restart', 'help'] as const)[
          Math.floor(r() * 6)
        ]!;
        out = await bot.handle({
          conversation,
          platform,
          user,
          action: { action, value, token: String(Math.floor(r() * 10)) },
        });
      } else out = await bot.handle({ conversation, platform, user, text: message(r), locale: 'zh-TW' });
      steps.set(conversation, (steps.get(conversation) ?? 0) + 1);
      ticketEvents += out.events.filter((e) => e.type === 'ticket').length;
      expect(out.cards.length).toBeGreaterThan(0);
    }
    // Every step was saved exactly once: a conversation's version counts its messages.
    for (const [conversation, count] of steps) {
      const clean = conversation.replaceAll('\u0000', '').replaceAll('\ud800', '\ufffd');
      expect((await states.get(clean))?.version, conversation).toBe(count);
    }
    // Every form sent became a ticket (none lost to the text in it), or was asked again.
    expect(ticketEvents).toBe(forms - reasked);
    expect((await tickets.list()).length).toBe(ticketEvents);
    expect(reasked).toBeLessThan(forms / 20);
  }, 240_000);
});
