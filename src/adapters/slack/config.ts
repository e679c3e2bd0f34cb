/**
 * Slack settings, from the checked configuration (each token's shape is checked there; here,
 * which go together). The adapter is on when a
 * bot token is set; HTTP mode needs the signing secret, Socket Mode the app-level token.
 */
import { ConfigError } from '../../core/errors.js';
import type { Config } from '../../config/settings.js';

export type SlackConfig = Pick<
  Config,
  'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL'
>;

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Socket Mode, for workspaces that cannot expose an endpoint. */
  appToken?: string;
  /** Where the Web API client sends calls (a proxy, an Enterprise Grid gateway, a test double). */
  apiUrl?: string;
}

export function readSlackSettings(config: SlackConfig): SlackSettings | undefined {
  const botToken = config.SLACK_BOT_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  const appToken = config.SLACK_APP_TOKEN;
  const apiUrl = config.SLACK_API_URL;
  if (!botToken) {
    if (signingSecret || appToken)
      throw new ConfigError(
        'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-...).',
      );
    return undefined;
  }
  if (!appToken && !signingSecret)
    throw new ConfigError(
      'SLACK_SIGNING_SECRET (32 hex characters, from Basic Information) is required in HTTP mode.',
    );
  return { botToken, signingSecret, ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}) };
}
