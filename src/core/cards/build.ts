/**
 * Builds the card model from the knowledge pack. Every word comes from `locales/` through the
 * pack; this file only decides which texts go where.
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { cardToken, Helpdesk, humanSize } from '../helpdesk/service.js';
import type { Platform, Ticket } from '../helpdesk/types.js';
import type { Pin } from '../pins/types.js';
import type {
  ActionPayload,
  Choice,
  FormCard,
  FormField,
  TicketCard,
  HelpCard,
  Link,
  NoticeCard,
  NotFoundCard,
  QuestionCard,
  TopicCard,
  TriageCard,
  WelcomeCard,
} from './model.js';
import { utcMinute } from '../text/dates.js';

/** Message values that quote a person (see `people` in the card model); the rest are the bot's own. */
const PERSON_VALUES = new Set(['agent', 'question', 'note', 'user', 'name', 'actor', 'detail']);

/** The person-typed values among a message's values, for a card's `people`. */
export function peopleIn(values: Record<string, string | number>): string[] {
  return Object.entries(values)
    .filter(([k, v]) => PERSON_VALUES.has(k) && typeof v === 'string' && v.trim() !== '')
    .map(([, v]) => String(v));
}

const withPeople = (people: string[]) => {
  const unique = [...new Set(people.filter((p) => p.trim() !== ''))];
  return unique.length ? { people: unique } : {};
};

export class CardBuilder {
  constructor(private readonly pack: KnowledgePack) {}

  private t(key: string, lang: Lang, values: Record<string, string | number> = {}): string {
    return this.pack.message(key, lang, values);
  }

  /** The retirement notice and its link, for the cards that open or redirect a conversation. */
  private retirement(lang: Lang): { retirement: string; links: Link[] } {
    return {
      retirement: this.t('retirement.text', lang),
      links: [
        {
          label: this.t('retirement.link', lang),
          short: this.t('retirement.short', lang),
          url: this.t('retirement.url', lang),
        },
      ],
    };
  }

  title(topic: string, lang: Lang): string {
    return this.pack.text(topic, lang).title;
  }

  links(topic: string, lang: Lang): Link[] {
    const text = this.pack.text(topic, lang);
    return this.pack.topic(topic).links.map((l) => ({
      label: text.links[l.id] ?? l.url,
      url: l.urls?.[lang] ?? l.url,
      ...(l.kb ? { short: this.t('topic.kb', lang, { kb: l.kb }) } : {}),
    }));
  }

  /** A topic's card at one stage, ending with "Did this fix it?". */
  topic(topic: string, stageIndex: number, lang: Lang, token: string, note?: string): TopicCard {
    const structure = this.pack.topic(topic);
    const text = this.pack.text(topic, lang);
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
      errorLabel: this.t('topic.error', lang),
      ...(text.errors[0] && stageIndex === 0 ? { error: text.errors[0] } : {}),
      causeLabel: this.t('topic.cause', lang),
      cause: stageIndex === 0 ? text.cause : '',
      stage: {
        label: this.t('topic.stage', lang, {
          current: stageIndex + 1,
          total: structure.stages.length,
          title: stage.title,
        }),
        title: stage.title,
        ...(stage.intro ? { intro: stage.intro } : {}),
        steps: stage.steps,
      },
      linksLabel: this.t('topic.links', lang),
      links: this.links(topic, lang),
      question: this.t('fixed.question', lang),
      choices: [
        { label: this.t('fixed.yes', lang), payload: fixed('yes'), style: 'positive' },
        { label: this.t('fixed.no', lang), payload: fixed('no') },
      ],
    };
  }

  /** The clarifying question of a topic such as server-unavailable: one error, several causes. */
  clarify(topic: string, lang: Lang, token: string, note?: string): QuestionCard {
    const structure = this.pack.topic(topic);
    const text = this.pack.text(topic, lang);
    return {
      kind: 'question',
      lang,
      title: text.title,
      ...(note ? { note } : {}),
      text: text.cause,
      question: text.question ?? this.t('clarify.topics', lang),
      hint: this.t('clarify.typeAnswer', lang),
      links: [],
      choices: (structure.clarify?.options ?? []).map((o) => ({
        label: text.options?.[o.id] ?? o.id,
        payload: { action: 'option', value: o.id, token },
      })),
    };
  }

  /** "Which of these is it?" when two different topics fit a message about equally. */
  chooseTopic(topics: string[], lang: Lang, token: string): QuestionCard {
    return {
      kind: 'question',
      lang,
      title: this.t('clarify.topics', lang),
      question: this.t('clarify.topics', lang),
      hint: this.t('clarify.typeAnswer', lang),
      links: [],
      choices: topics.map((id) => ({
        label: this.title(id, lang),
        payload: { action: 'topic', value: id, token },
      })),
    };
  }

  /** "What do you see?": the common error messages as they read in the user's language. */
  triage(lang: Lang, token: string, note?: string): TriageCard {
    const structure = this.pack.topic(this.pack.triage);
    const text = this.pack.text(this.pack.triage, lang);
    const choices: Choice[] = (structure.triage?.errors ?? []).map((id) => ({
      label: this.pack.text(id, lang).errors[0] ?? this.title(id, lang),
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
      hint: this.t('triage.typeAnswer', lang),
      submit: this.t('triage.submit', lang),
      token,
      ...this.retirement(lang),
      choices,
    };
  }

  notFound(userText: string, suggestions: string[], lang: Lang, token: string): NotFoundCard {
    const choices: Choice[] = suggestions.map((id) => ({
      label: this.title(id, lang),
      payload: { action: 'topic', value: id, token },
    }));
    choices.push({
      label: this.t('notFound.person', lang),
      payload: { action: 'escalate', value: 'person', token },
    });
    return {
      kind: 'notFound',
      lang,
      title: this.t('notFound.title', lang),
      text: suggestions.length ? this.t('notFound.text', lang) : this.t('notFound.nothingClose', lang),
      userTextLabel: this.t('notFound.youWrote', lang),
      userText,
      ...(suggestions.length ? { suggestions: this.t('notFound.suggestions', lang) } : {}),
      ...this.retirement(lang),
      choices,
    };
  }

  /**
   * "Did you mean": the message is likely about one of these topics but not surely; each is a
   * button that starts its dialog, and a person is one more.
   */
  didYouMean(userText: string, suggestions: string[], lang: Lang, token: string): NotFoundCard {
    return {
      ...this.notFound(userText, suggestions, lang, token),
      title: this.t('didYouMean.title', lang),
      text: this.t('didYouMean.text', lang),
    };
  }

  /**
   * A reply that is not a fix, from `dialogs/answers/<id>.json` and `locales/<lang>/answers.json`:
   * a neighbour problem's redirect, the retirement notice, small talk, or "which problem?".
   */
  answer(id: string, lang: Lang): NoticeCard {
    const structure = this.pack.answer(id);
    const text = this.pack.answerText(id, lang);
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

  welcome(lang: Lang, token: string): WelcomeCard {
    return {
      kind: 'welcome',
      lang,
      title: this.t('welcome.title', lang),
      text: this.t('welcome.text', lang),
      ...this.retirement(lang),
      choices: [
        {
          label: this.t('welcome.start', lang),
          payload: { action: 'topic', value: this.pack.triage, token },
        },
      ],
    };
  }

  help(lang: Lang, token: string): HelpCard {
    return {
      kind: 'help',
      lang,
      title: this.t('help.title', lang),
      text: this.t('help.text', lang),
      commands: this.t('help.commands', lang),
      ...this.retirement(lang),
      choices: [
        { label: this.t('help.start', lang), payload: { action: 'topic', value: this.pack.triage, token } },
        { label: this.t('help.person', lang), payload: { action: 'escalate', value: 'person', token } },
      ],
    };
  }

  /** Hand-over to the helpdesk: what was tried, and how to collect the logs they will ask for. */
  escalation(tried: { topic: string; stage: string }[], lang: Lang, token: string): NoticeCard {
    const triedItems = tried.map(({ topic, stage }) =>
      this.t('escalation.triedItem', lang, {
        topic: this.title(topic, lang),
        stage: this.pack.text(topic, lang).stages[stage]?.title ?? stage,
      }),
    );
    return {
      kind: 'notice',
      lang,
      title: this.t('escalation.title', lang),
      text: this.t('escalation.text', lang),
      listLabel: this.t('escalation.tried', lang),
      list: triedItems.length ? triedItems : [this.t('escalation.nothingTried', lang)],
      // How to collect the logs comes with the ticket's number (see `logs`), after the form: the
      // hand-over itself is short enough to be read whole in the Teams client.
      links: this.links(this.pack.handOver, lang),
      choices: [
        { label: this.t('help.start', lang), payload: { action: 'restart', value: 'restart', token } },
      ],
    };
  }

  notice(key: string, lang: Lang, values: Record<string, string | number> = {}, title = ''): NoticeCard {
    return {
      kind: 'notice',
      lang,
      title,
      text: this.t(key, lang, values),
      links: [],
      choices: [],
      ...withPeople(peopleIn(values)),
    };
  }

  closing(lang: Lang): NoticeCard {
    return this.notice('closing.text', lang, {}, this.t('closing.title', lang));
  }

  /** The escalation form's fields, labelled in `lang`. */
  formFields(lang: Lang): FormField[] {
    return this.pack.escalation.form.map((f) => {
      const base = `form.fields.${f.id}`;
      const placeholder = this.pack.i18n.exists(`${base}.placeholder`, { lng: lang, ns: 'common' })
        ? this.t(`${base}.placeholder`, lang)
        : undefined;
      return {
        id: f.id,
        label: this.t(`${base}.label`, lang),
        type: f.type,
        required: f.required,
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(placeholder ? { placeholder } : {}),
        ...(f.type === 'choice'
          ? {
              choices: (f.choices ?? []).map((c) => ({ id: c, label: this.t(`${base}.choices.${c}`, lang) })),
            }
          : {}),
      };
    });
  }

  form(
    lang: Lang,
    token: string,
    current: number,
    problem?: string,
    values?: Record<string, string>,
  ): FormCard {
    return {
      kind: 'form',
      lang,
      title: this.t('form.title', lang),
      intro: this.t('form.intro', lang),
      skipHint: this.t('form.skip', lang),
      fields: this.formFields(lang),
      current,
      ...(problem ? { problem } : {}),
      ...(values && Object.keys(values).length ? { values } : {}),
      submit: this.t('form.submit', lang),
      open: this.t('form.open', lang),
      token,
      links: [],
      choices: [],
    };
  }

  /**
   * How to collect the client logs, the Windows event log and MOSDAL output, then where the files
   * go: into the chat on Teams and Slack; the terminal cannot take files or tell the user when the
   * helpdesk answers, so there it says what to do instead.
   */
  logs(lang: Lang, ref: string, platform?: Platform): NoticeCard {
    const terminal = !platform || platform === 'terminal';
    return {
      ...this.notice(
        terminal ? 'ticket.created.terminalText' : 'ticket.created.text',
        lang,
        { ref },
        this.t('ticket.created.title', lang, { ref }),
      ),
      listLabel: this.t('logs.title', lang),
      list: this.logSteps(lang, platform, ref),
      links: this.links(this.pack.handOver, lang).filter((l) => !l.url.includes('kbid=')),
    };
  }

  /** The log-collection steps, ending with where to send the files on this platform. */
  logSteps(lang: Lang, platform?: Platform, ref = ''): string[] {
    const steps = this.pack.i18n.t('logs.steps', {
      lng: lang,
      ns: 'common',
      returnObjects: true,
    }) as unknown as string[];
    const terminal = !platform || platform === 'terminal';
    return [...steps, this.t(terminal ? 'logs.sendTerminal' : 'logs.send', lang, { ref })];
  }

  /** A ticket as the helpdesk sees it: who, what was tried, the form, files, history, actions. */
  ticket(ticket: Ticket, lang: Lang): TicketCard {
    const f = (key: string) => this.t(`helpdesk.fields.${key}`, lang);
    const agent = ticket.claimedBy ?? '';
    const formFacts = this.formFields(lang).map((field) => {
      const value = ticket.form[field.id] ?? '';
      const shown = field.choices?.find((c) => c.id === value)?.label ?? value;
      return { label: field.label, value: shown || '—' };
    });
    const tried = ticket.attempts.map(
      (a) =>
        `${this.title(a.topic, lang)}: ${this.pack.text(a.topic, lang).stages[a.stage]?.title ?? a.stage} — ${a.fixed ? '✓' : '✗'}`,
    );
    const history = ticket.history.map((e) =>
      this.t(`helpdesk.events.${e.kind}`, lang, {
        at: utcMinute(e.at),
        actor: e.actor,
        detail: e.detail ?? '',
      }),
    );
    const files = ticket.files.map(
      (x) => `${x.name} (${humanSize(x.size)}, sha256 ${x.sha256.slice(0, 12)}…)`,
    );
    const token = cardToken(ticket);
    const actions = Helpdesk.operations(ticket);
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
      title: this.t('helpdesk.title', lang, { ref: ticket.ref }),
      status: this.t(`helpdesk.status.${ticket.status}`, lang, { agent }),
      facts: [
        { label: f('user'), value: ticket.user.name ?? ticket.user.id },
        { label: f('platform'), value: ticket.platform },
        { label: f('lang'), value: ticket.lang },
        { label: f('topic'), value: ticket.topic ? this.title(ticket.topic, lang) : '—' },
        { label: f('created'), value: utcMinute(ticket.createdAt) },
        ...formFacts,
      ],
      sections: [
        { label: f('tried'), items: tried.length ? tried : ['—'] },
        { label: f('files'), items: files.length ? files : [this.t('helpdesk.noFiles', lang)] },
        { label: f('history'), items: history },
      ],
      inputs: [
        ...(actions.includes('ask')
          ? [{ id: 'question' as const, label: this.t('helpdesk.inputs.question', lang) }]
          : []),
        ...(actions.includes('resolve')
          ? [{ id: 'note' as const, label: this.t('helpdesk.inputs.note', lang) }]
          : []),
      ],
      version: ticket.version,
      links: [],
      choices: actions.map((op) => ({
        label: this.t(`helpdesk.actions.${op}`, lang),
        payload: { action: 'ticket', value: `${op}:${ticket.ref}`, token },
        ...(op === 'resolve' ? { style: 'positive' as const } : {}),
      })),
    };
  }

  /** A pinned quick fix: the topic's first stage, without dialog buttons, with the pin's details. */
  pinned(pin: Pin, lang: Lang, options: { withPostLink?: boolean } = {}): TopicCard {
    const card = this.topic(pin.topic, 0, lang, '0');
    const user = pin.pinnedBy.name ?? pin.pinnedBy.id;
    let status: string | undefined;
    if (pin.endReason === 'expired')
      status = this.t('pins.expired', lang, { at: utcMinute(pin.endedAt ?? pin.expiresAt) });
    else if (pin.endReason === 'removed' || pin.endReason === 'replaced')
      status = this.t('pins.removed', lang, {
        user: pin.endedBy ?? '',
        at: utcMinute(pin.endedAt ?? pin.pinnedAt),
      });
    const permalink = typeof pin.message?.permalink === 'string' ? pin.message.permalink : undefined;
    return {
      ...card,
      ...withPeople([user, pin.endedBy ?? '', pin.note ?? '']),
      ...(options.withPostLink && permalink
        ? { note: this.t('pins.seePinned', lang, { link: '' }).replace(/[:：]\s*$/, '') }
        : {}),
      question: '',
      choices: [],
      links: [
        ...(options.withPostLink && permalink
          ? [{ label: this.t('pins.title', lang), short: this.t('pins.title', lang), url: permalink }]
          : []),
        ...card.links,
      ],
      pin: {
        label: this.t('pins.title', lang),
        byline: this.t('pins.pinnedBy', lang, {
          user,
          at: utcMinute(pin.pinnedAt),
          until: utcMinute(pin.expiresAt),
        }),
        ...(pin.note ? { noteLabel: this.t('pins.note', lang), note: pin.note } : {}),
        ...(status ? { status } : {}),
      },
    };
  }
}
