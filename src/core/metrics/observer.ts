/**
 * What the bot tells a dashboard about each turn (one message, button or upload handled):
 * where it came from, in which language it was answered, how long it took and what the
 * engine decided (its events). The core calls this; what counts it (Prometheus, in
 * src/server/metrics.ts) is chosen at start, so the core stays free of any metrics library.
 */
import type { BotEvent } from '../dialogs/engine.js';
import type { Platform } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';

export interface Turn {
  platform: Platform;
  kind: 'message' | 'action' | 'files';
  /** The language of the answer; undefined when nothing was answered (a failure). */
  lang: Lang | undefined;
  seconds: number;
  events: readonly BotEvent[];
  failed: boolean;
}

export interface TurnObserver {
  turn(turn: Turn): void;
}
