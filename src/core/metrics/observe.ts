/** Times a turn and tells the observer what came of it, whether it answered or failed. */
import type { Incoming, Outgoing } from '../bot.js';
import type { Turn, TurnObserver } from './observer.js';

export type { TurnObserver } from './observer.js';

export async function observed(
  handled: Promise<Outgoing>,
  incoming: Incoming,
  observer: TurnObserver,
): Promise<Outgoing> {
  const started = performance.now();
  const base = {
    platform: incoming.platform ?? ('terminal' as const),
    kind: incoming.files?.length
      ? ('files' as const)
      : incoming.action
        ? ('action' as const)
        : ('message' as const),
  };
  const seconds = () => (performance.now() - started) / 1000;
  let turn: Turn;
  try {
    const out = await handled;
    turn = {
      ...base,
      lang: out.cards[0]?.lang ?? out.events[0]?.lang,
      seconds: seconds(),
      events: out.events,
      failed: false,
    };
    observer.turn(turn);
    return out;
  } catch (error) {
    // Counted as failed, then the caller gets the error as if nobody had looked.
    observer.turn({ ...base, lang: undefined, seconds: seconds(), events: [], failed: true });
    throw error;
  }
}
