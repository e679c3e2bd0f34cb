/**
 * What follows from a dialog step once it is saved: a fix recorded as feedback, the notice that
 * the uploads are done, the outcome for the helpdesk's report, and the `onEvent` hook.
 */
import type { CardBuilder } from './cards/build.js';
import type { Card } from './cards/model.js';
import type { BotEvent } from './dialogs/engine.js';
import type { Helpdesk } from './helpdesk/service.js';
import type { Incoming } from './incoming.js';
import { type OutcomeRecorder, outcomeContext } from './outcomes/recorder.js';
import type { FeedbackStore } from './storage/types.js';
import type { StepVersions } from './outcomes/latest.js';

export class Consequences {
  constructor(
    private readonly feedback: FeedbackStore,
    private readonly helpdesk: Helpdesk,
    private readonly recorder: OutcomeRecorder,
    private readonly cards: CardBuilder,
    private readonly now: (() => Date) | undefined,
    private readonly onEvent: ((event: BotEvent, conversation: string) => void | Promise<void>) | undefined,
  ) {}

  /** Carries out what a step decided (feedback, tickets) and returns the cards that follow from it. */
  async deliver(
    incoming: Incoming,
    events: BotEvent[],
    pinned: Card[] = [],
    filedRef?: string,
    /** The state versions the step read and wrote (see LatestOutcomes). */
    versions?: StepVersions,
  ): Promise<Card[]> {
    const conversation = incoming.conversation;
    const now = (this.now ?? (() => new Date()))().toISOString();
    const cards: Card[] = [];
    for (const event of events) {
      const ticket = event.type === 'ticket' ? filedRef : undefined;
      if (event.type === 'fixed')
        await this.feedback.record({
          conversation,
          topic: event.topic,
          stage: event.stage,
          fixed: true,
          lang: event.lang,
          at: now,
        });
      if (event.type === 'uploads-done') {
        const open = await this.helpdesk.openTicket(conversation);
        if (open)
          cards.push(
            this.cards.notice('ticket.uploadsDone', event.lang, { ref: open.ref, count: open.files.length }),
          );
      }
      await this.recorder.record(event, outcomeContext(incoming, now, pinned, ticket, versions));
      await this.onEvent?.(event, conversation);
    }
    this.recorder.stepDone(conversation, versions);
    return cards;
  }
}
