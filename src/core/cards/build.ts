/**
 * Builds the card model from the knowledge pack. Every word comes from `locales/` through the
 * pack; these files only decide which texts go where. `CardBuilder` is the one door the rest of
 * the bot uses; each kind of card is built in a file of its own beside it.
 */
import type { Platform, Ticket } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Pin } from '../pins/types.js';
import { formCard, formFields } from './form-card.js';
import type {
  FormCard,
  FormField,
  HelpCard,
  Link,
  NoticeCard,
  NotFoundCard,
  QuestionCard,
  TicketCard,
  TopicCard,
  TriageCard,
  WelcomeCard,
} from './model.js';
import {
  answerCard,
  escalationCard,
  helpCard,
  logsCard,
  logSteps,
  noticeCard,
  welcomeCard,
} from './notice-cards.js';
import { chooseTopicCard, clarifyCard, notFoundCard, triageCard } from './question-cards.js';
import { ticketCard } from './ticket-card.js';
import { topicLinks, topicTitle } from './texts.js';
import { pinnedCard, topicCard } from './topic-card.js';

export { peopleIn } from './texts.js';

export class CardBuilder {
  constructor(private readonly pack: KnowledgePack) {}

  title(topic: string, lang: Lang): string {
    return topicTitle(this.pack, topic, lang);
  }

  links(topic: string, lang: Lang): Link[] {
    return topicLinks(this.pack, topic, lang);
  }

  /** A topic's card at one stage, ending with "Did this fix it?". */
  topic(topic: string, stageIndex: number, lang: Lang, token: string, note?: string): TopicCard {
    return topicCard(this.pack, topic, stageIndex, lang, token, note);
  }

  /** The clarifying question of a topic such as server-unavailable: one error, several causes. */
  clarify(topic: string, lang: Lang, token: string, note?: string): QuestionCard {
    return clarifyCard(this.pack, topic, lang, token, note);
  }

  /** "Which of these is it?" when two different topics fit a message about equally. */
  chooseTopic(topics: string[], lang: Lang, token: string): QuestionCard {
    return chooseTopicCard(this.pack, topics, lang, token);
  }

  /** "What do you see?": the common error messages as they read in the user's language. */
  triage(lang: Lang, token: string, note?: string): TriageCard {
    return triageCard(this.pack, lang, token, note);
  }

  notFound(userText: string, suggestions: string[], lang: Lang, token: string): NotFoundCard {
    return notFoundCard(this.pack, userText, suggestions, lang, token);
  }

  /**
   * "Did you mean": the message is likely about one of these topics but not surely; each is a
   * button that starts its dialog, and a person is one more.
   */
  didYouMean(userText: string, suggestions: string[], lang: Lang, token: string): NotFoundCard {
    return {
      ...this.notFound(userText, suggestions, lang, token),
      title: this.pack.message('didYouMean.title', lang),
      text: this.pack.message('didYouMean.text', lang),
    };
  }

  /** A reply that is not a fix: a neighbour's redirect, the retirement notice, small talk. */
  answer(id: string, lang: Lang): NoticeCard {
    return answerCard(this.pack, id, lang);
  }

  welcome(lang: Lang, token: string): WelcomeCard {
    return welcomeCard(this.pack, lang, token);
  }

  help(lang: Lang, token: string): HelpCard {
    return helpCard(this.pack, lang, token);
  }

  /** Hand-over to the helpdesk: what was tried, and how to collect the logs they will ask for. */
  escalation(tried: { topic: string; stage: string }[], lang: Lang, token: string): NoticeCard {
    return escalationCard(this.pack, tried, lang, token);
  }

  notice(key: string, lang: Lang, values: Record<string, string | number> = {}, title = ''): NoticeCard {
    return noticeCard(this.pack, key, lang, values, title);
  }

  closing(lang: Lang): NoticeCard {
    return this.notice('closing.text', lang, {}, this.pack.message('closing.title', lang));
  }

  /** The escalation form's fields, labelled in `lang`. */
  formFields(lang: Lang): FormField[] {
    return formFields(this.pack, lang);
  }

  form(
    lang: Lang,
    token: string,
    current: number,
    problem?: string,
    values?: Record<string, string>,
  ): FormCard {
    return formCard(this.pack, lang, token, current, problem, values);
  }

  /** How to collect the logs once a ticket is filed, and where the files go on this platform. */
  logs(lang: Lang, ref: string, platform?: Platform): NoticeCard {
    return logsCard(this.pack, lang, ref, platform);
  }

  /** The log-collection steps, ending with where to send the files on this platform. */
  logSteps(lang: Lang, platform?: Platform, ref = ''): string[] {
    return logSteps(this.pack, lang, platform, ref);
  }

  /** A ticket as the helpdesk sees it: who, what was tried, the form, files, history, actions. */
  ticket(ticket: Ticket, lang: Lang): TicketCard {
    return ticketCard(this.pack, ticket, lang);
  }

  /** A pinned quick fix: the topic's first stage, without dialog buttons, with the pin's details. */
  pinned(pin: Pin, lang: Lang, options: { withPostLink?: boolean } = {}): TopicCard {
    return pinnedCard(this.pack, pin, lang, options);
  }
}
