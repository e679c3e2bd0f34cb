/** `cli eval FILE.jsonl [--json]`: accuracy of the resolver on a labelled set. */
import { existsSync, readFileSync } from 'node:fs';
import type { Resolver } from '../../core/index.js';
import { parseDataset } from '../../evaluation/dataset.js';
import { evaluate, formatReport } from '../../evaluation/metrics.js';
import { predict } from '../../evaluation/predict.js';

export function evalCommand(resolver: Resolver, file: string, json: boolean): number {
  if (!existsSync(file)) {
    process.stderr.write(`eval: no such file: ${file}\n`);
    return 2;
  }
  const rows = parseDataset(readFileSync(file, 'utf8'), file);
  const predictions = predict(resolver, rows);
  const report = evaluate(rows, predictions);
  process.stdout.write((json ? JSON.stringify(report, null, 2) : formatReport(report)) + '\n');
  return 0;
}
