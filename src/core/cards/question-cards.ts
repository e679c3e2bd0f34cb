/**
 * Cards that ask which problem it is: a topic's clarifying question, "which of these?", triage
 * ("what do you see?"), and the not-found / did-you-mean card with its suggestions.
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Choice, NotFoundCard, QuestionCard, TriageCard } from './model.js';
import { retirement, topicTitle } from './texts.js';

/** The clarifying question of a topic such as server-unavailable: one error, several causes. */
export function clarifyCard(
  pack: KnowledgePack,
  topic: string,
  lang: Lang,
  token: string,
  note?: string,
): QuestionCard {
  const structure = pack.topic(topic);
  const text = pack.text(topic, lang);
  return {
    kind: 'question',
    lang,
    title: text.title,
    ...(note ? { note } : {}),
    text: text.cause,
    question: text.question ?? pack.message('clarify.topics', lang),
    hint: pack.message('clarify.typeAnswer', lang),
    links: [],
    choices: (structure.clarify?.options ?? []).map((o) => ({
      label: text.options?.[o.id] ?? o.id,
      payload: { action: 'option', value: o.id, token },
    })),
  };
}

/** "Which of these is it?" when two different topics fit a message about equally. */
export function chooseTopicCard(
  pack: KnowledgePack,
  topics: string[],
  lang: Lang,
  token: string,
): QuestionCard {
  return {
    kind: 'question',
    lang,
    title: pack.message('clarify.topics', lang),
    question: pack.message('clarify.topics', lang),
    hint: pack.message('clarify.typeAnswer', lang),
    links: [],
    choices: topics.map((id) => ({
      label: topicTitle(pack, id, lang),
      payload: { action: 'topic', value: id, token },
    })),
  };
}

/** "What do you see?": the common error messages as they read in the user's language. */
export function triageCard(pack: KnowledgePack, lang: Lang, token: string, note?: string): TriageCard {
  const structure = pack.topic(pack.triage);
  const text = pack.text(pack.triage, lang);
  const choices: Choice[] = (structure.triage?.errors ?? []).map((id) => ({
    label: pack.text(id, lang).errors[0] ?? topicTitle(pack, id, lang),
    payload: { action: 'topic', value: id, token },
  }));
  choices.push({ label: text.noErrorOption ?? '', payload: { action: 'option', value: 'none', token } });
  return {
    kind: 'triage',
    lang,
    title: text.title,
    ...(note ? { note } : {}),
    text: text.cause,
    question: text.question ?? '',
    hint: pack.message('triage.typeAnswer', lang),
    submit: pack.message('triage.submit', lang),
    token,
    ...retirement(pack, lang),
    choices,
  };
}

export function notFoundCard(
  pack: KnowledgePack,
  userText: string,
  suggestions: string[],
  lang: Lang,
  token: string,
): NotFoundCard {
  const t = (key: string) => pack.message(key, lang);
  const choices: Choice[] = suggestions.map((id) => ({
    label: topicTitle(pack, id, lang),
    payload: { action: 'topic', value: id, token },
  }));
  choices.push({ label: t('notFound.person'), payload: { action: 'escalate', value: 'person', token } });
  return {
    kind: 'notFound',
    lang,
    title: t('notFound.title'),
    text: suggestions.length ? t('notFound.text') : t('notFound.nothingClose'),
    userTextLabel: t('notFound.youWrote'),
    userText,
    ...(suggestions.length ? { suggestions: t('notFound.suggestions') } : {}),
    ...retirement(pack, lang),
    choices,
  };
}
