/**
 * Teams settings, the Bot Framework's usual names, from the checked configuration (each value's
 * shape is checked there; here, how they go together). With an app id, every request must carry a valid token (fail closed). Without one,
 * the adapter runs only in the explicit local mode (`npm start`), and says so loudly.
 */
import { ConfigError } from '../../core/errors.js';
import type { Config } from '../../config/settings.js';

export type AppType = Config['MicrosoftAppType'];

export interface TeamsSettings {
  appId: string;
  appPassword: string;
  appType: AppType;
  tenantId: string;
  /** No app id, no authentication: the local Teams client emulator only. */
  localMode: boolean;
}

export type TeamsConfig = Pick<
  Config,
  'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'BOT_LOCAL_MODE'
>;

/** The Teams settings, or undefined when Teams is not configured (the adapter stays off). */
export function readTeamsSettings(config: TeamsConfig): TeamsSettings | undefined {
  const appId = config.MicrosoftAppId;
  const appPassword = config.MicrosoftAppPassword;
  const appType = config.MicrosoftAppType;
  const tenantId = config.MicrosoftAppTenantId;
  const localMode = config.BOT_LOCAL_MODE;

  if (!appId) {
    if (appPassword)
      throw new ConfigError('MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither.');
    return localMode
      ? { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: true }
      : undefined;
  }
  if (localMode)
    throw new ConfigError('BOT_LOCAL_MODE=true is for running without MicrosoftAppId; unset one of them.');
  if (appType !== 'UserAssignedMSI' && !appPassword)
    throw new ConfigError(
      `MicrosoftAppPassword (the client secret) is required for MicrosoftAppType=${appType}.`,
    );
  if (appType !== 'MultiTenant' && !tenantId)
    throw new ConfigError(`MicrosoftAppTenantId (a GUID) is required for MicrosoftAppType=${appType}.`);
  return { appId, appPassword, appType, tenantId, localMode: false };
}
