/**
 * The phrases found inside a message rather than scored: small talk ("thanks!"), follow-ups
 * ("still failing"), "yes" said with thanks, and the request for a person, in every language,
 * from the pack's answers and commands.
 */
import { LANGUAGES } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { PhraseMatcher } from './phrases.js';

export class ReplyPhrases {
  /** Greetings, thanks, goodbyes: the answer ids of kind `smalltalk`, by their phrasings. */
  readonly smalltalk: PhraseMatcher<string>;
  /** "still failing", "same error": the answer ids of kind `follow-up`, by their phrasings. */
  readonly followUps: PhraseMatcher<string>;
  /** "yes", "it works": said with thanks, still small talk. */
  readonly yes: PhraseMatcher<string>;
  /** "talk to a person", "转人工": the commands that ask for a person, in every language. */
  readonly person: PhraseMatcher<string>;

  constructor(pack: KnowledgePack) {
    const phrases = (kind: string) =>
      [...pack.answers.values()]
        .filter((a) => a.kind === kind)
        .flatMap((a) =>
          LANGUAGES.flatMap((lang) =>
            pack.answerText(a.id, lang).phrasings.map((p): [string, string] => [p, a.id]),
          ),
        );
    this.smalltalk = new PhraseMatcher(phrases('smalltalk'));
    this.followUps = new PhraseMatcher(phrases('follow-up'));
    const commands = (key: 'yes' | 'person') =>
      LANGUAGES.flatMap((lang) => (pack.commands(lang)?.[key] ?? []).map((p): [string, string] => [p, key]));
    this.yes = new PhraseMatcher(commands('yes'));
    this.person = new PhraseMatcher(commands('person'));
  }
}
