/** A topic's card at one stage ("Did this fix it?"), and the same card pinned in a channel. */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Pin } from '../pins/types.js';
import type { ActionPayload, TopicCard } from './model.js';
import { shownTime, topicLinks, withPeople } from './texts.js';

/** A topic's card at one stage, ending with "Did this fix it?". */
export function topicCard(
  pack: KnowledgePack,
  topic: string,
  stageIndex: number,
  lang: Lang,
  token: string,
  note?: string,
): TopicCard {
  const t = (key: string, values?: Record<string, string | number>) => pack.message(key, lang, values);
  const structure = pack.topic(topic);
  const text = pack.text(topic, lang);
  const stageId = structure.stages[stageIndex]!;
  const stage = text.stages[stageId]!;
  const fixed = (value: 'yes' | 'no'): ActionPayload => ({ action: 'fixed', value, token });
  return {
    kind: 'topic',
    lang,
    topic,
    title: text.title,
    ...(note ? { note } : {}),
    // The symptom, error and cause introduce a topic; later stages go straight to the steps.
    symptom: stageIndex === 0 ? text.symptom : '',
    errorLabel: t('topic.error'),
    ...(text.errors[0] && stageIndex === 0 ? { error: text.errors[0] } : {}),
    causeLabel: t('topic.cause'),
    cause: stageIndex === 0 ? text.cause : '',
    stage: {
      label: t('topic.stage', {
        current: stageIndex + 1,
        total: structure.stages.length,
        title: stage.title,
      }),
      title: stage.title,
      ...(stage.intro ? { intro: stage.intro } : {}),
      steps: stage.steps,
    },
    linksLabel: t('topic.links'),
    links: topicLinks(pack, topic, lang),
    question: t('fixed.question'),
    choices: [
      { label: t('fixed.yes'), payload: fixed('yes'), style: 'positive' },
      { label: t('fixed.no'), payload: fixed('no') },
    ],
  };
}

/** A pinned quick fix: the topic's first stage, without dialog buttons, with the pin's details. */
export function pinnedCard(
  pack: KnowledgePack,
  pin: Pin,
  lang: Lang,
  options: { withPostLink?: boolean } = {},
): TopicCard {
  const t = (key: string, values?: Record<string, string | number>) => pack.message(key, lang, values);
  const card = topicCard(pack, pin.topic, 0, lang, '0');
  const user = pin.pinnedBy.name ?? pin.pinnedBy.id;
  let status: string | undefined;
  if (pin.endReason === 'expired')
    status = t('pins.expired', { at: shownTime(pin.endedAt ?? pin.expiresAt) });
  else if (pin.endReason === 'removed' || pin.endReason === 'replaced')
    status = t('pins.removed', { user: pin.endedBy ?? '', at: shownTime(pin.endedAt ?? pin.pinnedAt) });
  const permalink = typeof pin.message?.permalink === 'string' ? pin.message.permalink : undefined;
  const linked = Boolean(options.withPostLink && permalink);
  return {
    ...card,
    ...withPeople([user, pin.endedBy ?? '', pin.note ?? '']),
    ...(linked ? { note: t('pins.seePinned', { link: '' }).replace(/[:：]\s*$/, '') } : {}),
    question: '',
    choices: [],
    links: [
      ...(linked ? [{ label: t('pins.title'), short: t('pins.title'), url: permalink! }] : []),
      ...card.links,
    ],
    pin: {
      label: t('pins.title'),
      byline: t('pins.pinnedBy', {
        user,
        at: shownTime(pin.pinnedAt),
        until: shownTime(pin.expiresAt),
      }),
      ...(pin.note ? { noteLabel: t('pins.note'), note: pin.note } : {}),
      ...(status ? { status } : {}),
    },
  };
}
