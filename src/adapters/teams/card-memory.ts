/**
 * Remembers the cards the bot sent in Teams, by activity id, so that a card the user answered
 * can be replaced in place by its answered form (buttons gone, the answer shown). Bounded: the
 * oldest entries go first; a card no longer remembered is replaced by a plain "answered" notice.
 */
import type { Card } from '../../core/cards/model.js';

export class CardMemory {
  private readonly cards = new Map<string, Card>();

  constructor(private readonly capacity = 5000) {}

  remember(activityId: string | undefined, card: Card): void {
    // Cards that ask something: buttons, or a form's inputs.
    if (!activityId || (!card.choices.length && card.kind !== 'form')) return;
    this.cards.delete(activityId);
    this.cards.set(activityId, card);
    if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value!);
  }

  recall(activityId: string | undefined): Card | undefined {
    return activityId ? this.cards.get(activityId) : undefined;
  }
}
