/** The settings, checked once: every malformed one named, with what it should be. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read.js';
import { SETTINGS } from '../../src/config/settings.js';
import { ConfigError } from '../../src/core/errors.js';
import { LANGUAGES } from '../../src/core/i18n/languages.js';
import { createApp } from '../../src/server/app.js';
import { silentLogger } from '../../src/core/log/logger.js';
import { localDefaults } from '../../src/dev/local.js';

const problem = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('readConfig', () => {
  it('gives every setting its default when the environment is empty', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      OUTBOX_INTERVAL_MS: 2000,
      OUTBOX_LEASE_MS: 60_000,
      OUTBOX_DISABLED: false,
      PIN_SWEEP_MS: 60_000,
      HELPDESK_LANG: 'en',
      HELPDESK_AGENTS: [],
      DATA_DIR: 'data',
      OUTCOME_RETENTION_DAYS: 90,
      MicrosoftAppType: 'MultiTenant',
    });
    expect(Object.keys(config).sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  it('types what it reads: numbers, flags, lists, trimmed text', () => {
    expect(
      readConfig({
        OUTBOX_INTERVAL_MS: ' 500 ',
        OUTBOX_DISABLED: 'true',
        BOT_ADMINS: 'U1, U2  aad-3',
        HELPDESK_SLACK_CHANNEL: ' C0HELP ',
        HELPDESK_LANG: 'zh-TW',
      }),
    ).toMatchObject({
      OUTBOX_INTERVAL_MS: 500,
      OUTBOX_DISABLED: true,
      BOT_ADMINS: ['U1', 'U2', 'aad-3'],
      HELPDESK_SLACK_CHANNEL: 'C0HELP',
      HELPDESK_LANG: 'zh-TW',
    });
  });

  it('names the setting and what it expects: not a number, a negative one, a language, a URL', () => {
    expect(problem({ OUTBOX_INTERVAL_MS: 'abc' })).toBe(
      'OUTBOX_INTERVAL_MS must be a whole number of milliseconds, 1 or more; got "abc".',
    );
    expect(problem({ PIN_SWEEP_MS: '-5' })).toBe(
      'PIN_SWEEP_MS must be a whole number of milliseconds, 1 or more; got "-5".',
    );
    expect(problem({ OUTBOX_LEASE_MS: '1e3' })).toMatch(/^OUTBOX_LEASE_MS must be a whole number/);
    expect(problem({ PORT: '70000' })).toBe('PORT must be a port number; got "70000".');
    expect(problem({ DATABASE_URL: 'mysql://db/x' })).toBe(
      'DATABASE_URL must be a postgres:// or postgresql:// URL; got "mysql://db/x".',
    );
    expect(problem({ SLACK_API_URL: 'https://slack.example/api' })).toMatch(
      /^SLACK_API_URL must be .* ending with "\/"/,
    );
    expect(problem({ OUTBOX_DISABLED: 'yes' })).toBe('OUTBOX_DISABLED must be true or false; got "yes".');
    expect(problem({ LOG_LEVEL: 'verbose' })).toMatch(
      /^LOG_LEVEL must be one of fatal, error, warn, info, debug/,
    );
  });

  it('lists the languages the pack is written in, not a list of its own', () => {
    expect(problem({ HELPDESK_LANG: 'fr' })).toBe(
      `HELPDESK_LANG must be one of ${LANGUAGES.join(', ')}; got "fr".`,
    );
  });

  it('names every malformed setting at once, in the order they are declared', () => {
    expect(problem({ HELPDESK_LANG: 'fr', OUTBOX_INTERVAL_MS: 'abc', PORT: 'eighty' }).split('\n')).toEqual([
      'PORT must be a port number; got "eighty".',
      `HELPDESK_LANG must be one of ${LANGUAGES.join(', ')}; got "fr".`,
      'OUTBOX_INTERVAL_MS must be a whole number of milliseconds, 1 or more; got "abc".',
    ]);
  });

  it('stops createApp before anything starts when a setting is malformed', async () => {
    await expect(createApp({ env: { OUTBOX_INTERVAL_MS: '0' }, log: silentLogger })).rejects.toThrow(
      /OUTBOX_INTERVAL_MS must be a whole number of milliseconds, 1 or more; got "0"/,
    );
  });

  it('has npm start write readable log lines unless LOG_FORMAT says otherwise', () => {
    expect(readConfig(localDefaults({}, 1)).LOG_FORMAT).toBe('pretty');
    expect(readConfig(localDefaults({ LOG_FORMAT: 'json' }, 1)).LOG_FORMAT).toBe('json');
  });
});
