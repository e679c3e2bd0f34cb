/**
 * Every setting the bot reads from its environment, declared once: its kind (type, default,
 * what is expected), the group and sentence that document it. `.env.example` and the README's
 * settings table are generated from this list (`npm run -s settings:docs`), and a test fails
 * when they drift; `readConfig` checks every value against it at start.
 */
import { LANGUAGES } from '../core/i18n/languages.js';
import { DEFAULT_RETENTION_DAYS } from '../core/outcomes/retention.js';
import { flag, type Kind, list, matching, oneOf, port, text, url, weekly, whole } from './kinds.js';

export type Group =
  | 'Server'
  | 'Microsoft Teams'
  | 'Slack'
  | 'Storage'
  | 'Helpdesk'
  | 'Pinned quick fixes'
  | 'Outcomes'
  | 'Teams app package'
  | 'Local development';

export interface Setting<T> {
  kind: Kind<T>;
  group: Group;
  /** What it does, for `.env.example` and the README. */
  doc: string;
  /** The value `.env.example` shows; `set` writes the line uncommented (a value to fill in). */
  example?: string;
  set?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const setting = <T>(s: Setting<T>) => s;

export const SETTINGS = {
  PORT: setting({
    kind: port(3978),
    group: 'Server',
    doc: 'HTTP port for /api/messages (Teams), /slack/events (Slack), /healthz, /readyz and /metrics.',
    example: '3978',
    set: true,
  }),
  LOG_LEVEL: setting({
    kind: oneOf(LOG_LEVELS, 'info'),
    group: 'Server',
    doc: 'The lowest level of log line written.',
    example: 'info',
  }),
  LOG_FORMAT: setting({
    kind: oneOf(['json', 'pretty'] as const, 'json'),
    group: 'Server',
    doc: 'json: one JSON object a line, for a log pipeline; pretty: readable lines (npm start uses it).',
    example: 'json',
  }),
  MicrosoftAppId: setting({
    kind: matching(GUID, "the bot's application (client) id, a GUID"),
    group: 'Microsoft Teams',
    doc: "The Azure Bot's application (client) id. With it set, every request must carry a valid Bot Framework token (401 otherwise).",
    set: true,
  }),
  MicrosoftAppPassword: setting({
    kind: text('the client secret'),
    group: 'Microsoft Teams',
    doc: 'The client secret (not needed for UserAssignedMSI).',
    set: true,
  }),
  MicrosoftAppType: setting({
    kind: oneOf(APP_TYPES, 'MultiTenant'),
    group: 'Microsoft Teams',
    doc: 'How the bot authenticates.',
    example: 'MultiTenant',
    set: true,
  }),
  MicrosoftAppTenantId: setting({
    kind: matching(GUID, 'the tenant id, a GUID'),
    group: 'Microsoft Teams',
    doc: 'The tenant id, required for SingleTenant and UserAssignedMSI.',
    set: true,
  }),
  BOT_LOCAL_MODE: setting({
    kind: flag(),
    group: 'Microsoft Teams',
    doc: 'Only for local development without an app id: accept unauthenticated requests. Never on a server reachable from the network; npm start sets it.',
    example: 'true',
  }),
  TEAMS_HANDLING_LEASE_MS: setting({
    kind: whole('milliseconds', 15_000),
    group: 'Microsoft Teams',
    doc: "How long a Teams activity is held while it is handled: a redelivery finds it busy (503) until then, and a killed process's after it. The Bot Connector waits 15 s for an answer.",
    example: '15000',
  }),
  SLACK_BOT_TOKEN: setting({
    kind: matching(/^xoxb-\S+$/, 'a bot token, starting with "xoxb-"'),
    group: 'Slack',
    doc: 'The bot token (OAuth & Permissions → Bot User OAuth Token). Slack is on when it is set.',
    set: true,
  }),
  SLACK_SIGNING_SECRET: setting({
    kind: matching(/^[0-9a-f]{32}$/i, 'the signing secret, 32 hex characters, from Basic Information'),
    group: 'Slack',
    doc: 'HTTP mode: Basic Information → Signing Secret. Requests to /slack/events are verified with it.',
    set: true,
  }),
  SLACK_APP_TOKEN: setting({
    kind: matching(/^xapp-\S+$/, 'an app-level token, starting with "xapp-"'),
    group: 'Slack',
    doc: 'Socket Mode instead of HTTP (workspaces that cannot expose an endpoint): an app-level token with connections:write.',
  }),
  SLACK_API_URL: setting({
    kind: url(['http', 'https'], { trailingSlash: true }),
    group: 'Slack',
    doc: 'Where Web API calls go (a proxy, an Enterprise Grid gateway).',
    example: 'https://slack.com/api/',
  }),
  SLACK_HANDLING_LEASE_MS: setting({
    kind: whole('milliseconds', 45_000),
    group: 'Slack',
    doc: "How long a Slack delivery is held while it is handled (a killed process's after this).",
    example: '45000',
  }),
  DATABASE_URL: setting({
    kind: url(['postgres', 'postgresql']),
    group: 'Storage',
    doc: 'PostgreSQL for more than one bot process (the same migrations as the embedded store).',
    example: 'postgres://signin:secret@db.contoso.com:5432/signin',
  }),
  DATABASE_SCHEMA: setting({
    kind: matching(/^[a-z_][a-z0-9_]{0,62}$/, 'a schema name (lower-case letters, digits, _)'),
    group: 'Storage',
    doc: 'A schema of its own in that database (created when missing), to share one database.',
    example: 'signin',
  }),
  DATA_DIR: setting({
    kind: text('a folder', 'data'),
    group: 'Storage',
    doc: 'Without DATABASE_URL, the data stays in an embedded database (PGlite) in this folder.',
    example: './data',
  }),
  HELPDESK_SLACK_CHANNEL: setting({
    kind: matching(/^[CG][A-Z0-9]+$/, 'a Slack channel id (C…)'),
    group: 'Helpdesk',
    doc: 'Where ticket cards go on Slack.',
  }),
  HELPDESK_TEAMS_CHANNEL: setting({
    kind: text('a Teams channel id (19:…@thread.tacv2)'),
    group: 'Helpdesk',
    doc: 'Where ticket cards go on Teams.',
  }),
  HELPDESK_AGENTS: setting({
    kind: list('Teams AAD object ids and Slack user ids'),
    group: 'Helpdesk',
    doc: 'Ticket buttons work only in the helpdesk channels; this narrows it to some people in them.',
  }),
  HELPDESK_TEAMS_SERVICE_URL: setting({
    kind: url(['http', 'https'], { fallback: 'https://smba.trafficmanager.net/teams/' }),
    group: 'Helpdesk',
    doc: "The Bot Framework service URL of the team's region, for posting to that channel.",
    example: 'https://smba.trafficmanager.net/teams/',
  }),
  HELPDESK_LANG: setting({
    kind: oneOf(LANGUAGES, 'en'),
    group: 'Helpdesk',
    doc: 'The language of the ticket cards.',
    example: 'en',
  }),
  OUTBOX_DISABLED: setting({
    kind: flag(),
    group: 'Helpdesk',
    doc: 'true: this process receives but does not send (a separate worker sends).',
    example: 'true',
  }),
  OUTBOX_INTERVAL_MS: setting({
    kind: whole('milliseconds', 2000),
    group: 'Helpdesk',
    doc: 'How often the outbox (ticket cards, notifications) is looked at, besides when something is added.',
    example: '2000',
  }),
  OUTBOX_LEASE_MS: setting({
    kind: whole('milliseconds', 60_000),
    group: 'Helpdesk',
    doc: "How long an outbox item is held by the process sending it (a killed process's items are taken again after this); longer than a post takes.",
    example: '60000',
  }),
  BOT_ADMINS: setting({
    kind: list('Teams AAD object ids and Slack user ids'),
    group: 'Pinned quick fixes',
    doc: 'Who may pin (Slack workspace admins may anyway).',
  }),
  PIN_SWEEP_MS: setting({
    kind: whole('milliseconds', 60_000),
    group: 'Pinned quick fixes',
    doc: 'How often expired pins are ended and their posts updated.',
    example: '60000',
  }),
  OUTCOME_RETENTION_DAYS: setting({
    kind: whole('days', DEFAULT_RETENTION_DAYS),
    group: 'Outcomes',
    doc: 'How many days the record of each question (the question, redacted, and how it ended) is kept before it is deleted; checked hourly.',
    example: '90',
  }),
  DIGEST_WEEKLY: setting({
    kind: weekly(),
    group: 'Outcomes',
    doc: "Once a week, post the week's headline figures to each helpdesk channel (needs one); unset: no digest.",
    example: 'mon 09:00 Europe/Paris',
  }),
  BOT_DOMAIN: setting({
    kind: matching(HOST, 'the host name where the bot is reachable (for example bot.contoso.com)'),
    group: 'Teams app package',
    doc: 'The host in the Teams app package (npm run package:teams).',
    example: 'bot.contoso.com',
  }),
  TEAMS_DEVELOPER_NAME: setting({
    kind: text('a name', 'IT Helpdesk'),
    group: 'Teams app package',
    doc: "The developer's name shown in the Teams app's details.",
    example: 'IT Helpdesk',
  }),
  TEAMS_WEBSITE_URL: setting({
    kind: url(['https']),
    group: 'Teams app package',
    doc: "The app's website (default https://BOT_DOMAIN/).",
  }),
  TEAMS_PRIVACY_URL: setting({
    kind: url(['https']),
    group: 'Teams app package',
    doc: 'The privacy statement (default https://BOT_DOMAIN/privacy).',
  }),
  TEAMS_TERMS_URL: setting({
    kind: url(['https']),
    group: 'Teams app package',
    doc: 'The terms of use (default https://BOT_DOMAIN/terms).',
  }),
  PLAYGROUND_PORT: setting({
    kind: port(56150),
    group: 'Local development',
    doc: "npm start: the Teams client emulator's port (another is chosen when it is taken).",
    example: '56150',
  }),
};

export type SettingName = keyof typeof SETTINGS;

/** Every setting, typed: what `readConfig` returns and the rest of the bot is handed. */
export type Config = {
  readonly [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;
};
