/** The Slack app manifest asks for what the bot uses, and no more. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/pack.js';

const manifest = parse(readFileSync(join(ROOT, 'manifest', 'slack', 'manifest.yml'), 'utf8'));

describe('Slack app manifest', () => {
  it('has the bot user, the slash command, the App Home and interactivity on one endpoint', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/signin-help', url: expect.stringMatching(/\/slack\/events$/) }),
    ]);
    expect(manifest.settings.interactivity).toMatchObject({
      is_enabled: true,
      request_url: expect.stringMatching(/\/slack\/events$/),
    });
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  });

  it('subscribes to the events the adapter handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
  });

  it('asks for exactly the scopes those events and calls need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'files:read',
      'groups:history',
      'im:history',
      'pins:write',
      'users:read',
    ]);
  });

  it('names the command the adapter listens to', () => {
    const source = readFileSync(join(ROOT, 'src', 'adapters', 'slack', 'listeners', 'command.ts'), 'utf8');
    expect(source).toContain(`'${manifest.features.slash_commands[0].command}'`);
  });
});
