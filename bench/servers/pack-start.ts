/**
 * A start with a generated knowledge pack (bench/synthetic.ts), built and run as the product
 * is (`node dist/...`), for the footprint benchmark:
 *   pack-start.js write <root>   builds the index of the pack in <root> and writes it (the build step)
 *   pack-start.js start <root>   reads the pack and the index, answers one question, prints the times
 * The pack is read without the content checks of loadKnowledgePack: generated text is random
 * words, whose facts do not agree between languages.
 */
import { readKnowledge } from '../../src/core/knowledge/load.js';
import { KnowledgePack } from '../../src/core/knowledge/pack.js';
import { loadIndex, prebuiltIndexFile, writeIndex } from '../../src/core/resolver/prebuilt.js';
import { Resolver } from '../../src/core/resolver/resolver.js';

const [mode, root] = process.argv.slice(2) as [string, string];
const pack = KnowledgePack.fromRaw(readKnowledge(root).raw);
const loaded = performance.now();
if (mode === 'write') {
  writeIndex(pack, root);
  process.stdout.write(
    `${JSON.stringify({ buildMs: Math.round(performance.now() - loaded), file: prebuiltIndexFile(root) })}\n`,
  );
} else {
  const said: string[] = [];
  const resolver = new Resolver(
    pack,
    loadIndex(pack, root, (l) => said.push(l)),
  );
  resolver.resolve('topic-1 sign in fails');
  process.stdout.write(
    `${JSON.stringify({ startMs: Math.round(performance.now()), packMs: Math.round(loaded), log: said })}\n`,
  );
}
