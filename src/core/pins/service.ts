/**
 * Pin commands, whoever the platform: `pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC`.
 * The adapter decides who is an admin (it knows the platform's roles) and publishes the posts;
 * this service keeps the pins, their expiry and the audit trail of every attempt.
 */
import type { Platform } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Resolver } from '../resolver/resolver.js';
import type { Pin, PinStore } from './types.js';

export type PinCommand =
  | {
      command: 'pin';
      /** What follows `pin`: a topic id and a note, or a description (a note after ": "). */
      text: string;
      durationMs: number;
      /** Whether `--for` was given: the shape of a command, never of a question. */
      timed: boolean;
    }
  | { command: 'pins' }
  | { command: 'unpin'; text: string };

export const DEFAULT_PIN_MS = 24 * 60 * 60 * 1000;
const MAX_PIN_MS = 30 * 24 * 60 * 60 * 1000;
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export class PinCommandError extends Error {
  constructor(
    readonly key: 'usage' | 'duration' | 'unknownTopic',
    readonly topic?: string,
  ) {
    super(key);
  }
}

/**
 * Reads what could be a pin command, or undefined when the text does not start like one.
 * Whether it IS one (and not a question that starts with "PIN") is the bot's decision, which
 * knows the topics, where it was written and by whom: see `Bot.pinCommand`.
 */
export function parsePinCommand(text: string): PinCommand | undefined {
  const t = text.trim();
  const m = /^(pin|pins|unpin)\b\s*([\s\S]*)$/i.exec(t);
  if (!m) return undefined;
  const verb = m[1]!.toLowerCase();
  let rest = m[2]!.trim();
  if (verb === 'pins') return rest ? undefined : { command: 'pins' };
  if (!rest) throw new PinCommandError('usage');
  if (verb === 'unpin') return { command: 'unpin', text: rest };
  let durationMs = DEFAULT_PIN_MS;
  const forMatch = /(?:^|\s)--for(?:\s+(\S+))?(?=\s|$)/.exec(rest);
  if (forMatch) {
    const d = /^(\d{1,4})([mhd])$/.exec(forMatch[1] ?? '');
    if (!d) throw new PinCommandError('duration');
    durationMs = Number(d[1]) * UNITS[d[2]!]!;
    if (durationMs <= 0 || durationMs > MAX_PIN_MS) throw new PinCommandError('duration');
    rest = `${rest.slice(0, forMatch.index)} ${rest.slice(forMatch.index + forMatch[0].length)}`.trim();
    if (!rest) throw new PinCommandError('usage');
  }
  return { command: 'pin', text: rest, durationMs, timed: Boolean(forMatch) };
}

/**
 * What a pin is about: `TOPIC-ID [note]`, or a description of the problem with the note after
 * ": " ("the certificate trust prompt: renewing tonight"). `id` says which of the two it was.
 */
export function splitPinTarget(
  text: string,
  isTopicId: (id: string) => boolean,
): {
  target: string;
  note: string;
  id: boolean;
} {
  const [first = '', ...more] = text.split(/\s+/);
  if (isTopicId(first.toLowerCase())) return { target: first.toLowerCase(), note: more.join(' '), id: true };
  const colon = text.search(/:\s/);
  return colon < 0
    ? { target: text, note: '', id: false }
    : { target: text.slice(0, colon).trim(), note: text.slice(colon + 1).trim(), id: false };
}

export interface Actor {
  id: string;
  name?: string;
}

export class PinService {
  constructor(
    private readonly store: PinStore,
    private readonly pack: KnowledgePack,
    private readonly resolver: Resolver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  now(): string {
    return this.clock().toISOString();
  }

  /** A topic id as typed, or the topic a description resolves to. */
  topicOf(text: string): string {
    const topic = this.describedTopic(text);
    if (!topic) throw new PinCommandError('unknownTopic', text.trim());
    return topic;
  }

  /** The topic with steps that an id or a description names, if there is one. */
  describedTopic(text: string): string | undefined {
    const id = text.trim().toLowerCase();
    if (this.pack.topics.has(id)) return this.pack.topic(id).stages.length ? id : undefined;
    const resolved = this.resolver.resolve(text.slice(0, 500)).topic;
    return resolved && this.pack.topic(resolved).stages.length ? resolved : undefined;
  }

  async pin(
    platform: Platform,
    channel: string,
    topicText: string,
    note: string,
    durationMs: number,
    actor: Actor,
    lang: Lang,
  ) {
    const topic = this.topicOf(topicText);
    const now = this.clock();
    const result = await this.store.add({
      platform,
      channel,
      topic,
      note: note.slice(0, 500),
      lang,
      pinnedBy: actor,
      pinnedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + durationMs).toISOString(),
    });
    await this.store.audit({
      at: now.toISOString(),
      actor: actor.name ?? actor.id,
      action: 'pin',
      platform,
      channel,
      topic,
      detail: `until ${result.pin.expiresAt}${note ? `; note: ${note.slice(0, 200)}` : ''}`,
    });
    return result;
  }

  async unpin(
    platform: Platform,
    channel: string,
    topicText: string,
    actor: Actor,
  ): Promise<{ topic: string; pin?: Pin }> {
    const topic = this.topicOf(topicText);
    const active = (await this.store.active(platform, channel, this.now())).find((p) => p.topic === topic);
    const ended = active
      ? await this.store.end(active.id, this.now(), actor.name ?? actor.id, 'removed')
      : undefined;
    await this.store.audit({
      at: this.now(),
      actor: actor.name ?? actor.id,
      action: 'unpin',
      platform,
      channel,
      topic,
      detail: ended ? `pin ${ended.id}` : 'nothing pinned',
    });
    return { topic, ...(ended ? { pin: ended } : {}) };
  }

  active(platform: Platform, channel: string): Promise<Pin[]> {
    return this.store.active(platform, channel, this.now());
  }

  setMessage(id: number, message: Record<string, unknown>): Promise<void> {
    return this.store.setMessage(id, message);
  }

  async refused(platform: Platform, channel: string, actor: Actor, command: string): Promise<void> {
    await this.store.audit({
      at: this.now(),
      actor: actor.name ?? actor.id,
      action: 'refused',
      platform,
      channel,
      detail: command.slice(0, 200),
    });
  }

  /** Active pins whose time is up (their posts still show them as current). */
  due(): Promise<Pin[]> {
    return this.store.due(this.now());
  }

  /** Records that a pin whose time was up has ended; undefined if something else ended it first. */
  async expired(pin: Pin): Promise<Pin | undefined> {
    const done = await this.store.end(pin.id, pin.expiresAt, 'expiry', 'expired');
    if (done)
      await this.store.audit({
        at: this.now(),
        actor: 'expiry',
        action: 'expire',
        platform: pin.platform,
        channel: pin.channel,
        topic: pin.topic,
      });
    return done;
  }

  auditLog() {
    return this.store.auditLog();
  }
}
