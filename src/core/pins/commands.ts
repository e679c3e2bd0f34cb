/**
 * Pin commands as the bot carries them out, whoever the platform: `pin TOPIC [note] [--for 24h]`,
 * `pins`, `unpin TOPIC`, and the expiry of pins whose time is up. The platform decides who is an
 * admin and publishes the posts; `PinService` keeps the pins and their audit trail.
 */
import type { CardBuilder } from '../cards/build.js';
import { utcMinute } from '../text/dates.js';
import type { Card, TopicCard } from '../cards/model.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Platform } from '../platform.js';
import { wellFormed } from '../text/well-formed.js';
import { type Actor, PinCommandError, type PinService, parsePinCommand, splitPinTarget } from './service.js';
import type { Pin } from './types.js';

/** What a pin command did: the reply to the admin, a post to publish, and posts that ended. */
export interface PinOutcome {
  reply: Card[];
  publish?: { pin: Pin; card: TopicCard };
  ended: { pin: Pin; card: TopicCard }[];
}

/** How long an expired pin's post is retried before the pin ends without it. */
const GIVE_UP_ON_POST_AFTER_MS = 24 * 60 * 60 * 1000;

export class PinCommands {
  constructor(
    private readonly pack: KnowledgePack,
    private readonly pins: PinService,
    private readonly cards: CardBuilder,
    private readonly now?: () => Date,
  ) {}

  /**
   * `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC` from an admin (the adapter decides
   * who is one). Undefined when the text is not a pin command but a question, so that "PIN not
   * accepted on my desk phone" is answered like any question. A command is:
   * - `pins` alone, or `pin`/`unpin` with a topic id, or `pin` with `--for`: the exact shape;
   * - in a channel, from an admin, `pin`/`unpin` with a description of a problem the bot knows.
   * Anything else is a question. Outside a channel, an exact command is told pins are for
   * channels; from anyone but an admin, `pin` and `unpin` are refused and recorded.
   */
  async run(input: {
    platform: Platform;
    channel?: string;
    actor: Actor;
    admin: boolean;
    text: string;
    locale?: string | null;
  }): Promise<PinOutcome | undefined> {
    let command;
    const lang: Lang = langFromLocale(input.locale) ?? DEFAULT_LANG;
    const reply = (key: string, values: Record<string, string | number> = {}): PinOutcome => ({
      reply: [this.cards.notice(`pins.${key}`, lang, values)],
      ended: [],
    });
    try {
      // The note is shown as typed (escaped when rendered); the platform removed its mentions.
      command = parsePinCommand(wellFormed(input.text).trim());
    } catch (e) {
      if (!(e instanceof PinCommandError)) throw e;
      // A malformed command ("pin", "pin x --for ever") is answered as one only in a channel.
      return input.channel ? reply(e.key, { topic: e.topic ?? '' }) : undefined;
    }
    if (!command) return undefined;
    const target =
      command.command === 'pins' ? undefined : splitPinTarget(command.text, (id) => this.pack.topics.has(id));
    const exact = !target || target.id || (command.command === 'pin' && command.timed);
    if (!exact) {
      const described = input.channel && input.admin && this.pins.describedTopic(target!.target);
      if (!described) return undefined;
    }
    if (!input.channel) return reply('notInChannel');
    // Anyone may see what is pinned; pinning and unpinning are for admins.
    if (!input.admin && command.command !== 'pins') {
      await this.pins.refused(input.platform, input.channel, input.actor, input.text);
      return reply('refused');
    }
    try {
      if (command.command === 'pins') return await this.list(input.platform, input.channel, lang);
      if (command.command === 'unpin') {
        const { topic, pin } = await this.pins.unpin(
          input.platform,
          input.channel,
          target!.target,
          input.actor,
        );
        const title = this.cards.title(topic, lang);
        if (!pin) return reply('notPinned', { title });
        return { ...reply('unpinned', { title }), ended: [{ pin, card: this.cards.pinned(pin, pin.lang) }] };
      }
      const { pin, replaced } = await this.pins.pin(
        input.platform,
        input.channel,
        target!.target,
        target!.note,
        command.durationMs,
        input.actor,
        lang,
      );
      return {
        ...reply('done', { title: this.cards.title(pin.topic, lang), until: utcMinute(pin.expiresAt) }),
        publish: { pin, card: this.cards.pinned(pin, lang) },
        ended: replaced ? [{ pin: replaced, card: this.cards.pinned(replaced, replaced.lang) }] : [],
      };
    } catch (e) {
      if (e instanceof PinCommandError) return reply(e.key, { topic: e.topic ?? '' });
      throw e;
    }
  }

  /**
   * Ends the pins whose time is up once their posts say so: `publish` updates a post with the
   * card it should now show (the adapter's job). A post that cannot be updated now stays due and
   * is tried again at the next sweep, so the channel is not left showing an old problem as
   * current; after a day of failures (the post was probably deleted) the pin ends anyway.
   * Returns the pins ended.
   */
  async expire(
    publish: (pin: Pin, card: TopicCard) => Promise<void>,
    onFailure: (pin: Pin, error: unknown, retrying: boolean) => void = () => {},
  ): Promise<Pin[]> {
    const now = (this.now ?? (() => new Date()))().getTime();
    const ended: Pin[] = [];
    for (const pin of await this.pins.due()) {
      const shown: Pin = { ...pin, endedAt: pin.expiresAt, endedBy: 'expiry', endReason: 'expired' };
      try {
        await publish(shown, this.cards.pinned(shown, pin.lang));
      } catch (error) {
        const retrying = now - Date.parse(pin.expiresAt) < GIVE_UP_ON_POST_AFTER_MS;
        onFailure(pin, error, retrying);
        if (retrying) continue;
      }
      const done = await this.pins.expired(pin);
      if (done) ended.push(done);
    }
    return ended;
  }

  /** `pins`: what is pinned in the channel, until when and by whom. */
  private async list(platform: Platform, channel: string, lang: Lang): Promise<PinOutcome> {
    const active = await this.pins.active(platform, channel);
    if (!active.length) return { reply: [this.cards.notice('pins.none', lang)], ended: [] };
    const list = active.map((p) =>
      this.pack.message('pins.item', lang, {
        title: this.cards.title(p.topic, lang),
        until: utcMinute(p.expiresAt),
        user: p.pinnedBy.name ?? p.pinnedBy.id,
      }),
    );
    const people = active.map((p) => p.pinnedBy.name ?? p.pinnedBy.id);
    return { reply: [{ ...this.cards.notice('pins.list', lang), list, people }], ended: [] };
  }
}
