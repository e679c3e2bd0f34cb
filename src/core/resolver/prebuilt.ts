/**
 * The resolver's index, built once when the content changes instead of at every start.
 *
 * Building the index analyzes every text of every topic in four languages: about 2 s on the
 * real pack and 15–30 s at 5,000 topics, at every start. `npm run build` writes it to a file
 * as compact arrays (terms numbered once, each document a run of term numbers); a start reads
 * that back, which is a parse and a few loops. The file carries a hash of everything the
 * index is made from: every content file (`dialogs/`, `locales/`: texts, phrasings, lexicon),
 * the analyzer's and the index's own source code, and ANALYZER_VERSION. A start whose hash differs
 * (content edited, code changed, no file) builds the index in memory as before, and says so,
 * so a stale file can never change an answer. The hash reads the files, not the loaded pack:
 * asking the pack for every topic's text is itself seconds at thousands of topics.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LANGUAGES } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { projectRoot } from '../knowledge/load.js';
import { Analyzer } from '../text/analyzer.js';
import { Lexicon } from '../text/lexicon.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { type IndexedDoc, ResolverIndex } from './index.js';
import type { Field } from './scoring.js';
import { decodeIndex, encodeIndex, type Serialized } from './index-file.js';

/** Bump when the analysis changes in a way the code hash below would not see (data files it reads). */
export const ANALYZER_VERSION = 1;

/**
 * The source files whose code decides what the index holds (from the project's root): a change
 * to any of them is a new hash. The sources, not the compiled modules, so that every way of
 * running the code (tsx, tsc's dist/, the bundle) agrees on the hash of the same code.
 */
const CODE = [
  'src/core/text/analyzer.ts',
  'src/core/text/ascii-words.ts',
  'src/core/text/lexicon.ts',
  'src/core/text/literals.ts',
  'src/core/text/fold.ts',
  'src/core/text/han.ts',
  'src/core/text/scripts.ts',
  'src/core/resolver/index.ts',
  'src/core/resolver/scoring.ts',
  'src/core/resolver/fuzzy.ts',
  'src/core/resolver/prebuilt.ts',
  'src/core/resolver/index-file.ts',
];

/**
 * The hash of CODE as the build computed it, written into the bundle (src/build/bundle.ts): a
 * bundled server may run where the sources are not shipped. Undefined when not bundled.
 */
declare const __INDEX_CODE_HASH__: string | undefined;

/**
 * The hash of the index's code: the bundle's own, else read from the sources of the project
 * this module is in (the code's, which is not always the content's: tests index copies of it).
 * Without the sources (a dist/ shipped alone), a hash that no prebuilt index has: the index
 * is then built in memory, never read from a file it cannot be checked against.
 */
export function codeHash(root: string = projectRoot()): string {
  if (typeof __INDEX_CODE_HASH__ === 'string') return __INDEX_CODE_HASH__;
  const files = CODE.map((file) => join(root, file));
  const missing = files.find((file) => !existsSync(file));
  if (missing) return `no source at ${missing}`;
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/** Every file under `dir`, sorted, so that the hash does not depend on the file system's order. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The hash of everything the index of the content in `root` is made from. */
export function indexHash(root: string): string {
  const hash = createHash('sha256');
  hash.update(`analyzer ${ANALYZER_VERSION}\n`);
  hash.update(`code ${codeHash()}\n`);
  for (const file of [...filesUnder(join(root, 'dialogs')), ...filesUnder(join(root, 'locales'))]) {
    hash.update(`\n${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function analyzerFor(pack: KnowledgePack): Analyzer {
  return new Analyzer(new Lexicon(Object.fromEntries(LANGUAGES.map((l) => [l, pack.lexicon(l)]))));
}

export function serializeIndex(index: ResolverIndex, hash: string): Serialized {
  const terms = [...index.idf.keys()];
  const number = new Map(terms.map((t, i) => [t, i]));
  const topics = [...new Set(index.docs.map((d) => d.topic))];
  const topicNumber = new Map(topics.map((t, i) => [t, i]));
  const fields = [...new Set(index.docs.map((d) => d.field))];
  const docTerms: number[] = [];
  const docEnd: number[] = [];
  for (const doc of index.docs) {
    for (const t of doc.terms) docTerms.push(number.get(t)!);
    docEnd.push(docTerms.length);
  }
  return {
    hash,
    indexTopics: index.topics,
    topics,
    fields,
    terms,
    idf: Float64Array.from(terms, (t) => index.idf.get(t)!),
    unknownWeight: index.unknownWeight,
    commonPostings: index.commonPostings,
    docTopic: Int32Array.from(index.docs, (d) => topicNumber.get(d.topic)!),
    docField: Int32Array.from(index.docs, (d) => fields.indexOf(d.field)),
    docWeight: Float64Array.from(index.docs, (d) => d.weight),
    docNorm: Float64Array.from(index.docs, (d) => d.norm),
    docTerms: Int32Array.from(docTerms),
    docEnd: Int32Array.from(docEnd),
  };
}

/**
 * The index as `new ResolverIndex` would have built it, from its serialized arrays. Made
 * without running the constructor (which analyzes every text): the same fields, in the same
 * order, so that the resolver cannot tell the two apart.
 */
export function restoreIndex(pack: KnowledgePack, s: Serialized): ResolverIndex {
  // Each term's documents, in document order: counted first, then filled in one pass.
  const counts = new Int32Array(s.terms.length);
  for (const t of s.docTerms) counts[t]!++;
  const lists: number[][] = Array.from(counts, (n) => new Array<number>(n));
  counts.fill(0);
  const docs: IndexedDoc[] = [];
  let start = 0;
  for (let i = 0; i < s.docEnd.length; i++) {
    const end = s.docEnd[i]!;
    for (let k = start; k < end; k++) {
      const t = s.docTerms[k]!;
      lists[t]![counts[t]!++] = i;
    }
    docs.push(new RestoredDoc(s, i, start, end));
    start = end;
  }
  const postings = new Map<string, number[]>();
  s.terms.forEach((t, i) => {
    if (lists[i]!.length) postings.set(t, lists[i]!);
  });
  const idf = new Map(s.terms.map((t, i) => [t, s.idf[i]!]));
  const fields: Omit<ResolverIndex, never> = {
    analyzer: analyzerFor(pack),
    docs,
    postings,
    idf,
    topics: s.indexTopics,
    fuzzy: new FuzzyVocabulary(s.terms.filter((t) => /^[a-z][a-z0-9]{3,}$/.test(t))),
    unknownWeight: s.unknownWeight,
    commonPostings: s.commonPostings,
  };
  return Object.assign(Object.create(ResolverIndex.prototype) as ResolverIndex, fields);
}

/**
 * A document read back. Its term set is made when first asked for: only the resolver's
 * constructor reads it, for a few hundred documents of thousands (answering reads the
 * postings, weights and norms).
 */
class RestoredDoc implements IndexedDoc {
  readonly topic: string;
  readonly field: Field;
  readonly weight: number;
  readonly norm: number;
  private set?: Set<string>;

  constructor(
    private readonly s: Serialized,
    i: number,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.topic = s.topics[s.docTopic[i]!]!;
    this.field = s.fields[s.docField[i]!]!;
    this.weight = s.docWeight[i]!;
    this.norm = s.docNorm[i]!;
  }

  get terms(): Set<string> {
    if (!this.set) {
      this.set = new Set();
      for (let k = this.start; k < this.end; k++) this.set.add(this.s.terms[this.s.docTerms[k]!]!);
    }
    return this.set;
  }
}

/** Where `npm run build` writes the index of the content in `root` (its layout: index-file.ts). */
export function prebuiltIndexFile(root: string): string {
  return join(root, 'dist', 'resolver-index.bin');
}

/** Writes the index of the content in `root` (the build step). */
export function writeIndex(pack: KnowledgePack, root: string, file = prebuiltIndexFile(root)): void {
  const index = ResolverIndex.fromPack(pack);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodeIndex(serializeIndex(index, indexHash(root))));
}

/**
 * The index of `pack`: read from `file` when it was built from this very content and code,
 * else built here. `log` says which, and why when it builds.
 */
export function loadIndex(
  pack: KnowledgePack,
  root: string,
  log: (line: string) => void,
  file = prebuiltIndexFile(root),
): ResolverIndex {
  const started = Date.now();
  const build = (why: string) => {
    const index = ResolverIndex.fromPack(pack);
    log(`resolver index: ${why}; built in memory (${Date.now() - started} ms)`);
    return index;
  };
  if (!existsSync(file)) return build(`no prebuilt index at ${file}`);
  let serialized: Serialized;
  try {
    const decoded = decodeIndex(readFileSync(file));
    if (decoded.hash !== indexHash(root))
      return build(
        `the prebuilt index ${file} was made from other content or code (npm run build remakes it)`,
      );
    serialized = decoded.read();
  } catch (error) {
    // A damaged file is not fatal: the index can always be built from the content.
    return build(`the prebuilt index ${file} cannot be read (${(error as Error).message})`);
  }
  const index = restoreIndex(pack, serialized);
  log(`resolver index: read from ${file} (${Date.now() - started} ms)`);
  return index;
}
