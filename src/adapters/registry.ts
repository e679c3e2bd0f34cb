/**
 * The chat platforms, in one place. Each entry says how to tell from the typed settings
 * (src/config) whether the platform is configured (reading only its settings, no SDK), how it turns pasted text of
 * its own into plain text (for the CLI and the evaluation), and where its module is: the module
 * (and so its SDK) is imported only when the platform is configured.
 *
 * Adding a platform: a folder src/adapters/<name>/ whose module exports
 * `createPlatform(context): ChatPlatform` (see core/platform.ts), one entry here, and its
 * settings declared in src/config/settings.ts.
 */
import type { Environment } from '../config/read.js';
import type { Config } from '../config/settings.js';
import type { PlatformModule } from '../core/platform.js';
import { readSlackSettings } from './slack/config.js';
import { slackInbound } from './slack/markup.js';
import { readTeamsSettings } from './teams/config.js';
import { teamsInbound } from './teams/markup.js';

export interface PlatformEntry {
  /** The platform's name, as tickets, pins and outcomes record it. */
  name: string;
  /** How people call it, and what turns it on (for the error when its helpdesk channel is set without it). */
  label: string;
  requires: string;
  /**
   * Whether the settings turn it on: the checked settings (src/config) for a declared platform,
   * the raw environment for one whose settings are not declared there; throws ConfigError
   * naming a malformed setting.
   */
  configured(config: Config, env: Environment): boolean;
  /** Its message text as plain text (see `ChatPlatform.inbound`). */
  inbound(text: string): string;
  /** Its module, imported only when it is configured. */
  load(): Promise<PlatformModule>;
}

// One platform a line.
// prettier-ignore
export const PLATFORMS: readonly PlatformEntry[] = [
  { name: 'teams', label: 'Teams', requires: 'MicrosoftAppId', configured: (config) => Boolean(readTeamsSettings(config)), inbound: teamsInbound, load: () => import('./teams/platform.js') },
  { name: 'slack', label: 'Slack', requires: 'SLACK_BOT_TOKEN', configured: (config) => Boolean(readSlackSettings(config)), inbound: slackInbound, load: () => import('./slack/platform.js') },
];

/**
 * Text pasted from any chat platform as plain text: what `cli resolve` and `cli eval` read, so
 * a message copied with its mention (`<at>Bot</at>`, `<@U123>`) resolves as the bot would
 * answer it on that platform. Applied last entry first: Slack's `<https://…|label>` links
 * are read before Teams' tags, which they would look like.
 */
export function chatText(text: string, platforms: readonly PlatformEntry[] = PLATFORMS): string {
  return platforms.reduceRight((t, p) => p.inbound(t), text);
}
