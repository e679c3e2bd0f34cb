/**
 * The weekly digest as a card, in the helpdesk's language: how many questions, how many the
 * bot fixed without a person, how many it handed over, how many it could not answer, the
 * topics asked most, and the command for the full report.
 */
import type { DigestCard } from '../cards/model.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Report } from '../outcomes/report.js';
import { utcDay } from '../text/dates.js';

/** How many topics the digest lists. */
const TOP_TOPICS = 3;

export function digestCard(pack: KnowledgePack, report: Report, lang: Lang, command: string): DigestCard {
  const m = (key: string, values?: Record<string, string | number>) =>
    pack.message(`digest.${key}`, lang, values);
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const { totals } = report;
  const questions = totals.questions;
  const ofAll = (count: number) =>
    m('share', { count: number.format(count), share: percent.format(questions ? count / questions : 0) });
  const topics = report.topics
    .filter((t) => t.asked > 0 && pack.topics.has(t.topic))
    .slice(0, TOP_TOPICS)
    .map((t) => m('topicLine', { title: pack.text(t.topic, lang).title, count: number.format(t.asked) }));
  return {
    kind: 'digest',
    lang,
    title: m('title'),
    period: m('period', { since: utcDay(report.period.since), until: utcDay(report.period.until) }),
    facts: [
      { label: m('questions'), value: number.format(questions) },
      { label: m('fixed'), value: ofAll(totals.fixed) },
      { label: m('escalated'), value: ofAll(totals.endings.escalated) },
      { label: m('unanswered'), value: ofAll(totals.endings.unanswered) },
    ],
    topicsLabel: m('topics'),
    topics: topics.length ? topics : [m('noTopics')],
    reportLabel: m('report'),
    command,
    choices: [],
    links: [],
  };
}
