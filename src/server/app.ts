/**
 * Puts the bot together from the environment: the knowledge pack, the core Bot, and each
 * platform whose settings are present, behind one HTTP server:
 *
 *   POST /api/messages   Teams (MicrosoftAppId..., or BOT_LOCAL_MODE=true for the local emulator)
 *   GET  /healthz        liveness, and which platforms are on
 */
import { Bot } from '../core/bot.js';
import { loadKnowledgePack } from '../core/knowledge/load.js';
import { readTeamsSettings } from '../adapters/teams/config.js';
import { createTeamsEndpoint, type TeamsEndpointOptions } from '../adapters/teams/endpoint.js';
import { createHttpServer, type HttpServer, type Route, sendJson } from './http.js';

export interface AppOptions {
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** Test seams for the Teams endpoint (local token issuer, fixed outbound credentials, retry timing). */
  teams?: Partial<Pick<TeamsEndpointOptions, 'auth' | 'credentialsFactory' | 'retry'>>;
  bot?: Bot;
}

export interface App {
  bot: Bot;
  http: HttpServer;
  platforms: { teams: boolean };
}

export function createApp(options: AppOptions): App {
  const log = options.log ?? ((m: string) => console.log(m));
  const teams = readTeamsSettings(options.env);
  const bot = options.bot ?? new Bot({ pack: loadKnowledgePack() });
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
  const platforms = { teams: Boolean(teams) };
  routes.push({
    method: 'GET',
    path: '/healthz',
    handle: async (_req, res) => sendJson(res, 200, { status: 'ok', platforms }),
  });
  return { bot, platforms, http: createHttpServer({ routes, log }) };
}
