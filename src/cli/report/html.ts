/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script, nothing
 * fetched. Each headline figure carries `data-figure` (its path in the JSON report), and the
 * JSON itself is embedded, so a reader or a test can check one against the other. The sections
 * themselves are built in ./sections.ts; this file is the page around them.
 */
import type { Report } from '../../core/outcomes/report.js';
import { utcDay } from '../../core/text/dates.js';
import { esc } from './charts.js';
import { reportSections } from './sections.js';

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Noto Sans",sans-serif;margin:24px auto;max-width:1000px;color:#1d2330;padding:0 16px}
h1{font-size:22px}h2{font-size:16px;margin:0 0 8px}
section{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:14px 16px;margin:12px 0;overflow-x:auto}
.figures{display:flex;flex-wrap:wrap;gap:12px}.figure{display:flex;flex-direction:column;min-width:120px}
.figure .value{font-size:26px;font-weight:600}.figure .label{font-size:12px;color:#5b6473}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;border-bottom:1px solid #eee;padding:4px 6px;vertical-align:top}.num{text-align:right}`;

export function reportHtml(r: Report): string {
  const sections = reportSections(r);
  // `<` escaped so nothing in the data (a user's question) can close the script element.
  const json = JSON.stringify(r).replace(/</g, '\\u003c');
  const period = `${esc(utcDay(r.period.since))} to ${esc(utcDay(r.period.until))}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in helpdesk bot: ${period}</title>
<style>
${STYLE}
</style></head><body>
<h1>Sign-in helpdesk bot, ${period}</h1>
${sections.join('\n')}
<script type="application/json" id="report-data">${json}</script>
</body></html>
`;
}
