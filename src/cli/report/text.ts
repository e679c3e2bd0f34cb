/** The report as text for a terminal: the same figures as the JSON, in sections. */
import type { Duration, Report } from '../../core/outcomes/report.js';
import { utcDay } from '../../core/text/dates.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 1000) / 10}%`);
const mins = (d: Duration) =>
  d.count ? `median ${d.medianMinutes} min, 90th percentile ${d.p90Minutes} min (${d.count})` : 'none yet';
const pairs = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function reportText(r: Report): string {
  const t = r.totals;
  const lines = [
    `Sign-in helpdesk bot, ${utcDay(r.period.since)} to ${utcDay(r.period.until)}`,
    '',
    `Questions            ${t.questions}`,
    `Fixed by the bot     ${t.fixed} (${pct(t.fixedShare)}) without a person`,
    `How they ended       ${pairs(t.endings)}`,
    `What the bot decided ${pairs(t.decisions)}`,
    '',
    'Questions per day',
    ...r.days.map(
      (d) => `  ${d.day}  ${String(d.questions).padStart(4)}   ${pairs(d.platforms)}   ${pairs(d.languages)}`,
    ),
    '',
    'Fixed at stage',
    ...r.fixedByStage.map((s) => `  stage ${s.stage}  ${s.count}`),
    '',
    'Topics asked most        asked  fixed  escalated  first stage works',
    ...r.topics.map(
      (x) =>
        `  ${x.topic.padEnd(24)} ${String(x.asked).padStart(5)}  ${String(x.fixed).padStart(5)}  ${String(x.escalated).padStart(9)}  ${pct(x.firstStageRate)} of ${x.firstStageTried}`,
    ),
    '',
    `Handed to a person   ${r.escalations.total} (${r.escalations.tickets} tickets; asked ${r.escalations.byReason.asked}, nothing left to try ${r.escalations.byReason.exhausted})`,
    ...r.escalations.from.map((e) => `  from ${e.topic ?? '-'} / ${e.stage ?? '-'}  ${e.count}`),
    '',
    `Tickets              ${r.tickets.total} (${pairs(r.tickets.byStatus)})`,
    `  to claim           ${mins(r.tickets.toClaim)}`,
    `  to resolve         ${mins(r.tickets.toResolve)}`,
    '',
    'Pinned quick fixes',
    ...(r.pins.length
      ? r.pins.map(
          (p) =>
            `  ${p.topic}  pinned ${p.pinned}x, shown to ${p.questionsShown} questions, ${p.fixed} fixed`,
        )
      : ['  none']),
    '',
    'Unanswered questions, most frequent first',
    ...(r.unanswered.length
      ? r.unanswered.flatMap((g) => [
          `  ${g.count}x  closest topic: ${g.closest ?? 'none'}  (${g.lang})`,
          ...g.examples.map((e) => `      "${e}"`),
        ])
      : ['  none']),
  ];
  return lines.join('\n') + '\n';
}
