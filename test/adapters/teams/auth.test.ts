/**
 * With an app id set, /api/messages fails closed: a request without a valid Bot Framework
 * token gets 401 and never reaches the core. Tokens are checked against a local issuer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { Bot } from '../../../src/core/bot.js';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { LocalIssuer } from '../../helpers/openid.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import * as A from './activities.js';
import { readConfig } from '../../../src/config/read.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const APP_ID = '6f1c2a3b-0000-4000-8000-00000000b07a';

/** Outbound calls get a fixed token instead of asking Azure AD (unreachable here). */
class FixedCredentials extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string) {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials() {
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', 'Bearer outbound-test-token');
        return request;
      },
    } as never;
  }
}

const issuer = new LocalIssuer();
const connector = new FakeConnector();
let app: App;
let base = '';
let reached = 0;

beforeAll(async () => {
  await Promise.all([issuer.start(), connector.start()]);
  const bot = new Bot({ pack: realPack(), resolver: realResolver() });
  const handle = bot.handle.bind(bot);
  bot.handle = (incoming) => {
    reached++;
    return handle(incoming);
  };
  app = await createApp({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    },
    bot,
    log: silentLogger,
    teams: {
      auth: { openIdMetadataUrl: issuer.metadataUrl, tokenIssuer: issuer.issuer },
      credentialsFactory: new FixedCredentials(),
    },
  });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.http.close();
  await Promise.all([issuer.stop(), connector.stop()]);
});
beforeEach(() => {
  reached = 0;
  connector.clear();
});

async function send(authorization?: string) {
  const activity = A.message(connector.url, 'Sign-in address not found');
  return (await postActivity(base, activity, authorization ? { authorization } : {})).status;
}

const claims = () => ({ aud: APP_ID, serviceurl: connector.url });

describe('Teams authentication', () => {
  it('accepts a valid token: the core answers and replies go out with the bot credentials', async () => {
    expect(await send(`Bearer ${issuer.token(claims())}`)).toBe(200);
    expect(reached).toBe(1);
    expect(connector.calls[0]?.authorization).toBe('Bearer outbound-test-token');
  });

  it.each([
    ['no token', () => undefined],
    ['a malformed token', () => 'Bearer not.a.jwt'],
    ['a token that is not a bearer token', () => `Basic ${Buffer.from('user:pass').toString('base64')}`],
    [
      'a token signed by an unknown key',
      () => `Bearer ${issuer.token(claims(), { key: issuer.strangerKey })}`,
    ],
    [
      'a token with an unknown key id',
      () => `Bearer ${issuer.token(claims(), { key: issuer.strangerKey, kid: 'other' })}`,
    ],
    [
      'a token for another bot (wrong audience)',
      () => `Bearer ${issuer.token({ ...claims(), aud: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'an expired token',
      () =>
        `Bearer ${issuer.token({ ...claims(), exp: Math.floor(Date.now() / 1000) - 3600, nbf: 0, iat: 0 })}`,
    ],
    [
      'a token from another issuer',
      () => `Bearer ${issuer.token({ ...claims(), iss: 'https://evil.example' })}`,
    ],
  ])('rejects %s with 401, before the core', async (_, header) => {
    expect(await send(header())).toBe(401);
    expect(reached).toBe(0);
    expect(connector.calls).toEqual([]);
  });
});

describe('Teams settings', () => {
  it('refuses to start with half a configuration, naming the setting', async () => {
    const { readTeamsSettings } = await import('../../../src/adapters/teams/config.js');
    expect(() => readTeamsSettings(readConfig({ MicrosoftAppPassword: 'x' }))).toThrow(/MicrosoftAppId/);
    expect(() => readTeamsSettings(readConfig({ MicrosoftAppId: 'bot' }))).toThrow(/GUID/);
    expect(() => readTeamsSettings(readConfig({ MicrosoftAppId: APP_ID }))).toThrow(/MicrosoftAppPassword/);
    expect(() =>
      readTeamsSettings(
        readConfig({
          MicrosoftAppId: APP_ID,
          MicrosoftAppPassword: 'x',
          MicrosoftAppType: 'SingleTenant',
        }),
      ),
    ).toThrow(/MicrosoftAppTenantId/);
    expect(() =>
      readTeamsSettings(
        readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'Other' }),
      ),
    ).toThrow(/MicrosoftAppType/);
    expect(() =>
      readTeamsSettings(
        readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', BOT_LOCAL_MODE: 'true' }),
      ),
    ).toThrow(/BOT_LOCAL_MODE/);
    expect(readTeamsSettings(readConfig({}))).toBeUndefined();
    expect(readTeamsSettings(readConfig({ BOT_LOCAL_MODE: 'true' }))).toMatchObject({
      localMode: true,
      appId: '',
    });
  });
});
