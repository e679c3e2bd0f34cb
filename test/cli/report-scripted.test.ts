/**
 * A few hundred scripted conversations in four languages through Bot.handle (fixed at stage 1
 * and 2, handed over on request and after every stage, unanswered, abandoned, cancelled, a
 * pinned fix shown), then every figure of `report --format json` checked against what the
 * script did, on the embedded database and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/outcomes/report.js';
import { loadReport } from '../../src/cli/commands/report.js';
import { storageOn } from '../../src/storage/open.js';
import { BACKENDS } from '../helpers/databases.js';
import { realResolver } from '../helpers/pack.js';

import { LANGS, MINUTE, runScript, SCENARIOS, type Scenario, UNANSWERED } from '../helpers/scripted.js';

const REPS = 7;
const START = Date.parse('2026-11-20T09:00:00Z');

const count = <T>(items: T[], key: (x: T) => string) =>
  items.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});

describe.each(BACKENDS)('report of scripted conversations on $name', (backend) => {
  let dispose: () => Promise<void> = async () => {};
  let report: Report;
  let script: Awaited<ReturnType<typeof runScript>>;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    const storage = await storageOn(opened.db);
    script = await runScript(storage, START, REPS);
    const since = new Date(START - 60 * MINUTE).toISOString();
    // What `report --format json` prints: the same loader, through JSON.
    report = JSON.parse(
      JSON.stringify(await loadReport(storage, realResolver().index.analyzer, since, new Date(script.until))),
    );
  }, 180_000);
  afterAll(() => dispose());

  it('counts the questions per day, platform and language', () => {
    const { done } = script;
    expect(done.length).toBe(REPS * LANGS.length * SCENARIOS.length);
    expect(report.totals.questions).toBe(done.length);
    const days = [...new Set(done.map((d) => d.day))].sort();
    expect(days).toHaveLength(3);
    expect(report.days).toEqual(
      days.map((day) => {
        const those = done.filter((d) => d.day === day);
        return {
          day,
          questions: those.length,
          platforms: count(those, (d) => d.platform),
          languages: count(those, (d) => d.lang),
        };
      }),
    );
  });

  it('tells how each question ended and how much the bot fixed without a person', () => {
    const { done } = script;
    const n = (s: Scenario) => done.filter((d) => d.scenario === s).length;
    const fixed = n('fixed1') + n('fixed2');
    expect(report.totals.fixed).toBe(fixed);
    expect(report.totals.fixedShare).toBe(Math.round((fixed / done.length) * 1000) / 1000);
    expect(report.totals.endings).toEqual({
      fixed,
      escalated: n('asked') + n('exhausted'),
      abandoned: n('abandoned'),
      cancelled: n('cancelled'),
      unanswered: n('unanswered'),
      redirected: 0,
      open: 0,
    });
    expect(report.fixedByStage).toEqual([
      { stage: 1, count: n('fixed1') },
      { stage: 2, count: n('fixed2') },
    ]);
    expect(report.totals.decisions).toEqual({ fix: done.length - n('unanswered'), unknown: n('unanswered') });
  });

  it('lists the topics asked most, with how often their first stage worked', () => {
    const n = (s: Scenario) => script.done.filter((d) => d.scenario === s).length;
    const certificateAsked = n('fixed1') + n('fixed2') + n('asked') + n('cancelled');
    expect(report.topics).toEqual([
      {
        topic: 'personal-certificate',
        asked: certificateAsked,
        fixed: n('fixed1') + n('fixed2'),
        escalated: n('asked'),
        firstStageTried: n('fixed1') + n('fixed2'),
        firstStageFixed: n('fixed1'),
        firstStageRate: Math.round((n('fixed1') / (n('fixed1') + n('fixed2'))) * 1000) / 1000,
      },
      {
        topic: 'clock-skew',
        asked: n('exhausted') + n('abandoned'),
        fixed: 0,
        escalated: n('exhausted'),
        firstStageTried: n('exhausted'),
        firstStageFixed: 0,
        firstStageRate: 0,
      },
      {
        topic: 'collect-logs',
        asked: 0,
        fixed: 0,
        escalated: 0,
        firstStageTried: n('exhausted'),
        firstStageFixed: 0,
        firstStageRate: 0,
      },
    ]);
  });

  it('says what was handed over, from where, and the tickets with their times', () => {
    const n = (s: Scenario) => script.done.filter((d) => d.scenario === s).length;
    expect(report.escalations).toEqual({
      total: n('asked') + n('exhausted'),
      tickets: n('asked') + n('exhausted'),
      byReason: { asked: n('asked'), exhausted: n('exhausted') },
      from: [
        { topic: 'collect-logs', stage: 'collect-and-send', count: n('exhausted') },
        { topic: 'personal-certificate', stage: null, count: n('asked') },
      ].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
    });
    const tickets = n('asked') + n('exhausted');
    expect(report.tickets).toEqual({
      total: tickets,
      byStatus: {
        open: tickets - script.claimed,
        claimed: script.claimed - script.resolved,
        waiting: 0,
        resolved: script.resolved,
      },
      toClaim: { count: script.claimed, medianMinutes: 30, p90Minutes: 30 },
      toResolve: { count: script.resolved, medianMinutes: 90, p90Minutes: 90 },
    });
  });

  it('counts the questions a pinned fix was shown to', () => {
    const shown = script.done.filter((d) => d.pinShown);
    expect(shown.length).toBeGreaterThan(0);
    expect(report.pins).toEqual([
      {
        topic: 'personal-certificate',
        pinned: 1,
        questionsShown: shown.length,
        fixed: shown.filter((d) => d.scenario === 'fixed1' || d.scenario === 'fixed2').length,
      },
    ]);
  });

  it('groups the unanswered questions by what they ask, most frequent first', () => {
    const planted = script.done.filter((d) => d.scenario === 'unanswered');
    expect(report.unanswered.reduce((s, g) => s + g.count, 0)).toBe(planted.length);
    const counts = report.unanswered.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Every planted group is one report group, of its language, with every time it was asked.
    expect(report.unanswered).toHaveLength(LANGS.length * 2);
    for (const lang of LANGS)
      for (const group of UNANSWERED[lang]) {
        const home = report.unanswered.find((g) => g.examples.includes(group[0]!));
        expect(home, `${lang}: ${group.join(' / ')}`).toMatchObject({
          lang,
          count: planted.filter((d) => group.includes(d.text!)).length,
          closest: expect.toBeOneOf([null, expect.any(String)]),
        });
        expect([...home!.examples].sort()).toEqual([...group].sort());
      }
  });
});
