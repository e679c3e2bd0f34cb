import { CardBuilder } from '../../src/core/cards/build.js';
import type { Card } from '../../src/core/cards/model.js';
import type { Lang } from '../../src/core/i18n/languages.js';
import { realPack } from './pack.js';

/** Text a hostile user might type, to prove it is shown inert. */
export const HOSTILE =
  '**boss** [click](https://evil.example/x) <at>CEO</at> <!channel> <!here> <@U024BE7LH> _x_ # h1 `code` &amp;';

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
  return cards;
}
