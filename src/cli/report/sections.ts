/**
 * The sections of the HTML report, one function per section, in the order the page shows them.
 * Each headline figure carries `data-figure` (its path in the JSON report) and `data-value`, so
 * a reader or a test can check the page against the JSON embedded in it.
 */
import type { Duration, Report } from '../../core/outcomes/report.js';
import { COLORS, esc, horizontalBars, ring, stackedBars } from './charts.js';

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

function figures(r: Report): string {
  const t = r.totals;
  return `<section class="figures">
      ${figure('totals.questions', t.questions, 'questions')}
      ${figure('totals.fixed', t.fixed, 'fixed by the bot')}
      ${figure('totals.fixedShare', t.fixedShare, 'fixed without a person', pct(t.fixedShare))}
      ${figure('escalations.tickets', r.escalations.tickets, 'tickets filed')}
      ${figure('totals.endings.unanswered', t.endings.unanswered, 'unanswered')}
      ${minutes('tickets.toClaim', r.tickets.toClaim, 'to claim')}
      ${minutes('tickets.toResolve', r.tickets.toResolve, 'to resolve')}
    </section>`;
}

function endings(r: Report): string {
  return `<section><h2>How questions ended</h2>${ring(
    'endings',
    'How questions ended',
    Object.entries(r.totals.endings).map(([label, value]) => ({ label, value })),
    pct(r.totals.fixedShare),
  )}</section>`;
}

/** Questions per day, stacked by `by` (platform or language, each sorted by name). */
function perDay(r: Report, by: 'platform' | 'language'): string {
  const counts = (d: Report['days'][number]) => (by === 'platform' ? d.platforms : d.languages);
  const names = [...new Set(r.days.flatMap((d) => Object.keys(counts(d))))].sort();
  return `<section><h2>Questions per day, by ${by}</h2>${stackedBars(
    `days-${by}`,
    `Questions per day by ${by}`,
    r.days.map((d) => d.day),
    names.map((n) => ({ name: n, values: r.days.map((d) => counts(d)[n] ?? 0) })),
  )}</section>`;
}

function fixedStage(r: Report): string {
  return `<section><h2>Fixed at which stage</h2>${horizontalBars(
    'fixed-stage',
    'Fixed questions by stage',
    r.fixedByStage.map((s) => ({ label: `stage ${s.stage}`, value: s.count, color: COLORS[1] })),
  )}</section>`;
}

function topics(r: Report): string {
  return `<section><h2>Topics asked most, and how often the first stage works</h2>${horizontalBars(
    'topics',
    'Topics asked most',
    r.topics.map((x) => ({
      label: x.topic,
      value: x.asked,
      note: `first stage works ${pct(x.firstStageRate)} of ${x.firstStageTried}`,
    })),
  )}</section>`;
}

function escalations(r: Report): string {
  return `<section><h2>Handed to a person, from where</h2><p>${r.escalations.total} hand-overs, ${r.escalations.tickets} tickets; the user asked ${r.escalations.byReason.asked}, nothing left to try ${r.escalations.byReason.exhausted}.</p>${horizontalBars(
    'escalations',
    'Hand-overs by topic and stage',
    r.escalations.from.map((e) => ({
      label: `${e.topic ?? '-'} / ${e.stage ?? '-'}`,
      value: e.count,
      color: COLORS[2],
    })),
  )}</section>`;
}

function tickets(r: Report): string {
  return `<section><h2>Tickets</h2>${horizontalBars(
    'tickets',
    'Tickets by status',
    Object.entries(r.tickets.byStatus).map(([label, value]) => ({ label, value, color: COLORS[3] })),
  )}</section>`;
}

function pins(r: Report): string {
  return `<section><h2>Pinned quick fixes</h2>${horizontalBars(
    'pins',
    'Questions shown a pinned fix',
    r.pins.map((p) => ({
      label: p.topic,
      value: p.questionsShown,
      note: `${p.fixed} fixed, pinned ${p.pinned}x`,
      color: COLORS[4],
    })),
  )}</section>`;
}

function unanswered(r: Report): string {
  return `<section><h2>Unanswered questions, most frequent first</h2>${
    r.unanswered.length
      ? `<table><thead><tr><th>times</th><th>closest topic</th><th>language</th><th>examples</th></tr></thead><tbody>${r.unanswered
          .map(
            (g) =>
              `<tr><td class="num">${g.count}</td><td>${esc(g.closest ?? 'none')}</td><td>${esc(g.lang)}</td><td>${g.examples.map((e) => `<div>${esc(e)}</div>`).join('')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '<p>none</p>'
  }</section>`;
}

/** Every section of the report, in page order. */
export function reportSections(r: Report): string[] {
  return [
    figures(r),
    endings(r),
    perDay(r, 'platform'),
    perDay(r, 'language'),
    fixedStage(r),
    topics(r),
    escalations(r),
    tickets(r),
    pins(r),
    unanswered(r),
  ];
}
