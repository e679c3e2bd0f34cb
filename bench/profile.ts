/**
 * Reads a V8 .cpuprofile and sums self time by package (or by folder of this project), to say
 * what dominates the cost of a message. Idle time is left out, so shares are of busy time.
 * A function in a bundle (src/build/bundle.ts) is placed by the bundle's source map: its
 * package or source file, not the bundle's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * The nodes under a call into the inspector: the profiler stopping and writing out the
 * profile, which lands in the profile's last samples (a tenth of a short pass) but is no cost
 * of the server.
 */
function inspectorOwn(nodes: ProfileNode[]): Set<number> {
  const own = new Set<number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const mark = (id: number): void => {
    own.add(id);
    for (const c of byId.get(id)?.children ?? []) mark(c);
  };
  for (const n of nodes) if (n.callFrame.url.startsWith('node:inspector')) mark(n.id);
  return own;
}

/** The source a profiled function came from: through its file's source map when there is one. */
function sourceOf(maps: Map<string, SourceMap | undefined>, frame: ProfileNode['callFrame']): string {
  const { url } = frame;
  if (!url.startsWith('file:')) return url;
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  const entry = maps.get(url)?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && 'originalSource' in entry && entry.originalSource ? entry.originalSource : url;
}

export function byPackage(file: string): { pkg: string; selfPct: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const maps = new Map<string, SourceMap | undefined>();
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, source: sourceOf(maps, n.callFrame) }]));
  const self = new Map<string, number>();
  const inspector = inspectorOwn(profile.nodes);
  profile.samples.forEach((id, i) => {
    const { source: url, callFrame } = byId.get(id)!;
    const { functionName } = callFrame;
    if (functionName === '(idle)' || inspector.has(id)) return;
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const own = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
    const pkg = dependency
      ? dependency[1]!
      : own
        ? own[1]!
        : url.startsWith('node:')
          ? 'node internals'
          : url.startsWith('wasm://')
            ? 'WebAssembly (PGlite)'
            : functionName.startsWith('(')
              ? functionName
              : url !== callFrame.url
                ? // A package's own source map names sources by their repository's address.
                  'packages (by their own source maps)'
                : /\/dist\/.*\.js$/.test(url)
                  ? // esbuild's wrappers that run a bundled module (and compile it) when first required.
                    'bundle (module wrappers)'
                  : 'V8/native';
    self.set(pkg, (self.get(pkg) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([pkg, v]) => ({ pkg, selfPct: Math.round((v / busy) * 1000) / 10 }));
}
