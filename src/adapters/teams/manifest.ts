/**
 * The Teams app package: `manifest/teams/` holds the manifest template, its localizations and
 * the icons; `npm run package:teams` fills in the environment's app id and domain and zips it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { ConfigError } from '../../core/errors.js';
import type { Config } from '../../config/settings.js';

export interface ManifestSettings {
  MicrosoftAppId: string;
  botDomain: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

export type ManifestConfig = Pick<
  Config,
  | 'MicrosoftAppId'
  | 'BOT_DOMAIN'
  | 'TEAMS_DEVELOPER_NAME'
  | 'TEAMS_WEBSITE_URL'
  | 'TEAMS_PRIVACY_URL'
  | 'TEAMS_TERMS_URL'
>;

/** The package's settings; their shapes are checked by the configuration, their presence here. */
export function readManifestSettings(config: ManifestConfig, version: string): ManifestSettings {
  const appId = config.MicrosoftAppId;
  if (!appId)
    throw new ConfigError(
      "MicrosoftAppId must be set to the bot's application (client) id, a GUID, to build the Teams package.",
    );
  const domain = config.BOT_DOMAIN;
  if (!domain)
    throw new ConfigError(
      'BOT_DOMAIN must be set to the host name where the bot is reachable (for example bot.contoso.com).',
    );
  return {
    MicrosoftAppId: appId,
    botDomain: domain,
    version,
    developerName: config.TEAMS_DEVELOPER_NAME,
    websiteUrl: config.TEAMS_WEBSITE_URL || `https://${domain}/`,
    privacyUrl: config.TEAMS_PRIVACY_URL || `https://${domain}/privacy`,
    termsOfUseUrl: config.TEAMS_TERMS_URL || `https://${domain}/terms`,
  };
}

/** Every file of the package, with the settings filled into the JSON ones. */
export function packageFiles(dir: string, settings: ManifestSettings): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const content = readFileSync(join(dir, name));
    if (!name.endsWith('.json')) {
      files.set(name, content);
      continue;
    }
    const filled = content.toString('utf8').replace(/\{\{(\w+)\}\}/g, (m, key: string) => {
      const value = settings[key as keyof ManifestSettings];
      if (value === undefined) throw new ConfigError(`${name}: unknown placeholder ${m}`);
      return value;
    });
    files.set(name, Buffer.from(filled, 'utf8'));
  }
  return files;
}

export function buildTeamsPackage(dir: string, settings: ManifestSettings): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of packageFiles(dir, settings)) zip.addFile(name, content);
  return zip.toBuffer();
}
