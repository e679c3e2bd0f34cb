/**
 * `cli kb suggest [--since 30d] [--apply]`: the loop. Groups the questions the bot could not
 * answer and those whose "did you mean" suggestion people picked, proposes for each group the
 * topic it belongs to and new phrasings for it, and prints them with the patch to
 * `locales/<lang>/phrasings.json` for a content author to review. `--apply` writes the patch
 * only when the content validation passes and the evaluation does not get worse; otherwise it
 * says why and changes nothing.
 */
import type { KnowledgePack } from '../../core/knowledge/pack.js';
import { proposePhrasings, type Proposal } from '../../core/outcomes/suggest.js';
import type { Resolver } from '../../core/resolver/resolver.js';
import type { OutcomeStore } from '../../core/storage/outcomes.js';
import { unifiedDiff } from '../kb/diff.js';
import { checkPatch, describeFigures, type EvalSet, writePatches } from '../kb/gate.js';
import { phrasingPatches } from '../kb/patch.js';
import { parseSince } from '../report/period.js';
import { utcDay } from '../../core/text/dates.js';

export interface KbOptions {
  since?: string;
  apply?: boolean;
  now?: Date;
  /** The content folder (dialogs/, locales/) the patch is made for and applied to. */
  content: string;
  /** The labelled sets the patched content must do as well on. */
  evalSets: EvalSet[];
  out?: (text: string) => void;
}

const BASIS: Record<Proposal['basis'], string> = {
  chosen: 'picked from "did you mean"',
  nearest: "the resolver's nearest topic",
  none: 'no topic: nothing points to one',
};

export async function kbCommand(
  outcomes: OutcomeStore,
  deps: { pack: KnowledgePack; resolver: Resolver },
  args: string[],
  options: KbOptions,
): Promise<number> {
  const out = options.out ?? ((t: string) => void process.stdout.write(t));
  if (args[0] !== 'suggest' || args.length > 1) {
    process.stderr.write('usage: cli kb suggest [--since 30d] [--apply]\n');
    return 2;
  }
  const now = options.now ?? new Date();
  const since = parseSince(options.since ?? '30d', now);
  const list = await outcomes.list({ since, until: now.toISOString() });
  const proposals = proposePhrasings(list, { ...deps, analyzer: deps.resolver.index.analyzer });
  out(
    `${proposals.length} groups of questions the bot could not answer or people picked from "did you mean", ${utcDay(since)} to ${utcDay(now.toISOString())}\n\n`,
  );
  for (const p of proposals) out(describe(p));
  const patches = phrasingPatches(options.content, proposals);
  if (!patches.length) {
    out('No new phrasings to propose.\n');
    return 0;
  }
  out('\n' + patches.map((p) => unifiedDiff(p.file, p.before, p.after)).join(''));
  if (!options.apply) {
    out('\nReview the phrasings above; `kb suggest --apply` checks and writes them.\n');
    return 0;
  }
  const verdict = checkPatch(options.content, patches, options.evalSets);
  out(`\nThe patched content, on a copy:\n${describeFigures(verdict.figures).join('\n')}\n`);
  if (!verdict.ok) {
    out(`Refused: ${verdict.reason}\nNothing was changed.\n`);
    return 1;
  }
  const changed = writePatches(options.content, patches);
  if (changed.length) {
    out(`Refused: ${changed.join(', ')} changed while the patch was checked. Nothing was changed.\n`);
    return 1;
  }
  out(`Applied: ${patches.map((p) => p.file).join(', ')} (validation passed, the evaluation is no worse).\n`);
  return 0;
}

function describe(p: Proposal): string {
  const questions = `${p.count} question${p.count === 1 ? '' : 's'}`;
  const head = `${p.lang.padEnd(5)} ${p.topic ?? '(no topic)'}  ${questions}  (${BASIS[p.basis]})`;
  const asked = p.questions.slice(0, 5).map((q) => `        asked: "${q}"`);
  const added = p.phrasings.map((x) => `    + phrasing: "${x}"`);
  return [head, ...asked, ...added, ''].join('\n') + '\n';
}
