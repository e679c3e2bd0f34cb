/**
 * Cards that tell rather than ask: notices, replies that are not fixes, the welcome and help,
 * the hand-over to the helpdesk, and how to collect logs once a ticket is filed.
 */
import type { Platform } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { HelpCard, NoticeCard, WelcomeCard } from './model.js';
import { peopleIn, retirement, topicLinks, topicTitle, withPeople } from './texts.js';

export function noticeCard(
  pack: KnowledgePack,
  key: string,
  lang: Lang,
  values: Record<string, string | number> = {},
  title = '',
): NoticeCard {
  return {
    kind: 'notice',
    lang,
    title,
    text: pack.message(key, lang, values),
    links: [],
    choices: [],
    ...withPeople(peopleIn(values)),
  };
}

/**
 * A reply that is not a fix, from `dialogs/answers/<id>.json` and `locales/<lang>/answers.json`:
 * a neighbour problem's redirect, the retirement notice, small talk, or "which problem?".
 */
export function answerCard(pack: KnowledgePack, id: string, lang: Lang): NoticeCard {
  const structure = pack.answer(id);
  const text = pack.answerText(id, lang);
  return {
    kind: 'notice',
    lang,
    title: text.title,
    text: text.text,
    ...(text.list?.length ? { list: [...text.list] } : {}),
    links: structure.links.map((l) => ({ label: text.links[l.id] ?? l.url, url: l.url })),
    choices: [],
  };
}

export function welcomeCard(pack: KnowledgePack, lang: Lang, token: string): WelcomeCard {
  const t = (key: string) => pack.message(key, lang);
  return {
    kind: 'welcome',
    lang,
    title: t('welcome.title'),
    text: t('welcome.text'),
    ...retirement(pack, lang),
    choices: [{ label: t('welcome.start'), payload: { action: 'topic', value: pack.triage, token } }],
  };
}

export function helpCard(pack: KnowledgePack, lang: Lang, token: string): HelpCard {
  const t = (key: string) => pack.message(key, lang);
  return {
    kind: 'help',
    lang,
    title: t('help.title'),
    text: t('help.text'),
    commands: t('help.commands'),
    ...retirement(pack, lang),
    choices: [
      { label: t('help.start'), payload: { action: 'topic', value: pack.triage, token } },
      { label: t('help.person'), payload: { action: 'escalate', value: 'person', token } },
    ],
  };
}

/** Hand-over to the helpdesk: what was tried, and how to collect the logs they will ask for. */
export function escalationCard(
  pack: KnowledgePack,
  tried: { topic: string; stage: string }[],
  lang: Lang,
  token: string,
): NoticeCard {
  const t = (key: string, values?: Record<string, string | number>) => pack.message(key, lang, values);
  const triedItems = tried.map(({ topic, stage }) =>
    t('escalation.triedItem', {
      topic: topicTitle(pack, topic, lang),
      stage: pack.text(topic, lang).stages[stage]?.title ?? stage,
    }),
  );
  return {
    kind: 'notice',
    lang,
    title: t('escalation.title'),
    text: t('escalation.text'),
    listLabel: t('escalation.tried'),
    list: triedItems.length ? triedItems : [t('escalation.nothingTried')],
    // How to collect the logs comes with the ticket's number (see `logs`), after the form: the
    // hand-over itself is short enough to be read whole in the Teams client.
    links: topicLinks(pack, pack.handOver, lang),
    choices: [{ label: t('help.start'), payload: { action: 'restart', value: 'restart', token } }],
  };
}

/**
 * How to collect the client logs, the Windows event log and MOSDAL output, then where the files
 * go: into the chat on Teams and Slack; the terminal cannot take files or tell the user when the
 * helpdesk answers, so there it says what to do instead.
 */
export function logsCard(pack: KnowledgePack, lang: Lang, ref: string, platform?: Platform): NoticeCard {
  const terminal = !platform || platform === 'terminal';
  return {
    ...noticeCard(
      pack,
      terminal ? 'ticket.created.terminalText' : 'ticket.created.text',
      lang,
      { ref },
      pack.message('ticket.created.title', lang, { ref }),
    ),
    listLabel: pack.message('logs.title', lang),
    list: logSteps(pack, lang, platform, ref),
    links: topicLinks(pack, pack.handOver, lang).filter((l) => !l.url.includes('kbid=')),
  };
}

/** The log-collection steps, ending with where to send the files on this platform. */
export function logSteps(pack: KnowledgePack, lang: Lang, platform?: Platform, ref = ''): string[] {
  const steps = pack.i18n.t('logs.steps', {
    lng: lang,
    ns: 'common',
    returnObjects: true,
  }) as unknown as string[];
  const terminal = !platform || platform === 'terminal';
  return [...steps, pack.message(terminal ? 'logs.sendTerminal' : 'logs.send', lang, { ref })];
}
