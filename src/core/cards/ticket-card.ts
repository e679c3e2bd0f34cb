/** A ticket as the helpdesk sees it: who, what was tried, the form, files, history, actions. */
import { cardToken, Helpdesk, humanSize } from '../helpdesk/service.js';
import type { Ticket } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { formFields } from './form-card.js';
import type { TicketCard } from './model.js';
import { shownTime, topicTitle, withPeople } from './texts.js';

type Message = (key: string, values?: Record<string, string | number>) => string;

export function ticketCard(pack: KnowledgePack, ticket: Ticket, lang: Lang): TicketCard {
  const t: Message = (key, values) => pack.message(key, lang, values);
  const agent = ticket.claimedBy ?? '';
  const actions = Helpdesk.operations(ticket);
  const token = cardToken(ticket);
  const people = [
    ticket.user.name ?? ticket.user.id,
    agent,
    ...Object.values(ticket.form),
    ...ticket.history.flatMap((e) => [e.actor, e.detail ?? '']),
    ...ticket.files.map((x) => x.name),
  ];
  return {
    kind: 'ticket',
    ...withPeople(people),
    lang,
    ref: ticket.ref,
    title: t('helpdesk.title', { ref: ticket.ref }),
    status: t(`helpdesk.status.${ticket.status}`, { agent }),
    facts: facts(pack, ticket, lang, t),
    sections: sections(pack, ticket, lang, t),
    inputs: [
      ...(actions.includes('ask') ? [{ id: 'question' as const, label: t('helpdesk.inputs.question') }] : []),
      ...(actions.includes('resolve') ? [{ id: 'note' as const, label: t('helpdesk.inputs.note') }] : []),
    ],
    version: ticket.version,
    links: [],
    choices: actions.map((op) => ({
      label: t(`helpdesk.actions.${op}`),
      payload: { action: 'ticket', value: `${op}:${ticket.ref}`, token },
      ...(op === 'resolve' ? { style: 'positive' as const } : {}),
    })),
  };
}

/** Who filed it, where, in which language, about what, and the form as they answered it. */
function facts(pack: KnowledgePack, ticket: Ticket, lang: Lang, t: Message): TicketCard['facts'] {
  const f = (key: string) => t(`helpdesk.fields.${key}`);
  const formFacts = formFields(pack, lang).map((field) => {
    const value = ticket.form[field.id] ?? '';
    const shown = field.choices?.find((c) => c.id === value)?.label ?? value;
    return { label: field.label, value: shown || '—' };
  });
  return [
    { label: f('user'), value: ticket.user.name ?? ticket.user.id },
    { label: f('platform'), value: ticket.platform },
    { label: f('lang'), value: ticket.lang },
    { label: f('topic'), value: ticket.topic ? topicTitle(pack, ticket.topic, lang) : '—' },
    { label: f('created'), value: shownTime(ticket.createdAt) },
    ...formFacts,
  ];
}

/** What was tried (and whether it fixed it), the files sent, and the ticket's history. */
function sections(pack: KnowledgePack, ticket: Ticket, lang: Lang, t: Message): TicketCard['sections'] {
  const f = (key: string) => t(`helpdesk.fields.${key}`);
  const tried = ticket.attempts.map(
    (a) =>
      `${topicTitle(pack, a.topic, lang)}: ${pack.text(a.topic, lang).stages[a.stage]?.title ?? a.stage} — ${a.fixed ? '✓' : '✗'}`,
  );
  const history = ticket.history.map((e) =>
    t(`helpdesk.events.${e.kind}`, { at: shownTime(e.at), actor: e.actor, detail: e.detail ?? '' }),
  );
  const files = ticket.files.map((x) => `${x.name} (${humanSize(x.size)}, sha256 ${x.sha256.slice(0, 12)}…)`);
  return [
    { label: f('tried'), items: tried.length ? tried : ['—'] },
    { label: f('files'), items: files.length ? files : [t('helpdesk.noFiles')] },
    { label: f('history'), items: history },
  ];
}
