/**
 * Who may answer a card. In a channel or a group chat everyone sees the cards the bot sends to
 * one person ("Did this fix it?", the clarify and triage choices, the escalation form), and
 * everyone can press their buttons. A card belongs to the conversation it was sent to: a press
 * by anyone else must leave it as it is (its owner can still answer it), change no one's
 * dialog, file nothing, and tell only the person who pressed it that it is not theirs.
 *
 * The owner is what the adapter remembered when it sent the card (server-side, in the
 * SentCardStore), never what the pressed button carries: a payload can be forged, the record
 * cannot. Cards with no owner recorded (a welcome card for a whole channel, or one sent before
 * owners were kept) are answered by whoever presses them, as before.
 */
import type { Lang } from '../i18n/languages.js';
import type { SentCardStore } from '../storage/types.js';
import type { CardBuilder } from './build.js';
import type { Card, NoticeCard } from './model.js';

export class CardOwnership {
  constructor(
    private readonly sent: SentCardStore<Card>,
    private readonly cards: CardBuilder,
  ) {}

  /**
   * What to tell `presser` (a conversation key) who pressed the card remembered under `sentKey`,
   * in their language `lang`: undefined when the card is theirs or has no recorded owner.
   */
  async refusal(sentKey: string, presser: string, lang: Lang): Promise<NoticeCard | undefined> {
    const owner = await this.sent.owner(sentKey);
    if (owner === undefined || owner === presser) return undefined;
    return this.cards.notice('notYourCard', lang);
  }
}
