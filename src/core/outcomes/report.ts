/**
 * The helpdesk's report over a period: what people asked, what the bot fixed without a person
 * and at which stage, what it handed over and from where, the tickets' times, the pins, and the
 * questions it could not answer, grouped. One plain object: the text, JSON and HTML reports
 * all print this, so their figures agree.
 */
import type { Ticket, TicketStatus } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';
import type { PinAuditEntry } from '../pins/types.js';
import type { Analyzer } from '../text/analyzer.js';
import { endOfOpen, type Outcome, type OutcomeEnd } from '../storage/outcomes.js';
import { groupSimilar } from './groups.js';
import { utcDay } from '../text/dates.js';

/** An open outcome idle this long was abandoned. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;
/** Examples kept per group of unanswered questions. */
const EXAMPLES = 5;

export type Ending = OutcomeEnd | 'open';

export interface Duration {
  count: number;
  /** Minutes; null when there is nothing to measure. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface Report {
  period: { since: string; until: string };
  totals: {
    questions: number;
    fixed: number;
    /** Fixed without a person, of all questions (0 to 1). */
    fixedShare: number;
    endings: Record<Ending, number>;
    decisions: Record<string, number>;
  };
  days: {
    day: string;
    questions: number;
    platforms: Record<string, number>;
    languages: Record<string, number>;
  }[];
  /** Fixed questions by the position of the stage that fixed them (1 = a topic's first stage). */
  fixedByStage: { stage: number; count: number }[];
  topics: {
    topic: string;
    asked: number;
    fixed: number;
    escalated: number;
    /** Questions where the topic's first stage was answered, and where it fixed the problem. */
    firstStageTried: number;
    firstStageFixed: number;
    firstStageRate: number | null;
  }[];
  escalations: {
    total: number;
    tickets: number;
    byReason: { asked: number; exhausted: number };
    from: { topic: string | null; stage: string | null; count: number }[];
  };
  tickets: {
    total: number;
    byStatus: Record<TicketStatus, number>;
    toClaim: Duration;
    toResolve: Duration;
  };
  pins: { topic: string; pinned: number; questionsShown: number; fixed: number }[];
  unanswered: {
    count: number;
    closest: string | null;
    lang: Lang;
    examples: string[];
  }[];
  /** Questions whose "did you mean" suggestion the user picked: evidence for new phrasings. */
  picked: { topic: string; count: number }[];
}

export interface ReportInput {
  since: string;
  until: string;
  outcomes: Outcome[];
  tickets: Ticket[];
  pinAudit: PinAuditEntry[];
  analyzer: Analyzer;
}

/** How an outcome stands at `now`: its ending, or abandoned when open and idle too long. */
export function endingOf(o: Outcome, now: string): Ending {
  if (o.end) return o.end;
  return Date.parse(now) - Date.parse(o.updatedAt) >= ABANDONED_AFTER_MS ? endOfOpen(o) : 'open';
}

/** Unanswered: nothing fitted, or suggestions were offered and none was picked. */
export function isUnanswered(o: Outcome): boolean {
  return o.decision === 'unknown' || (o.decision === 'did-you-mean' && !o.picked);
}

export function buildReport(input: ReportInput): Report {
  const { outcomes, until } = input;
  const endings: Record<Ending, number> = {
    fixed: 0,
    escalated: 0,
    abandoned: 0,
    cancelled: 0,
    unanswered: 0,
    redirected: 0,
    open: 0,
  };
  for (const o of outcomes) endings[endingOf(o, until)]++;
  const fixed = endings.fixed;
  return {
    period: { since: input.since, until },
    totals: {
      questions: outcomes.length,
      fixed,
      fixedShare: share(fixed, outcomes.length),
      endings,
      decisions: countBy(outcomes, (o) => o.decision),
    },
    days: days(outcomes),
    fixedByStage: Object.entries(
      countBy(
        outcomes.filter((o) => o.fixed),
        (o) => String(o.fixed!.index),
      ),
    )
      .map(([stage, count]) => ({ stage: Number(stage), count }))
      .sort((a, b) => a.stage - b.stage),
    topics: topics(outcomes, until),
    escalations: escalations(outcomes),
    tickets: tickets(input.tickets.filter((t) => t.createdAt >= input.since && t.createdAt < until)),
    pins: pins(
      outcomes,
      input.pinAudit.filter((e) => e.at >= input.since && e.at < until),
    ),
    unanswered: groupSimilar(outcomes.filter(isUnanswered), input.analyzer).map((g) => ({
      count: g.members.length,
      closest: g.closest,
      lang: g.members[0]!.lang,
      examples: [...new Set(g.members.map((m) => m.text))].slice(0, EXAMPLES),
    })),
    picked: Object.entries(
      countBy(
        outcomes.filter((o) => o.picked),
        (o) => o.picked!,
      ),
    )
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
  };
}

function days(outcomes: Outcome[]): Report['days'] {
  const byDay = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const day = utcDay(o.startedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), o]);
  }
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({
      day,
      questions: list.length,
      platforms: countBy(list, (o) => o.platform),
      languages: countBy(list, (o) => o.lang satisfies Lang),
    }));
}

function topics(outcomes: Outcome[], now: string): Report['topics'] {
  const rows = new Map<string, Report['topics'][number]>();
  const row = (topic: string) => {
    let r = rows.get(topic);
    if (!r)
      rows.set(
        topic,
        (r = {
          topic,
          asked: 0,
          fixed: 0,
          escalated: 0,
          firstStageTried: 0,
          firstStageFixed: 0,
          firstStageRate: null,
        }),
      );
    return r;
  };
  for (const o of outcomes) {
    const asked =
      o.picked ??
      (o.decision === 'fix' || o.decision === 'follow-up' || o.decision === 'direct' ? o.topic : null);
    if (asked) {
      const r = row(asked);
      r.asked++;
      const ending = endingOf(o, now);
      if (ending === 'fixed') r.fixed++;
      if (ending === 'escalated') r.escalated++;
    }
    // The first answer given to each topic's first stage in this question.
    const seen = new Set<string>();
    for (const t of o.tried) {
      if (seen.has(t.topic)) continue;
      seen.add(t.topic);
      // `tried` holds the stages in order, so a topic's first answer is to its first stage.
      const r = row(t.topic);
      r.firstStageTried++;
      if (t.fixed) r.firstStageFixed++;
    }
  }
  for (const r of rows.values())
    r.firstStageRate = r.firstStageTried ? share(r.firstStageFixed, r.firstStageTried) : null;
  return [...rows.values()]
    .filter((r) => r.asked > 0 || r.firstStageTried > 0)
    .sort((a, b) => b.asked - a.asked || a.topic.localeCompare(b.topic));
}

function escalations(outcomes: Outcome[]): Report['escalations'] {
  const handed = outcomes.filter((o) => o.escalation);
  const from = new Map<string, { topic: string | null; stage: string | null; count: number }>();
  for (const o of handed) {
    const { topic, stage } = o.escalation!;
    const key = `${topic}\u0000${stage}`;
    const entry = from.get(key) ?? { topic, stage, count: 0 };
    entry.count++;
    from.set(key, entry);
  }
  return {
    total: handed.length,
    tickets: handed.filter((o) => o.escalation!.ticket).length,
    byReason: {
      asked: handed.filter((o) => o.escalation!.reason === 'asked').length,
      exhausted: handed.filter((o) => o.escalation!.reason === 'exhausted').length,
    },
    from: [...from.values()].sort(
      (a, b) => b.count - a.count || String(a.topic).localeCompare(String(b.topic)),
    ),
  };
}

function tickets(list: Ticket[]): Report['tickets'] {
  const since = (t: Ticket, kind: 'claimed' | 'resolved') => {
    const event = t.history.find((e) => e.kind === kind);
    return event ? (Date.parse(event.at) - Date.parse(t.createdAt)) / 60_000 : undefined;
  };
  const minutes = (kind: 'claimed' | 'resolved') =>
    duration(list.map((t) => since(t, kind)).filter((m): m is number => m !== undefined));
  return {
    total: list.length,
    byStatus: { open: 0, claimed: 0, waiting: 0, resolved: 0, ...countBy(list, (t) => t.status) },
    toClaim: minutes('claimed'),
    toResolve: minutes('resolved'),
  };
}

function pins(outcomes: Outcome[], audit: PinAuditEntry[]): Report['pins'] {
  const topics = new Set([
    ...audit.filter((e) => e.action === 'pin' && e.topic).map((e) => e.topic!),
    ...outcomes.flatMap((o) => o.pins),
  ]);
  return [...topics]
    .map((topic) => {
      const shown = outcomes.filter((o) => o.pins.includes(topic));
      return {
        topic,
        pinned: audit.filter((e) => e.action === 'pin' && e.topic === topic).length,
        questionsShown: shown.length,
        fixed: shown.filter((o) => o.end === 'fixed').length,
      };
    })
    .sort((a, b) => b.questionsShown - a.questionsShown || a.topic.localeCompare(b.topic));
}

function duration(values: number[]): Duration {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? round(sorted[Math.ceil(q * sorted.length) - 1]!) : null);
  return { count: sorted.length, medianMinutes: at(0.5), p90Minutes: at(0.9) };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);
