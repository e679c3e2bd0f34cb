/**
 * `node --import ./test/helpers/production-only.mjs dist/...`: the process as it would run
 * after `npm ci --omit=dev`. Every module Node resolves that lives in a package the lockfile
 * marks as needed by development dependencies only (`"dev": true`) fails to load, as it would
 * in a production install where it is not there, and is listed on stderr. Plain JavaScript:
 * it runs under plain node, with no TypeScript loader.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { register } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;

/** The lockfile's key of the package a file is in ("node_modules/a/node_modules/@b/c"). */
function packageOf(file) {
  const rel = relative(ROOT, file).split('\\').join('/');
  const m = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(rel);
  return m ? m[0] : undefined;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!resolved.url.startsWith('file:')) return resolved;
  const key = packageOf(fileURLToPath(resolved.url));
  if (key && LOCK[key]?.dev) {
    const from = context.parentURL ? relative(ROOT, fileURLToPath(context.parentURL)) : '(entry)';
    process.stderr.write(`development dependency loaded in production: ${key} (from ${from})\n`);
    throw new Error(`Cannot find package '${specifier}' (a development dependency) imported from ${from}`);
  }
  return resolved;
}

// This file is also the hooks module (registered in Node's loader thread).
if (!process.env.PRODUCTION_ONLY_REGISTERED) {
  process.env.PRODUCTION_ONLY_REGISTERED = '1';
  register(import.meta.url);
}
