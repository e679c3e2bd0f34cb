/**
 * Teams as a `ChatPlatform`: the Bot Framework endpoint at POST /api/messages, ticket cards in
 * the helpdesk channel (HELPDESK_TEAMS_CHANNEL) and notifications as proactive messages, and
 * the posts of ended pins updated in place. Loaded only when MicrosoftAppId (or the local mode)
 * is set.
 */
import type { ChatPlatform, PlatformContext } from '../../core/platform.js';
import { readTeamsSettings } from './config.js';
import { createTeamsEndpoint, type TeamsEndpointOptions } from './endpoint.js';
import { TeamsHelpdeskChannel, TeamsNotifier, TeamsPinPublisher } from './helpdesk.js';
import { teamsInbound } from './markup.js';

/** The test seams tests may give (a local token issuer, fixed outbound credentials, retry timing). */
export type TeamsSeams = Partial<Pick<TeamsEndpointOptions, 'auth' | 'credentialsFactory' | 'retry'>>;

export function createPlatform(context: PlatformContext): ChatPlatform {
  const { config, log } = context;
  const settings = readTeamsSettings(config);
  if (!settings) throw new Error('Teams is not configured (MicrosoftAppId, or BOT_LOCAL_MODE=true)');
  if (settings.localMode)
    log.warn(
      '!!! LOCAL MODE: MicrosoftAppId is not set, so /api/messages accepts requests WITHOUT authentication.\n' +
        '!!! This is only for the local Teams client emulator. Never expose this port.',
    );
  const endpoint = createTeamsEndpoint({
    bot: context.bot,
    settings,
    // Held while handled, no longer than the Bot Connector waits: TEAMS_HANDLING_LEASE_MS.
    deliveries: context.deliveries.withLease(config.TEAMS_HANDLING_LEASE_MS),
    helpdeskLang: context.helpdeskLang,
    admins: context.admins,
    log,
    ...(context.options as TeamsSeams | undefined),
  });
  const { proactive } = endpoint;
  const pins = new TeamsPinPublisher(proactive);
  const helpdesk =
    context.helpdeskChannel &&
    new TeamsHelpdeskChannel(proactive, {
      id: context.helpdeskChannel,
      serviceUrl: config.HELPDESK_TEAMS_SERVICE_URL,
      ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    });
  return {
    name: 'teams',
    routes: [
      {
        method: 'POST',
        path: '/api/messages',
        json: true,
        handle: (req, res, body) => endpoint.handle(req, res, body),
      },
    ],
    // Local mode answers without authentication and posts wherever a request says: never
    // reachable from another machine, however it is started.
    loopbackOnly: settings.localMode,
    start: async () => {},
    stop: async () => {},
    inbound: teamsInbound,
    render: (card) => proactive.renderer.render(card),
    notifier: new TeamsNotifier(proactive),
    ...(helpdesk ? { helpdesk } : {}),
    endPin: (pin, card) => pins.end(pin, card),
    isAdmin: async (user) => context.admins.includes(user),
  };
}
