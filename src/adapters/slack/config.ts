/**
 * Slack settings, read from the environment and checked at start. The adapter is on when a
 * bot token is set; HTTP mode needs the signing secret, Socket Mode the app-level token.
 */
import { ConfigError } from '../../core/errors.js';

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Socket Mode, for workspaces that cannot expose an endpoint. */
  appToken?: string;
  /** Where the Web API client sends calls (a proxy, an Enterprise Grid gateway, a test double). */
  apiUrl?: string;
}

export function readSlackSettings(env: NodeJS.ProcessEnv): SlackSettings | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim() ?? '';
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() ?? '';
  const appToken = env.SLACK_APP_TOKEN?.trim() ?? '';
  const apiUrl = env.SLACK_API_URL?.trim() ?? '';
  if (!botToken) {
    if (signingSecret || appToken)
      throw new ConfigError(
        'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-...).',
      );
    return undefined;
  }
  if (!botToken.startsWith('xoxb-'))
    throw new ConfigError('SLACK_BOT_TOKEN must be a bot token, starting with "xoxb-".');
  if (appToken && !appToken.startsWith('xapp-'))
    throw new ConfigError('SLACK_APP_TOKEN must be an app-level token, starting with "xapp-".');
  if (!appToken && !/^[0-9a-f]{32}$/i.test(signingSecret))
    throw new ConfigError(
      'SLACK_SIGNING_SECRET (32 hex characters, from Basic Information) is required in HTTP mode.',
    );
  if (apiUrl && !/^https?:\/\/[^\s/]+(\/\S*)?\/$/.test(apiUrl))
    throw new ConfigError(
      `SLACK_API_URL must be an http(s) URL ending with "/" (like https://slack.com/api/); got "${apiUrl}".`,
    );
  return { botToken, signingSecret, ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}) };
}
