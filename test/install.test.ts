/**
 * `npm install` prints nothing a newcomer must puzzle over: every dependency with an install
 * script is explicitly allowed or denied in package.json's `allowScripts` (npm 11.16+ warns
 * about the others, and npm 12 will skip them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pack.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Every installed package (scoped and nested too) whose package.json has an install script. */
function withInstallScripts(dir: string, found = new Set<string>()): Set<string> {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      withInstallScripts(join(dir, entry), found);
      continue;
    }
    const manifest = join(dir, entry, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      scripts?: Record<string, string>;
    };
    if (pkg.name && INSTALL_SCRIPTS.some((s) => pkg.scripts?.[s])) found.add(pkg.name);
    withInstallScripts(join(dir, entry, 'node_modules'), found);
  }
  return found;
}

describe('npm install', () => {
  it('has every install script reviewed in allowScripts (esbuild: allowed, it checks its binary)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    const reviewed = Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@.*$/, '$1'));
    const scripts = [...withInstallScripts(join(ROOT, 'node_modules'))];
    expect(scripts).toContain('esbuild');
    expect(scripts.filter((name) => !reviewed.includes(name))).toEqual([]);
    expect(pkg.allowScripts?.esbuild).toBe(true);
  });
});
