/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script, nothing
 * fetched. Each headline figure carries `data-figure` (its path in the JSON report), and the
 * JSON itself is embedded, so a reader or a test can check one against the other.
 */
import type { Duration, Report } from '../../core/outcomes/report.js';
import { COLORS, esc, horizontalBars, ring, stackedBars } from './charts.js';
import { utcDay } from '../../core/text/dates.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 1000) / 10}%`);

/** A headline figure: shown as `shown`, with the JSON value at `path` in `data-value`. */
function figure(
  path: string,
  value: number | null,
  label: string,
  shown: string = String(value ?? '-'),
): string {
  return `<div class="figure"><span class="value" data-figure="${esc(path)}" data-value="${JSON.stringify(value)}">${esc(shown)}</span><span class="label">${esc(label)}</span></div>`;
}

function minutes(path: string, d: Duration, label: string): string {
  return figure(`${path}.medianMinutes`, d.medianMinutes, `${label}, median minutes (${d.count})`);
}

export function reportHtml(r: Report): string {
  const t = r.totals;
  const platforms = [...new Set(r.days.flatMap((d) => Object.keys(d.platforms)))].sort();
  const languages = [...new Set(r.days.flatMap((d) => Object.keys(d.languages)))].sort();
  const dayLabels = r.days.map((d) => d.day);
  const sections = [
    `<section class="figures">
      ${figure('totals.questions', t.questions, 'questions')}
      ${figure('totals.fixed', t.fixed, 'fixed by the bot')}
      ${figure('totals.fixedShare', t.fixedShare, 'fixed without a person', pct(t.fixedShare))}
      ${figure('escalations.tickets', r.escalations.tickets, 'tickets filed')}
      ${figure('totals.endings.unanswered', t.endings.unanswered, 'unanswered')}
      ${minutes('tickets.toClaim', r.tickets.toClaim, 'to claim')}
      ${minutes('tickets.toResolve', r.tickets.toResolve, 'to resolve')}
    </section>`,
    `<section><h2>How questions ended</h2>${ring(
      'endings',
      'How questions ended',
      Object.entries(t.endings).map(([label, value]) => ({ label, value })),
      pct(t.fixedShare),
    )}</section>`,
    `<section><h2>Questions per day, by platform</h2>${stackedBars(
      'days-platform',
      'Questions per day by platform',
      dayLabels,
      platforms.map((p) => ({ name: p, values: r.days.map((d) => d.platforms[p] ?? 0) })),
    )}</section>`,
    `<section><h2>Questions per day, by language</h2>${stackedBars(
      'days-language',
      'Questions per day by language',
      dayLabels,
      languages.map((l) => ({ name: l, values: r.days.map((d) => d.languages[l] ?? 0) })),
    )}</section>`,
    `<section><h2>Fixed at which stage</h2>${horizontalBars(
      'fixed-stage',
      'Fixed questions by stage',
      r.fixedByStage.map((s) => ({ label: `stage ${s.stage}`, value: s.count, color: COLORS[1] })),
    )}</section>`,
    `<section><h2>Topics asked most, and how often the first stage works</h2>${horizontalBars(
      'topics',
      'Topics asked most',
      r.topics.map((x) => ({
        label: x.topic,
        value: x.asked,
        note: `first stage works ${pct(x.firstStageRate)} of ${x.firstStageTried}`,
      })),
    )}</section>`,
    `<section><h2>Handed to a person, from where</h2><p>${r.escalations.total} hand-overs, ${r.escalations.tickets} tickets; the user asked ${r.escalations.byReason.asked}, nothing left to try ${r.escalations.byReason.exhausted}.</p>${horizontalBars(
      'escalations',
      'Hand-overs by topic and stage',
      r.escalations.from.map((e) => ({
        label: `${e.topic ?? '-'} / ${e.stage ?? '-'}`,
        value: e.count,
        color: COLORS[2],
      })),
    )}</section>`,
    `<section><h2>Tickets</h2>${horizontalBars(
      'tickets',
      'Tickets by status',
      Object.entries(r.tickets.byStatus).map(([label, value]) => ({ label, value, color: COLORS[3] })),
    )}</section>`,
    `<section><h2>Pinned quick fixes</h2>${horizontalBars(
      'pins',
      'Questions shown a pinned fix',
      r.pins.map((p) => ({
        label: p.topic,
        value: p.questionsShown,
        note: `${p.fixed} fixed, pinned ${p.pinned}x`,
        color: COLORS[4],
      })),
    )}</section>`,
    `<section><h2>Unanswered questions, most frequent first</h2>${
      r.unanswered.length
        ? `<table><thead><tr><th>times</th><th>closest topic</th><th>language</th><th>examples</th></tr></thead><tbody>${r.unanswered
            .map(
              (g) =>
                `<tr><td class="num">${g.count}</td><td>${esc(g.closest ?? 'none')}</td><td>${esc(g.lang)}</td><td>${g.examples.map((e) => `<div>${esc(e)}</div>`).join('')}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '<p>none</p>'
    }</section>`,
  ];
  const json = JSON.stringify(r).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in helpdesk bot: ${esc(utcDay(r.period.since))} to ${esc(utcDay(r.period.until))}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Noto Sans",sans-serif;margin:24px auto;max-width:1000px;color:#1d2330;padding:0 16px}
h1{font-size:22px}h2{font-size:16px;margin:0 0 8px}
section{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:14px 16px;margin:12px 0;overflow-x:auto}
.figures{display:flex;flex-wrap:wrap;gap:12px}.figure{display:flex;flex-direction:column;min-width:120px}
.figure .value{font-size:26px;font-weight:600}.figure .label{font-size:12px;color:#5b6473}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;border-bottom:1px solid #eee;padding:4px 6px;vertical-align:top}.num{text-align:right}
</style></head><body>
<h1>Sign-in helpdesk bot, ${esc(utcDay(r.period.since))} to ${esc(utcDay(r.period.until))}</h1>
${sections.join('\n')}
<script type="application/json" id="report-data">${json}</script>
</body></html>
`;
}
