/**
 * What a chat platform implements to carry the bot (modelled on vercel/chat's Adapter): the
 * core knows platforms only through this interface and by name, so Teams, Slack, the terminal
 * and any platform added later are plug-ins in src/adapters/<name>/, listed in one registry
 * (src/adapters/registry.ts), each loaded only when its settings are present.
 *
 * A platform turns its raw requests into the core's input (`Incoming`, with its markup and
 * mentions already removed: the core reads plain text), hands that to `Bot`, and renders the
 * cards that come back. Out of a turn it notifies users, posts and updates helpdesk tickets in
 * its helpdesk channel, and updates the posts of pins that ended. Nothing here names an SDK type.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/settings.js';
import type { Environment } from '../config/read.js';
import type { Bot } from './bot.js';
import type { Logger } from './log/logger.js';
import type { Card } from './cards/model.js';
import type { Deliveries } from './deliveries.js';
import type { HelpdeskChannel, UserNotifier } from './helpdesk/channel.js';
import type { Lang } from './i18n/languages.js';
import type { Pin } from './pins/types.js';

/** A platform's name ('teams', 'slack', ...): what tickets, pins and outcomes record. */
export type Platform = string;

/** An HTTP endpoint of a platform (its webhook), mounted on the bot's one server. */
export interface PlatformRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Parse the body as JSON before calling `handle` (400 when it is not JSON). */
  json?: boolean;
  /** Answers the request itself (status, body), like a webhook handler. */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown, raw: Buffer): Promise<void>;
}

/** A readiness check a platform reports (its token accepted, its connection up). */
export interface PlatformCheck {
  /** `ok` when ready; anything else says what it waits for (details may follow). */
  state: string;
}

/** What the composition gives a platform when it creates it. */
export interface PlatformContext {
  bot: Bot;
  /** The checked settings (src/config): Teams and Slack read theirs from here. */
  config: Config;
  /**
   * The raw environment, for a platform whose settings src/config does not declare (one being
   * added, a test's own); a declared setting is read from `config`.
   */
  env: Environment;
  log: Logger;
  /** The language the helpdesk reads (ticket cards, refusals, the agents' modals). */
  helpdeskLang: Lang;
  /** The helpdesk channel on this platform (HELPDESK_<NAME>_CHANNEL), when set. */
  helpdeskChannel?: string;
  /** Users allowed to pin (BOT_ADMINS), besides whom the platform itself says is an admin. */
  admins: string[];
  /** Retried deliveries are handled once, whichever process receives them. */
  deliveries: Deliveries;
  /** Test seams of this platform (a local token issuer, a clock, retry timing), if any. */
  options?: Record<string, unknown>;
}

export interface ChatPlatform {
  readonly name: Platform;
  /** Its webhooks, mounted on the bot's HTTP server (none for a platform that connects out). */
  readonly routes: PlatformRoute[];
  /** Its routes answer without authentication (a local emulator): listen on loopback only. */
  readonly loopbackOnly?: boolean;
  /** Starts what runs beside the HTTP server (a socket connection, a token check). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Its readiness checks, by name (`ok` when ready); none when it has nothing to wait for. */
  checks?(): Record<string, PlatformCheck>;
  /**
   * A message's text as the core reads it: the platform's markup (mentions, links, HTML,
   * entities, quote markup) turned into plain text, quoted lines starting with `>`.
   */
  inbound(text: string): string;
  /** A card in the platform's own format (Adaptive Card, Block Kit, text). */
  render(card: Card): unknown;
  /** Sends cards to a user at the address kept on their ticket (helpdesk answers, updates). */
  readonly notifier: UserNotifier;
  /** Posts and updates ticket cards in its helpdesk channel; only when one is set. */
  readonly helpdesk?: HelpdeskChannel;
  /** Updates the post of a pinned quick fix that ended (expired, unpinned, replaced). */
  endPin(pin: Pin, card: Card): Promise<void>;
  /** Whether a user may pin quick fixes: BOT_ADMINS, or whoever the platform calls an admin. */
  isAdmin(user: string): Promise<boolean>;
}

/** A platform's module, as the registry loads it: one function that creates the platform. */
export interface PlatformModule {
  createPlatform(context: PlatformContext): ChatPlatform | Promise<ChatPlatform>;
}
