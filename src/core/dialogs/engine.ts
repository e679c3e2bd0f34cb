/**
 * The dialog engine: one step of a conversation.
 *
 *   (state, what the user did) → (new state, cards to send, events)
 *
 * It is pure: no I/O, no clock, no platform. The flows are data (`dialogs/topics/*.json`): a
 * topic's stages are shown one at a time, each followed by "Did this fix it?"; No moves to the
 * next stage, then to the next likely topic, and after the last one to the helpdesk hand-over.
 * A clarifying topic asks which cause applies; triage asks what the user sees.
 */
import { CardBuilder } from '../cards/build.js';
import type { ActionPayload, Card, FormField } from '../cards/model.js';
import { MessageTooLongError } from '../errors.js';
import { type Lang, langFromLocale } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Resolver } from '../resolver/resolver.js';
import { detectLanguage } from '../text/detect-language.js';
import { stripNoise } from '../text/noise.js';
import { redactPasswords } from '../helpdesk/redact.js';
import { CommandMatcher, normalizeTyped, type Recognized } from './commands.js';
import type { ConversationState, Flow } from './state.js';
import type { Decision } from '../storage/outcomes.js';

/** How many tried stages a conversation remembers for the hand-over. */
const ATTEMPTS_KEPT = 20;
export interface UserInput {
  /** What the user typed. */
  text?: string;
  /** The button the user pressed. */
  action?: ActionPayload;
  /** The platform's locale for the user, when it has one. */
  locale?: string | null;
}

/** What the resolver made of a question, for the helpdesk's record (see OutcomeStore). */
export interface QuestionEvent {
  type: 'question';
  text: string;
  lang: Lang;
  decision: Decision;
  topic: string | null;
  confidence: number;
  suggestions: string[];
}

export type BotEvent =
  | QuestionEvent
  | { type: 'fixed'; topic: string; stage: string; lang: Lang }
  | { type: 'not-fixed'; topic: string; stage: string; lang: Lang }
  /** A topic button pressed (a "did you mean" suggestion, the help card's list). */
  | { type: 'chosen'; topic: string; lang: Lang }
  | { type: 'cancelled'; lang: Lang }
  | {
      type: 'escalation';
      lang: Lang;
      attempts: ConversationState['attempts'];
      topic: string | null;
      /** `asked`: the user asked for a person; `exhausted`: no stage or topic was left to try. */
      reason: 'asked' | 'exhausted';
    }
  /** The form is complete: open a ticket with it (the bot does, with its storage). */
  | {
      type: 'ticket';
      lang: Lang;
      form: Record<string, string>;
      attempts: ConversationState['attempts'];
      topic: string | null;
      /** Which form this was (its card's token): a form is filed once, however often it arrives. */
      formKey: string;
    }
  | { type: 'uploads-done'; lang: Lang }
  | { type: 'unknown'; text: string; lang: Lang };

export interface StepResult {
  state: ConversationState;
  cards: Card[];
  events: BotEvent[];
}

export class DialogEngine {
  private readonly cards: CardBuilder;
  private readonly commands: CommandMatcher;

  constructor(
    readonly pack: KnowledgePack,
    readonly resolver: Resolver,
  ) {
    this.cards = new CardBuilder(pack);
    this.commands = new CommandMatcher(pack);
  }

  step(previous: ConversationState, input: UserInput): StepResult {
    const state: ConversationState = structuredClone(previous);
    const out: StepResult = { state, cards: [], events: [] };
    if (input.action) this.onAction(out, input.action, input.locale);
    else if (input.text !== undefined) this.onText(out, input.text, input.locale);
    // Nothing readable arrived (a card submitted with nothing chosen): ask again, saying why.
    else this.prompt(out, this.pack.message('nothingChosen', state.lang));
    return out;
  }

  /** The card for whatever the conversation is waiting for, e.g. after a language switch. */
  prompt(out: StepResult, note?: string): void {
    const { state } = out;
    const flow = state.flow;
    const token = this.nextToken(state);
    let card: Card;
    if (!flow) card = this.cards.welcome(state.lang, token);
    else if (flow.awaiting === 'fixed')
      card = this.cards.topic(flow.topic, flow.stage, state.lang, token, note);
    else if (flow.awaiting === 'clarify') card = this.cards.clarify(flow.topic, state.lang, token, note);
    else if (flow.awaiting === 'triage') card = this.cards.triage(state.lang, token, note);
    else if (flow.awaiting === 'form')
      card = this.cards.form(state.lang, token, flow.form?.index ?? 0, note, flow.form?.values);
    else if (flow.awaiting === 'upload')
      card = {
        ...this.cards.notice('logs.title', state.lang),
        list: this.cards.logSteps(state.lang),
      };
    else card = this.cards.chooseTopic(flow.options ?? [], state.lang, token);
    this.send(out, card);
  }

  // ---- input ---------------------------------------------------------------------------

  private onText(out: StepResult, raw: string, locale?: string | null): void {
    const { state } = out;
    const text = stripNoise(raw);
    const detected = detectLanguage(text, locale);
    if (detected.source === 'text') state.lang = detected.lang;
    else if (!previousTurns(state)) state.lang = langFromLocale(locale) ?? state.lang;

    if (raw.length > this.resolver.settings.maxLength) {
      const e = new MessageTooLongError(raw.length, this.resolver.settings.maxLength);
      this.send(out, this.cards.notice('tooLong', state.lang, { length: e.length, limit: e.limit }));
      return;
    }
    if (!text) {
      this.prompt(out);
      return;
    }
    const command = this.commands.recognize(text);
    if (command && this.runCommand(out, command)) return;
    if (state.flow?.awaiting === 'form') {
      if (this.isNewQuestion(state, text, locale)) {
        // Not an answer to the field but a question of its own: leave the form and answer it.
        delete state.flow;
        this.send(out, this.cards.notice('form.left', state.lang));
        this.onQuestion(out, raw, locale);
      } else this.answerField(out, text, command?.command === 'skip');
      return;
    }
    if (state.flow?.awaiting === 'upload' && command?.command === 'done') {
      delete state.flow;
      out.events.push({ type: 'uploads-done', lang: state.lang });
      return;
    }
    // A typed number, or the label of a button on the last card, presses that button.
    const typed = normalizeTyped(text);
    const index = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
    if (index >= 0 && state.choices[index]) {
      this.onAction(out, state.choices[index]!, locale);
      return;
    }
    const flow = state.flow;
    if (flow?.awaiting === 'fixed' && (command?.command === 'yes' || command?.command === 'no')) {
      this.answerFixed(out, command.command === 'yes');
      return;
    }
    if (flow?.awaiting === 'clarify' && command?.command === 'notSure') {
      this.chooseOption(out, 'not-sure');
      return;
    }
    if (flow?.awaiting === 'triage' && (command?.command === 'no' || command?.command === 'skip')) {
      this.chooseOption(out, 'none');
      return;
    }
    const label = this.matchChoiceLabel(state, typed);
    if (label) {
      this.onAction(out, label, locale);
      return;
    }
    // "I need to talk to a person", "can you answer in Japanese": a command inside a sentence,
    // when the rest of the sentence asks nothing else.
    const inside = flow?.awaiting === 'upload' ? undefined : this.commands.within(text);
    if (inside && this.meant(inside, text, locale ?? state.lang) && this.runCommand(out, inside.command))
      return;
    this.onQuestion(out, raw, locale);
  }

  /** Runs help, cancel, start over, a person or a language switch; false for other commands. */
  private runCommand(out: StepResult, command: Recognized): boolean {
    const { state } = out;
    switch (command.command) {
      case 'switchTo':
        state.lang = command.lang;
        this.send(out, this.cards.notice('language', state.lang));
        if (state.flow) this.prompt(out);
        return true;
      case 'help':
        // Help leaves an open form: what the user types next is no longer taken as an answer.
        if (state.flow?.awaiting === 'form') delete state.flow;
        this.send(out, this.cards.help(state.lang, this.nextToken(state)));
        return true;
      case 'cancel':
        // Cancel forgets what was tried too: a later hand-over starts from the next question.
        delete state.flow;
        out.events.push({ type: 'cancelled', lang: state.lang });
        state.attempts = [];
        clearChoices(state);
        this.send(out, this.cards.notice('cancelled', state.lang));
        return true;
      case 'restart':
        this.restart(out);
        return true;
      case 'person':
        // Already on the way to a person: the form is how, so it is asked again, saying so.
        if (state.flow?.awaiting === 'form')
          this.prompt(out, this.pack.message('form.alreadyEscalating', state.lang));
        else this.escalate(out, 'asked');
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether a command phrase inside a sentence is what the sentence asks: for a person, when
   * the resolver reads the whole message as a request for the hand-over; for the others, when
   * the text around the phrase names no problem, neighbour or question of its own.
   */
  private meant(inside: { command: Recognized; rest: string }, text: string, locale: string): boolean {
    if (inside.command.command !== 'person') return this.saysNothingElse(inside.rest, locale);
    const topic = this.resolver.resolve(text, { locale }).topic;
    return topic !== null && this.pack.topic(topic).kind === 'escalate';
  }

  /** True when text left around a command names no problem, neighbour or question of its own. */
  private saysNothingElse(rest: string, locale: string): boolean {
    if (!rest.trim()) return true;
    const { answer } = this.resolver.resolve(rest, { locale });
    return answer.kind === 'unknown' || answer.kind === 'smalltalk';
  }

  private onAction(out: StepResult, action: ActionPayload, locale?: string | null): void {
    const { state } = out;
    if (!previousTurns(state)) state.lang = langFromLocale(locale) ?? state.lang;
    if (action.token !== undefined && action.token !== String(state.token)) {
      // A button from an older card: answering it now could contradict what happened since.
      this.send(out, this.cards.notice('stale', state.lang));
      this.prompt(out);
      return;
    }
    switch (action.action) {
      case 'fixed':
        if (state.flow?.awaiting === 'fixed') this.answerFixed(out, action.value === 'yes');
        else this.prompt(out);
        return;
      case 'option':
        this.chooseOption(out, action.value);
        return;
      case 'topic':
        if (!this.pack.topics.has(action.value)) return this.prompt(out);
        out.events.push({ type: 'chosen', topic: action.value, lang: state.lang });
        this.start(out, action.value, [], []);
        return;
      case 'escalate':
        this.escalate(out, 'asked');
        return;
      case 'restart':
        this.restart(out);
        return;
      case 'help':
        this.send(out, this.cards.help(state.lang, this.nextToken(state)));
        return;
      case 'form':
        if (state.flow?.awaiting === 'form') this.submitForm(out, action.fields ?? {});
        else this.prompt(out);
        return;
      case 'ticket':
        // Helpdesk actions are handled by the helpdesk, not in a user's conversation.
        return;
    }
  }

  /** Free text that is not an answer: a new question, which restarts the flow on its topic. */
  private onQuestion(out: StepResult, text: string, locale?: string | null): void {
    const { state } = out;
    const context = state.flow?.topic ?? state.attempts.at(-1)?.topic ?? null;
    const result = this.resolver.resolve(text, { locale: locale ?? state.lang, context: { topic: context } });
    state.lang = result.lang;
    const flow = state.flow;
    const question = (decision: Decision, suggestions: string[] = []) =>
      out.events.push({
        type: 'question',
        text,
        lang: state.lang,
        decision,
        topic: result.topic ?? result.candidates[0]?.topic ?? null,
        confidence: result.confidence,
        suggestions,
      });
    const { answer } = result;
    if (answer.kind === 'follow-up' && result.topic) {
      question('follow-up');
      // "still failing" on a stage: that stage did not fix it, the next one comes.
      if (flow?.awaiting === 'fixed' && flow.topic === result.topic) this.answerFixed(out, false);
      else if (flow?.topic === result.topic) this.prompt(out);
      else this.start(out, result.topic, [], []);
      return;
    }
    if (answer.kind !== 'fix' && answer.kind !== 'did-you-mean' && answer.kind !== 'unknown' && answer.id) {
      // A neighbour's redirect, the retirement notice, small talk, "which problem?": never a fix.
      if (answer.id === 'bye') delete state.flow;
      if (answer.kind !== 'smalltalk') question(answer.kind === 'follow-up' ? 'follow-up' : answer.kind);
      this.send(out, this.cards.answer(answer.id, state.lang));
      return;
    }
    if (result.topic) {
      // Typed answers to a clarifying question or to triage arrive as questions too.
      if (flow?.awaiting === 'clarify') {
        const option = this.pack
          .topic(flow.topic)
          .clarify?.options.find((o) => o.topics.length === 1 && o.topics[0] === result.topic);
        if (option) {
          question('follow-up');
          this.chooseOption(out, option.id);
          return;
        }
      }
      question('fix');
      this.start(out, result.topic, [], []);
      return;
    }
    question(result.suggestions.length ? 'did-you-mean' : 'unknown', result.suggestions);
    out.events.push({ type: 'unknown', text, lang: state.lang });
    const token = this.nextToken(state);
    this.send(
      out,
      result.suggestions.length
        ? this.cards.didYouMean(stripNoise(text), result.suggestions, state.lang, token)
        : this.cards.notFound(stripNoise(text), [], state.lang, token),
    );
  }

  // ---- flow ----------------------------------------------------------------------------

  /** Starts a topic; `queue` holds the topics to try after it, `visited` those already shown. */
  private start(out: StepResult, topic: string, queue: string[], visited: string[], note?: string): void {
    const { state } = out;
    const structure = this.pack.topic(topic);
    const flow: Flow = { topic, stage: 0, queue, visited: [...visited, topic], awaiting: 'fixed' };
    if (structure.kind === 'clarify') flow.awaiting = 'clarify';
    else if (structure.kind === 'triage') flow.awaiting = 'triage';
    state.flow = flow;
    this.prompt(out, note);
  }

  private answerFixed(out: StepResult, fixed: boolean): void {
    const { state } = out;
    const flow = state.flow!;
    const stage = this.pack.topic(flow.topic).stages[flow.stage]!;
    state.attempts.push({ topic: flow.topic, stage, fixed });
    // A conversation can last for years: the hand-over lists the latest tries, not all of them.
    if (state.attempts.length > ATTEMPTS_KEPT)
      state.attempts.splice(0, state.attempts.length - ATTEMPTS_KEPT);
    out.events.push({ type: fixed ? 'fixed' : 'not-fixed', topic: flow.topic, stage, lang: state.lang });
    if (fixed) {
      delete state.flow;
      clearChoices(state);
      this.send(out, this.cards.closing(state.lang));
      return;
    }
    const structure = this.pack.topic(flow.topic);
    if (flow.stage + 1 < structure.stages.length) {
      flow.stage++;
      this.prompt(out, this.pack.message('next.stage', state.lang));
      return;
    }
    this.advance(out, structure.next);
  }

  /** Moves to the next topic not yet shown: the queue first, then `next` of the topic just done. */
  private advance(out: StepResult, next: string[]): void {
    const { state } = out;
    const flow = state.flow!;
    const pending = [...flow.queue, ...next].filter(
      (t, i, all) => !flow.visited.includes(t) && all.indexOf(t) === i,
    );
    const [topic, ...rest] = pending;
    if (!topic) {
      this.escalate(out, 'exhausted');
      return;
    }
    const note = this.pack.message('next.topic', state.lang, { title: this.cards.title(topic, state.lang) });
    this.start(out, topic, rest, flow.visited, note);
  }

  private chooseOption(out: StepResult, option: string): void {
    const { state } = out;
    const flow = state.flow;
    if (flow?.awaiting === 'clarify') {
      const structure = this.pack.topic(flow.topic);
      const chosen = structure.clarify?.options.find((o) => o.id === option);
      if (!chosen) return this.prompt(out);
      // The other options chosen come next; then each topic's own `next` (which ends with the
      // hand-over), not the clarifying topic's generic fallback ahead of more specific causes.
      const [first, ...rest] = chosen.topics;
      this.start(out, first!, rest, flow.visited);
      return;
    }
    if (flow?.awaiting === 'triage' && option === 'none') {
      const structure = this.pack.topic('triage');
      const [first, ...rest] = structure.triage?.common ?? [];
      if (first) this.start(out, first, [...rest, ...structure.next], flow.visited);
      return;
    }
    this.prompt(out);
  }

  /** Hand-over to a person: what was tried, then the form the helpdesk needs filled in. */
  private escalate(out: StepResult, reason: 'asked' | 'exhausted'): void {
    const { state } = out;
    // The topic on screen, else the last one tried; an upload step's topic is its filed ticket's.
    const onScreen = state.flow && state.flow.awaiting !== 'upload' ? state.flow.topic : '';
    const topic = onScreen || state.attempts.at(-1)?.topic || null;
    out.events.push({ type: 'escalation', lang: state.lang, attempts: state.attempts, topic, reason });
    this.send(out, {
      ...this.cards.escalation(state.attempts, state.lang, '0'),
      choices: [],
      links: [],
      secondList: [],
    });
    state.flow = {
      topic: topic ?? '',
      stage: 0,
      queue: [],
      visited: [],
      awaiting: 'form',
      form: { index: 0, values: {} },
    };
    this.prompt(out);
  }

  /**
   * Whether text typed while the form is open is a new question rather than an answer to the
   * field asked: it is not one of the field's choices (or does not have the field's shape), and
   * the resolver finds a topic for it. A field that asks for the problem itself (the exact
   * error) takes any text; a plain "I can't sign in" is no new question while escalating.
   */
  private isNewQuestion(state: ConversationState, text: string, locale?: string | null): boolean {
    const form = state.flow!.form!;
    const spec = this.pack.escalation.form[form.index];
    if (!spec || spec.describesProblem) return false;
    if (spec.pattern && new RegExp(spec.pattern, 'u').test(text.trim())) return false;
    if (spec.type === 'choice') {
      const field = this.cards.formFields(state.lang)[form.index]!;
      if (this.choiceOf(field, text)) return false;
    } else if (!longEnoughToAsk(text)) return false; // "yesterday" answers "since when?"
    const result = this.resolver.resolve(text, { locale: locale ?? state.lang });
    return result.topic !== null && this.pack.topic(result.topic).kind !== 'triage';
  }

  /** The choice a typed answer names: its number, its label, or a good part of the label. */
  private choiceOf(field: FormField, text: string): { id: string; label: string } | undefined {
    const typed = normalizeTyped(text);
    const n = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
    return (
      field.choices![n] ??
      field.choices!.find((c) => normalizeTyped(c.label) === typed) ??
      field.choices!.find((c) => typed.length >= 3 && normalizeTyped(c.label).includes(typed))
    );
  }

  /** One typed answer to the form's current field (platforms without forms ask one at a time). */
  private answerField(out: StepResult, text: string, skip: boolean): void {
    const { state } = out;
    const form = state.flow!.form!;
    const field = this.cards.formFields(state.lang)[form.index]!;
    let value: string;
    if (skip) {
      if (field.required)
        return this.prompt(out, this.pack.message('form.required', state.lang, { field: field.label }));
      value = '';
    } else if (field.type === 'choice') {
      const choice = this.choiceOf(field, text);
      if (!choice)
        return this.prompt(out, this.pack.message('form.invalid', state.lang, { field: field.label }));
      value = choice.id;
    } else {
      value = this.clean(out, text, field.maxLength);
      if (!value && field.required)
        return this.prompt(out, this.pack.message('form.required', state.lang, { field: field.label }));
    }
    form.values[field.id] = value;
    form.index++;
    if (form.index < this.cards.formFields(state.lang).length) this.prompt(out);
    else this.finishForm(out);
  }

  /** The whole form at once (Adaptive Card inputs, a Slack modal). */
  private submitForm(out: StepResult, fields: Record<string, string>): void {
    const { state } = out;
    const form = state.flow!.form!;
    for (const [i, field] of this.cards.formFields(state.lang).entries()) {
      const raw = String(fields[field.id] ?? '').trim();
      if (field.type === 'choice' && raw && !field.choices!.some((c) => c.id === raw)) {
        form.index = i;
        return this.prompt(out, this.pack.message('form.invalid', state.lang, { field: field.label }));
      }
      const value = field.type === 'choice' ? raw : this.clean(out, raw, field.maxLength);
      if (!value && field.required) {
        form.index = i;
        return this.prompt(out, this.pack.message('form.required', state.lang, { field: field.label }));
      }
      form.values[field.id] = value;
    }
    this.finishForm(out);
  }

  /** User text bound for a ticket: bounded, and never with a password in it. */
  private clean(out: StepResult, text: string, maxLength = 500): string {
    const { text: clean, redacted } = redactPasswords(text.trim().slice(0, maxLength));
    if (redacted) this.send(out, this.cards.notice('password.refused', out.state.lang));
    return clean;
  }

  private finishForm(out: StepResult): void {
    const { state } = out;
    const flow = state.flow!;
    out.events.push({
      type: 'ticket',
      lang: state.lang,
      form: flow.form!.values,
      attempts: state.attempts,
      topic: flow.topic || null,
      formKey: String(state.token),
    });
    state.flow = { topic: flow.topic, stage: 0, queue: [], visited: [], awaiting: 'upload' };
    state.ticketed = true;
    // What was tried now belongs to that ticket; a later problem starts a list of its own.
    state.attempts = [];
    clearChoices(state);
  }

  private restart(out: StepResult): void {
    const { state } = out;
    delete state.flow;
    state.attempts = [];
    this.send(out, this.cards.notice('restarted', state.lang));
    this.start(out, 'triage', [], []);
  }

  // ---- helpers -------------------------------------------------------------------------

  private nextToken(state: ConversationState): string {
    state.token++;
    return String(state.token);
  }

  private send(out: StepResult, card: Card): void {
    out.cards.push(card);
    if (!card.choices.length) return;
    out.state.choices = card.choices.map((c) => c.payload);
    out.state.labels = card.choices.map((c) => normalizeTyped(c.label));
  }

  /**
   * A typed answer that is (or is contained in) the label of one button of the last card. The
   * "did you mean" card has no flow behind it, so its labels are read from the state only
   * (states saved before they carried labels cannot rebuild it).
   */
  private matchChoiceLabel(state: ConversationState, typed: string): ActionPayload | undefined {
    const { choices, labels } = state;
    const saved = labels?.length === choices.length;
    if (!typed || (!state.flow && !saved)) return undefined;
    const token = String(state.token);
    const current = saved
      ? choices.map((payload, i) => ({ payload, label: labels[i]! })).filter((c) => c.payload.token === token)
      : this.rebuiltLabels(state, token);
    const hits = current.filter(
      ({ label }) => label !== undefined && (label === typed || (typed.length >= 4 && label.includes(typed))),
    );
    return hits.length === 1 ? hits[0]!.payload : undefined;
  }

  /** The labels of the last card, rebuilt, for a state saved before states carried them. */
  private rebuiltLabels(state: ConversationState, token: string) {
    const labels = this.choiceLabels(state);
    return state.choices
      .filter((c) => c.token === token)
      .map((payload, i) => ({ payload, label: labels[i] }));
  }

  private choiceLabels(state: ConversationState): string[] {
    const scratch: StepResult = { state: structuredClone(state), cards: [], events: [] };
    scratch.state.token--; // rebuild the same card, with the same token
    this.prompt(scratch);
    return (scratch.cards[0]?.choices ?? []).map((c) => normalizeTyped(c.label));
  }
}

function clearChoices(state: ConversationState): void {
  state.choices = [];
  delete state.labels;
}

function previousTurns(state: ConversationState): boolean {
  return state.token > 0;
}

/**
 * A free-text answer ("since Monday", "yesterday", "昨日から") is short; a new question is a
 * sentence: four words or more, or ten characters of Japanese or Chinese.
 */
function longEnoughToAsk(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const han = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return words >= 4 || han >= 10;
}
