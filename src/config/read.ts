/**
 * Reads the settings once, at start: every declared setting is checked, and all that are
 * wrong are named together in one ConfigError ("OUTBOX_INTERVAL_MS must be a whole number of
 * milliseconds, 1 or more; got "abc"."), so an operator fixes them in one go instead of one
 * restart each. Nothing else in src/ reads process.env (test/architecture.test.ts checks it).
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { type Config, type SettingName, SETTINGS } from './settings.js';

/** The raw environment: variable name to text, as the process (or a test) has it. */
export type Environment = Readonly<Record<string, string | undefined>>;

const names = Object.keys(SETTINGS) as SettingName[];
const schema = z.object(
  Object.fromEntries(names.map((name) => [name, SETTINGS[name].kind.schema])) as {
    [K in SettingName]: (typeof SETTINGS)[K]['kind']['schema'];
  },
);

/** The typed settings from `env`; throws a ConfigError naming each malformed one. */
export function readConfig(env: Environment): Config {
  const raw = Object.fromEntries(names.map((name) => [name, env[name]]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as Config;
  const problems = parsed.error.issues
    .map((issue) => String(issue.path[0]) as SettingName)
    .sort((a, b) => names.indexOf(a) - names.indexOf(b))
    .map((name) => `${name} must be ${SETTINGS[name].kind.expected}; got "${env[name] ?? ''}".`);
  throw new ConfigError(problems.join('\n'));
}

/** This process's environment, for child processes that inherit it. */
export function processEnvironment(): Environment {
  return process.env;
}

/** This process's settings (`npm run serve`, `npm start`, the CLI). */
export function loadConfig(): Config {
  return readConfig(process.env);
}
