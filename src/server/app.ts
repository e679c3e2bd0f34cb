/**
 * Puts the bot together from the environment: the knowledge pack, the core Bot, and each
 * platform whose settings are present, behind one HTTP server:
 *
 *   POST /api/messages   Teams (MicrosoftAppId..., or BOT_LOCAL_MODE=true for the local emulator)
 *   POST /slack/events   Slack events, slash commands and interactivity (SLACK_BOT_TOKEN...)
 *   GET  /healthz        liveness, and which platforms are on
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack } from '../core/knowledge/load.js';
import { readTeamsSettings } from '../adapters/teams/config.js';
import { createTeamsEndpoint, type TeamsEndpointOptions } from '../adapters/teams/endpoint.js';
import { readSlackSettings } from '../adapters/slack/config.js';
import {
  createSlackEndpoint,
  type SlackEndpoint,
  type SlackEndpointOptions,
} from '../adapters/slack/endpoint.js';
import { MemoryDedupeStore } from '../core/storage/memory.js';
import type { DedupeStore } from '../core/storage/types.js';
import type { Storage } from '../storage/open.js';
import { createHttpServer, type HttpServer, type Route, sendJson } from './http.js';

export interface AppOptions {
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** Test seams for the Teams endpoint (local token issuer, fixed outbound credentials, retry timing). */
  teams?: Partial<Pick<TeamsEndpointOptions, 'auth' | 'credentialsFactory' | 'retry'>>;
  /** Test seams for Slack (the signature clock). */
  slack?: Partial<Pick<SlackEndpointOptions, 'now'>>;
  bot?: Bot;
  /** Where processed Slack deliveries are remembered (shared by every process of the bot). */
  dedupe?: DedupeStore;
  /** Persistent storage (embedded or PostgreSQL); without it, everything is kept in memory. */
  storage?: Storage;
}

export interface App {
  bot: Bot;
  http: HttpServer;
  platforms: { teams: boolean; slack: boolean };
  slack?: SlackEndpoint;
  /** Starts what runs beside the HTTP server (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const log = options.log ?? ((m: string) => console.log(m));
  const teams = readTeamsSettings(options.env);
  const storage = options.storage;
  const bot =
    options.bot ??
    new Bot({
      pack: loadKnowledgePack(),
      ...(storage ? { states: storage.states, feedback: storage.feedback } : {}),
    });
  const routes: Route[] = [];
  if (teams) {
    if (teams.localMode)
      log(
        '!!! LOCAL MODE: MicrosoftAppId is not set, so /api/messages accepts requests WITHOUT authentication.\n' +
          '!!! This is only for the local Teams client emulator. Never expose this port.',
      );
    const endpoint = createTeamsEndpoint({ bot, settings: teams, log, ...options.teams });
    routes.push({
      method: 'POST',
      path: '/api/messages',
      json: true,
      handle: (req, res, body) => endpoint.handle(req, res, body),
    });
  }
  const slackSettings = readSlackSettings(options.env);
  let slack: SlackEndpoint | undefined;
  if (slackSettings) {
    slack = createSlackEndpoint({
      bot,
      settings: slackSettings,
      dedupe: options.dedupe ?? storage?.dedupe ?? new MemoryDedupeStore(),
      log,
      ...options.slack,
    });
    const handle = slack.handle;
    if (handle)
      routes.push({
        method: 'POST',
        path: '/slack/events',
        handle: (req, res, _body, raw) => handle(req, res, raw),
      });
  }
  const platforms = { teams: Boolean(teams), slack: Boolean(slack) };
  routes.push({
    method: 'GET',
    path: '/healthz',
    handle: async (_req, res) => sendJson(res, 200, { status: 'ok', platforms }),
  });
  const http = createHttpServer({ routes, log });
  return {
    bot,
    platforms,
    http,
    ...(slack ? { slack } : {}),
    start: async () => slack?.start(),
    stop: async () => {
      await slack?.stop();
      await http.close();
      await storage?.close();
    },
  };
}
