import { AnsweredCards } from '../../src/core/cards/answered.js';
import { CardBuilder } from '../../src/core/cards/build.js';
import type { Card } from '../../src/core/cards/model.js';
import type { Lang } from '../../src/core/i18n/languages.js';
import type { Ticket } from '../../src/core/helpdesk/types.js';
import { digestCard } from '../../src/core/digest/card.js';
import { buildReport, type Report } from '../../src/core/outcomes/report.js';
import { realPack, realResolver } from './pack.js';

/** Text a hostile user might type, to prove it is shown inert. */
export const HOSTILE =
  '**boss** [click](https://evil.example/x) <at>CEO</at> <!channel> <!here> <@U024BE7LH> _x_ # h1 `code` &amp;';

/** A ticket as it stands after some back and forth, with hostile user text in it. */
export function sampleTicket(lang: Lang, status: Ticket['status'] = 'waiting'): Ticket {
  return {
    ref: 'SI-1042',
    status,
    version: 4,
    platform: 'slack',
    conversation: 'slack:T1:D1:-:U1',
    user: { id: 'U1', name: 'Megan <!channel>' },
    address: { channel: 'D1' },
    secret: 'card-secret',
    lang,
    topic: 'personal-certificate',
    form: {
      client: 'sfb2016',
      os: 'windows10',
      error: HOSTILE,
      since: 'Monday',
      affected: 'some',
      domain: 'contoso.com',
    },
    attempts: [
      { topic: 'personal-certificate', stage: 'delete-signin-info', fixed: false },
      { topic: 'personal-certificate', stage: 'update-credentials', fixed: false },
    ],
    files: [
      {
        name: 'Lync-UccApi-0.UccApilog',
        size: 52_000,
        sha256: 'a'.repeat(64),
        contentType: 'text/plain',
        at: '2026-11-22T03:00:00.000Z',
      },
    ],
    history: [
      { at: '2026-11-22T03:00:00.000Z', actor: 'Megan', kind: 'created' },
      { at: '2026-11-22T03:05:00.000Z', actor: 'Alex', kind: 'claimed' },
      {
        at: '2026-11-22T03:06:00.000Z',
        actor: 'Alex',
        kind: 'asked',
        detail: 'Which <@U999> domain? https://evil.example',
      },
    ],
    ...(status === 'open' ? {} : { claimedBy: 'Alex' }),
    createdAt: '2026-11-22T03:00:00.000Z',
    updatedAt: '2026-11-22T03:06:00.000Z',
  };
}

/** A week's report with `questions` questions (none: a quiet week). */
export function sampleWeek(questions = 120): Report {
  const empty = buildReport({
    since: '2026-11-23T09:00:00.000Z',
    until: '2026-11-30T09:00:00.000Z',
    outcomes: [],
    tickets: [],
    pinAudit: [],
    analyzer: realResolver().index.analyzer,
  });
  if (!questions) return empty;
  const topic = (id: string, asked: number) => ({
    topic: id,
    asked,
    fixed: 0,
    escalated: 0,
    firstStageTried: 0,
    firstStageFixed: 0,
    firstStageRate: null,
  });
  return {
    ...empty,
    totals: {
      ...empty.totals,
      questions,
      fixed: 70,
      endings: { ...empty.totals.endings, fixed: 70, escalated: 20, unanswered: 12 },
    },
    topics: [topic('personal-certificate', 40), topic('clock-skew', 25), topic('dns-propagation', 9)],
  };
}

/** Every card the bot can send, in one language. */
export function allCards(lang: Lang): [string, Card][] {
  const pack = realPack();
  const build = new CardBuilder(pack);
  const cards: [string, Card][] = [];
  for (const topic of pack.topics.values()) {
    topic.stages.forEach((_, i) =>
      cards.push([
        `topic ${topic.id} stage ${i + 1}`,
        build.topic(topic.id, i, lang, '7', i ? 'note' : undefined),
      ]),
    );
    if (topic.kind === 'clarify') cards.push([`clarify ${topic.id}`, build.clarify(topic.id, lang, '7')]);
  }
  cards.push(['triage', build.triage(lang, '7')]);
  cards.push(['choose', build.chooseTopic(['forgotten-password', 'mistyped-credentials'], lang, '7')]);
  cards.push(['not found, suggestions', build.notFound(HOSTILE, ['clock-skew', 'triage'], lang, '7')]);
  cards.push(['not found, none', build.notFound(HOSTILE, [], lang, '7')]);
  cards.push(['did you mean', build.didYouMean(HOSTILE, ['clock-skew', 'dns-propagation'], lang, '7')]);
  // The learned reading may add one topic to the ranker's three (README, deciding rule 9).
  cards.push([
    'did you mean, four topics',
    build.didYouMean(HOSTILE, ['clock-skew', 'triage', 'dns-propagation', 'server-unavailable'], lang, '7'),
  ]);
  for (const id of pack.answers.keys()) cards.push([`answer ${id}`, build.answer(id, lang)]);
  cards.push(['welcome', build.welcome(lang, '7')]);
  cards.push(['help', build.help(lang, '7')]);
  cards.push([
    'escalation',
    build.escalation([{ topic: 'personal-certificate', stage: 'rsa-folder' }], lang, '7'),
  ]);
  cards.push(['escalation, nothing tried', build.escalation([], lang, '7')]);
  cards.push(['closing', build.closing(lang)]);
  for (const key of ['cancelled', 'restarted', 'language', 'stale'])
    cards.push([key, build.notice(key, lang)]);
  cards.push(['too long', build.notice('tooLong', lang, { length: 5000, limit: 4000 })]);
  cards.push(['form', build.form(lang, '7', 0)]);
  cards.push([
    'form, with a problem',
    build.form(lang, '7', 2, pack.message('form.required', lang, { field: 'x' })),
  ]);
  cards.push(['logs and ticket created', build.logs(lang, 'SI-1042')]);
  const answered = new AnsweredCards(pack);
  const form = build.form(lang, '7', 0);
  cards.push([
    'form, sent',
    answered.answered(
      form,
      { action: { action: 'form', value: 'escalation', fields: { client: 'mac', error: HOSTILE } } },
      lang,
    ),
  ]);
  cards.push(['triage, answered', answered.answered(build.triage(lang, '7'), { text: HOSTILE }, lang)]);
  cards.push([
    'form, asked again',
    build.form(lang, '7', 1, pack.message('form.required', lang, { field: 'x' }), { client: 'mac' }),
  ]);
  const pin = {
    id: 1,
    platform: 'slack' as const,
    channel: 'C1',
    topic: 'server-unavailable-dns',
    note: HOSTILE,
    lang,
    pinnedBy: { id: 'U1', name: 'Admin <!here>' },
    pinnedAt: '2026-11-22T03:00:00.000Z',
    expiresAt: '2026-11-23T03:00:00.000Z',
    message: { permalink: 'https://contoso.slack.com/archives/C1/p1' },
  };
  cards.push(['pinned quick fix', build.pinned(pin, lang, { withPostLink: true })]);
  const command = 'npm run -s cli -- report --since 2026-11-23 --format html --out report.html';
  cards.push(['weekly digest', digestCard(pack, sampleWeek(), lang, command)]);
  cards.push(['weekly digest, a quiet week', digestCard(pack, sampleWeek(0), lang, command)]);
  cards.push([
    'pinned quick fix, expired',
    build.pinned({ ...pin, endReason: 'expired', endedAt: pin.expiresAt }, lang),
  ]);
  for (const status of ['open', 'claimed', 'waiting', 'resolved'] as const)
    cards.push([`ticket ${status}`, build.ticket(sampleTicket(lang, status), lang)]);
  return cards;
}
