/**
 * Teams settings, the Bot Framework's usual names, read from the environment and checked at
 * start. With an app id, every request must carry a valid token (fail closed). Without one,
 * the adapter runs only in the explicit local mode (`npm start`), and says so loudly.
 */
import { ConfigError } from '../../core/errors.js';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface TeamsSettings {
  appId: string;
  appPassword: string;
  appType: AppType;
  tenantId: string;
  /** No app id, no authentication: the local Teams client emulator only. */
  localMode: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES: AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/** The Teams settings, or undefined when Teams is not configured (the adapter stays off). */
export function readTeamsSettings(env: NodeJS.ProcessEnv): TeamsSettings | undefined {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const appPassword = env.MicrosoftAppPassword ?? '';
  const appType = (env.MicrosoftAppType?.trim() || 'MultiTenant') as AppType;
  const tenantId = env.MicrosoftAppTenantId?.trim() ?? '';
  const localMode = env.BOT_LOCAL_MODE === 'true';

  if (!appId) {
    if (appPassword)
      throw new ConfigError('MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither.');
    return localMode
      ? { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: true }
      : undefined;
  }
  if (localMode)
    throw new ConfigError('BOT_LOCAL_MODE=true is for running without MicrosoftAppId; unset one of them.');
  if (!GUID.test(appId))
    throw new ConfigError(
      `MicrosoftAppId must be the bot's application (client) id, a GUID; got "${appId}".`,
    );
  if (!APP_TYPES.includes(appType))
    throw new ConfigError(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')}; got "${appType}".`);
  if (appType !== 'UserAssignedMSI' && !appPassword)
    throw new ConfigError(
      `MicrosoftAppPassword (the client secret) is required for MicrosoftAppType=${appType}.`,
    );
  if (appType !== 'MultiTenant' && !GUID.test(tenantId))
    throw new ConfigError(`MicrosoftAppTenantId (a GUID) is required for MicrosoftAppType=${appType}.`);
  return { appId, appPassword, appType, tenantId, localMode: false };
}
