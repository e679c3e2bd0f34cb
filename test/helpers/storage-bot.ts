/** A bot on persistent storage, every store wired as the server wires them, on a clock. */
import { Bot } from '../../src/core/bot.js';
import { Helpdesk } from '../../src/core/helpdesk/service.js';
import { PinService } from '../../src/core/pins/service.js';
import type { Storage } from '../../src/storage/open.js';
import { DESK } from './helpdesk.js';
import { realPack, realResolver } from './pack.js';

export function botOnStorage(storage: Storage, clock: () => Date = () => new Date()): Bot {
  const pack = realPack();
  const helpdesk = new Helpdesk({
    tickets: storage.tickets,
    uploads: pack.escalation.uploads,
    channels: [],
    desks: { slack: DESK.channel! },
    now: clock,
  });
  return new Bot({
    pack,
    resolver: realResolver(),
    helpdesk,
    states: storage.states,
    feedback: storage.feedback,
    outcomes: storage.outcomes,
    sentCards: storage.sentCards,
    pins: new PinService(storage.pins, pack, realResolver(), clock),
    now: clock,
  });
}
