/**
 * The Teams app package: `manifest/teams/` holds the manifest template, its localizations and
 * the icons; `npm run package:teams` fills in the environment's app id and domain and zips it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { ConfigError } from '../../core/errors.js';

export interface ManifestSettings {
  MicrosoftAppId: string;
  botDomain: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

export function readManifestSettings(env: NodeJS.ProcessEnv, version: string): ManifestSettings {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  if (!GUID.test(appId))
    throw new ConfigError(
      "MicrosoftAppId must be set to the bot's application (client) id, a GUID, to build the Teams package.",
    );
  const domain = env.BOT_DOMAIN?.trim() ?? '';
  if (!HOST.test(domain))
    throw new ConfigError(
      'BOT_DOMAIN must be set to the host name where the bot is reachable (for example bot.contoso.com).',
    );
  const url = (name: string, fallback: string) => {
    const value = env[name]?.trim() || fallback;
    if (!/^https:\/\/\S+$/.test(value))
      throw new ConfigError(`${name} must be an https URL; got "${value}".`);
    return value;
  };
  return {
    MicrosoftAppId: appId,
    botDomain: domain,
    version,
    developerName: env.TEAMS_DEVELOPER_NAME?.trim() || 'IT Helpdesk',
    websiteUrl: url('TEAMS_WEBSITE_URL', `https://${domain}/`),
    privacyUrl: url('TEAMS_PRIVACY_URL', `https://${domain}/privacy`),
    termsOfUseUrl: url('TEAMS_TERMS_URL', `https://${domain}/terms`),
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
