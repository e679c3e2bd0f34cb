/**
 * The second half of `npm run build`, after tsc: the production entry points bundled (see
 * bundle.ts), and what a production start would otherwise make on its first start, made
 * once here.
 * - the embedded database's template folder (see src/storage/template.ts), so that a first
 *   start copies a database instead of running initdb;
 * - the resolver's index of the content (see src/core/resolver/prebuilt.ts), so that a start
 *   reads it instead of analyzing every text.
 */
import { bundle } from './bundle.js';
import { loadKnowledgePack, projectRoot } from '../core/knowledge/load.js';
import { prebuiltIndexFile, writeIndex } from '../core/resolver/prebuilt.js';
import { defaultTemplateDir } from '../storage/template.js';
import { makePgliteTemplate } from '../storage/pglite.js';

export async function prepare(log: (line: string) => void = console.log): Promise<void> {
  let started = Date.now();
  const root = projectRoot();
  writeIndex(loadKnowledgePack(root), root);
  log(`resolver index: ${prebuiltIndexFile(root)} (${Date.now() - started} ms)`);
  started = Date.now();
  await makePgliteTemplate(defaultTemplateDir());
  log(`embedded database template: ${defaultTemplateDir()} (${Date.now() - started} ms)`);
  started = Date.now();
  const { files, packages } = await bundle(root);
  log(`bundled: ${files.join(', ')}, with ${packages.length} packages (${Date.now() - started} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare();
