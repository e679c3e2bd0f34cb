/**
 * `cli report [--since 7d] [--format text|json|html] [--out FILE]`: what the bot did for the
 * helpdesk over a period, from the bot's storage (DATA_DIR or DATABASE_URL).
 */
import { writeFileSync } from 'node:fs';
import { buildReport, type Report } from '../../core/outcomes/report.js';
import type { Analyzer } from '../../core/text/analyzer.js';
import type { Storage } from '../../storage/open.js';
import { reportHtml } from '../report/html.js';
import { parseSince } from '../report/period.js';
import { reportText } from '../report/text.js';

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

export async function loadReport(
  storage: Storage,
  analyzer: Analyzer,
  since: string,
  now: Date,
): Promise<Report> {
  const until = now.toISOString();
  const [outcomes, tickets, pinAudit] = await Promise.all([
    storage.outcomes.list({ since, until }),
    storage.tickets.list(),
    storage.pins.auditLog(),
  ]);
  return buildReport({ since, until, outcomes, tickets, pinAudit, analyzer });
}

export async function reportCommand(
  storage: Storage,
  analyzer: Analyzer,
  options: { since?: string; format?: string; out?: string; now?: Date },
): Promise<number> {
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const now = options.now ?? new Date();
  const report = await loadReport(storage, analyzer, parseSince(options.since ?? '7d', now), now);
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'html'
        ? reportHtml(report)
        : reportText(report);
  if (options.out) {
    writeFileSync(options.out, text);
    process.stderr.write(`report written to ${options.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
