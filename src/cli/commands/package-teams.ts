/** `npm run package:teams`: the Teams app zip, for the app id and domain in the environment. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildTeamsPackage, readManifestSettings } from '../../adapters/teams/manifest.js';
import { projectRoot } from '../../core/knowledge/load.js';
import { loadConfig } from '../../config/read.js';

export function packageTeamsCommand(out?: string): number {
  const root = projectRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const settings = readManifestSettings(loadConfig(), version);
  const file = out ?? join(root, 'dist', 'teams-app.zip');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buildTeamsPackage(join(root, 'manifest', 'teams'), settings));
  process.stdout.write(
    `Teams app package: ${file}\n(app id ${settings.MicrosoftAppId}, domain ${settings.botDomain})\n`,
  );
  return 0;
}
