import { Bot, type BotOptions } from '../../src/core/bot.js';
import type { ActionPayload, Card } from '../../src/core/cards/model.js';
import { realPack, realResolver } from './pack.js';

/** A user talking to the bot through its public entry point, the way an adapter would. */
export class Conversation {
  readonly bot: Bot;
  last: Card[] = [];

  constructor(
    readonly id = 'test-conversation',
    options: Partial<BotOptions> = {},
    readonly locale?: string,
  ) {
    this.bot = new Bot({
      pack: realPack(),
      resolver: realResolver(),
      now: () => new Date('2026-11-22T00:00:00Z'),
      ...options,
    });
  }

  async say(text: string): Promise<Card[]> {
    this.last = (await this.bot.handle({ conversation: this.id, text, locale: this.locale ?? null })).cards;
    return this.last;
  }

  async press(payload: ActionPayload): Promise<Card[]> {
    this.last = (
      await this.bot.handle({ conversation: this.id, action: payload, locale: this.locale ?? null })
    ).cards;
    return this.last;
  }

  /** Presses the button of the last card whose payload matches. */
  async click(match: Partial<ActionPayload>): Promise<Card[]> {
    const choice = this.last
      .flatMap((c) => c.choices)
      .find((c) => Object.entries(match).every(([k, v]) => c.payload[k as keyof ActionPayload] === v));
    if (!choice)
      throw new Error(
        `no button ${JSON.stringify(match)} on ${JSON.stringify(this.last.map((c) => c.kind))}`,
      );
    return this.press(choice.payload);
  }

  /** The last card (the one that asks something, when several were sent). */
  get card(): Card {
    return this.last[this.last.length - 1]!;
  }
}
