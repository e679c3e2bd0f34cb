/**
 * The second half of `npm run build`, after tsc: what a production start would otherwise
 * make on its first start, made once here.
 * - the embedded database's template folder (see src/storage/template.ts), so that a first
 *   start copies a database instead of running initdb.
 */
import { defaultTemplateDir } from '../storage/template.js';
import { makePgliteTemplate } from '../storage/pglite.js';

export async function prepare(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  await makePgliteTemplate(defaultTemplateDir());
  log(`embedded database template: ${defaultTemplateDir()} (${Date.now() - started} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await prepare();
