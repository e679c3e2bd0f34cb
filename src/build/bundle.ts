/**
 * The production entry points bundled (part of `npm run build`): dist/server.js (the bot,
 * src/server/main.ts) and dist/cli.js (the command line, src/cli/main.ts), with the chunks
 * they share in dist/chunks.
 *
 * Why: a start from tsc's output loads about 160 modules of this project and 1,400 of its
 * packages one by one, and Node resolves, reads and compiles each (most of a cold start, in the
 * start profile). A bundle is a few reads and compiles. The packages are bundled too (it starts
 * faster than with them left in node_modules), except those that find files next to their own
 * code (PGlite's WebAssembly and data files) or are optional (pg-native). The SDK of a platform
 * that is not configured is not even read: its module is imported only when its platform is on
 * (src/adapters/registry.ts), and it stays a chunk of its own.
 *
 * A source map is written beside each file: `node --enable-source-maps dist/server.js` gives
 * stack traces in the TypeScript sources (the maps' parse: about 0.15 s of CPU at start and
 * 50 MB resident, measured); without it, traces point into the bundle, which is not minified
 * and names each source file it holds.
 */
import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeHash } from '../core/resolver/prebuilt.js';

/** Packages left out of the bundle, and loaded from node_modules as they are. */
export const EXTERNAL = [
  // Finds its .wasm and .data files relative to its own module.
  '@electric-sql/pglite',
  // pg's optional native binding: never installed here, required only if asked for.
  'pg-native',
  // Asked for by `debug` inside a try, and installed only for development tools: left out, the
  // bundle does what a production install does without it (no colours).
  'supports-color',
];

/** The entry points `npm run build` bundles: dist/<name>.js, by name (from the project's root). */
export const ENTRIES = { server: 'src/server/main.ts', cli: 'src/cli/main.ts' };

/**
 * The options for bundling `entries` (name: source) into `outdir`. ES modules, so
 * `import.meta.url` keeps meaning "this file" (the project's root and PGlite are found from
 * it); the CommonJS packages inside call `require` for Node's own modules, which an ES module
 * does not have: the banner makes one. Split: what a dynamic import reaches (a platform and
 * its SDK) is a chunk of its own (in `outdir`/chunks), read only when imported, so the
 * command line and a bot with one platform do not compile the SDKs they never run.
 */
export function bundleOptions(root: string, entries: Record<string, string>, outdir: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(root, src)])),
    outdir: join(root, outdir),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: EXTERNAL,
    logLevel: 'warning',
    legalComments: 'none',
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    // The resolver index's code hash, computed from the sources this bundle is made of.
    define: { __INDEX_CODE_HASH__: JSON.stringify(codeHash(root)) },
  };
}

export interface Bundled {
  /** The entry files written, from the project's root. */
  files: string[];
  /** The packages bundled in, as the lockfile names them ("node_modules/a/node_modules/b"). */
  packages: string[];
}

/**
 * Bundles `entries` into `outdir` (dist/ by default: dist/server.js, dist/cli.js); the chunks
 * of an earlier build are removed first (their names change with their content).
 */
export async function bundle(
  root: string,
  entries: Record<string, string> = ENTRIES,
  outdir = 'dist',
): Promise<Bundled> {
  rmSync(join(root, outdir, 'chunks'), { recursive: true, force: true });
  const { metafile } = await build({ ...bundleOptions(root, entries, outdir), metafile: true });
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(input);
    if (m) packages.add(m[0]);
  }
  return {
    files: Object.keys(entries).map((name) => join(outdir, `${name}.js`)),
    packages: [...packages].sort(),
  };
}
