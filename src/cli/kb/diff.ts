/**
 * A unified diff of two texts, line by line (what `diff -u` and `git diff` print), so that a
 * content author reviews a proposed change in the form every review tool reads. The files are
 * small (a few hundred lines), so a plain longest-common-subsequence table is enough.
 */

/** Lines of context around each change. */
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = lineOps(before.split('\n'), after.split('\n'));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change near it.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    for (let j = i; j < ops.length && j <= end + 2 * CONTEXT; j++) if (ops[j]!.kind !== ' ') end = j;
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const hunk = ops.slice(start, stop);
    const aLines = hunk.filter((o) => o.kind !== '+').length;
    const bLines = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${hunk[0]!.a + 1},${aLines} +${hunk[0]!.b + 1},${bLines} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    i = stop;
  }
  return out.join('\n') + '\n';
}

/** The edit script from a to b: kept, removed and added lines, in order, with their positions. */
function lineOps(a: string[], b: string[]): Op[] {
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i]!, a: i++, b: j++ });
    else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))
      ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
    else ops.push({ kind: '-', line: a[i]!, a: i++, b: j });
  }
  return ops;
}
