/**
 * What every part of a dialog step shares: the knowledge it reads (the `Dialog`), the card the
 * conversation waits on (`prompt`), and how a card goes out and becomes the buttons a typed
 * answer can name (`send`).
 */
import type { CardBuilder } from '../cards/build.js';
import type { Card } from '../cards/model.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Resolver } from '../resolver/resolver.js';
import { type CommandMatcher, normalizeTyped } from './commands.js';
import type { StepResult } from './events.js';
import type { ConversationState } from './state.js';

/** The knowledge one step reads; nothing in it changes while steps run. */
export interface Dialog {
  pack: KnowledgePack;
  resolver: Resolver;
  cards: CardBuilder;
  commands: CommandMatcher;
}

/** The card for whatever the conversation is waiting for, e.g. after a language switch. */
export function prompt(d: Dialog, out: StepResult, note?: string): void {
  const { state } = out;
  const flow = state.flow;
  const token = nextToken(state);
  let card: Card;
  if (!flow) card = d.cards.welcome(state.lang, token);
  else if (flow.awaiting === 'fixed') card = d.cards.topic(flow.topic, flow.stage, state.lang, token, note);
  else if (flow.awaiting === 'clarify') card = d.cards.clarify(flow.topic, state.lang, token, note);
  else if (flow.awaiting === 'triage') card = d.cards.triage(state.lang, token, note);
  else if (flow.awaiting === 'form')
    card = d.cards.form(state.lang, token, flow.form?.index ?? 0, note, flow.form?.values);
  else if (flow.awaiting === 'upload')
    card = {
      ...d.cards.notice('logs.title', state.lang),
      list: d.cards.logSteps(state.lang),
    };
  else card = d.cards.chooseTopic(flow.options ?? [], state.lang, token);
  send(out, card);
}

/** A new card's token: buttons of older cards no longer match it. */
export function nextToken(state: ConversationState): string {
  state.token++;
  return String(state.token);
}

/** Queues the card; its buttons are what a typed number or label answers next. */
export function send(out: StepResult, card: Card): void {
  out.cards.push(card);
  if (!card.choices.length) return;
  out.state.choices = card.choices.map((c) => c.payload);
  out.state.labels = card.choices.map((c) => normalizeTyped(c.label));
}

export function clearChoices(state: ConversationState): void {
  state.choices = [];
  delete state.labels;
}

export function previousTurns(state: ConversationState): boolean {
  return state.token > 0;
}
