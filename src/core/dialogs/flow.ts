/**
 * Moving through the topics: a topic's stages one at a time, each followed by "Did this fix
 * it?"; No moves to the next stage, then to the next likely topic, and after the last one to
 * the helpdesk hand-over. A clarifying topic asks which cause applies; triage asks what the user
 * sees.
 */
import type { StepResult } from './events.js';
import { clearChoices, type Dialog, prompt, send } from './prompt.js';
import type { Flow } from './state.js';

/** How many tried stages a conversation remembers for the hand-over. */
const ATTEMPTS_KEPT = 20;

/** Starts a topic; `queue` holds the topics to try after it, `visited` those already shown. */
export function start(
  d: Dialog,
  out: StepResult,
  topic: string,
  queue: string[],
  visited: string[],
  note?: string,
): void {
  const structure = d.pack.topic(topic);
  const flow: Flow = { topic, stage: 0, queue, visited: [...visited, topic], awaiting: 'fixed' };
  if (structure.kind === 'clarify') flow.awaiting = 'clarify';
  else if (structure.kind === 'triage') flow.awaiting = 'triage';
  out.state.flow = flow;
  prompt(d, out, note);
}

export function answerFixed(d: Dialog, out: StepResult, fixed: boolean): void {
  const { state } = out;
  const flow = state.flow!;
  const stage = d.pack.topic(flow.topic).stages[flow.stage]!;
  state.attempts.push({ topic: flow.topic, stage, fixed });
  // A conversation can last for years: the hand-over lists the latest tries, not all of them.
  if (state.attempts.length > ATTEMPTS_KEPT) state.attempts.splice(0, state.attempts.length - ATTEMPTS_KEPT);
  out.events.push({ type: fixed ? 'fixed' : 'not-fixed', topic: flow.topic, stage, lang: state.lang });
  if (fixed) {
    delete state.flow;
    clearChoices(state);
    send(out, d.cards.closing(state.lang));
    return;
  }
  const structure = d.pack.topic(flow.topic);
  if (flow.stage + 1 < structure.stages.length) {
    flow.stage++;
    prompt(d, out, d.pack.message('next.stage', state.lang));
    return;
  }
  advance(d, out, structure.next);
}

/** Moves to the next topic not yet shown: the queue first, then `next` of the topic just done. */
function advance(d: Dialog, out: StepResult, next: string[]): void {
  const { state } = out;
  const flow = state.flow!;
  const pending = [...flow.queue, ...next].filter(
    (t, i, all) => !flow.visited.includes(t) && all.indexOf(t) === i,
  );
  const [topic, ...rest] = pending;
  if (!topic) {
    escalate(d, out, 'exhausted');
    return;
  }
  const note = d.pack.message('next.topic', state.lang, { title: d.cards.title(topic, state.lang) });
  start(d, out, topic, rest, flow.visited, note);
}

export function chooseOption(d: Dialog, out: StepResult, option: string): void {
  const flow = out.state.flow;
  if (flow?.awaiting === 'clarify') {
    const structure = d.pack.topic(flow.topic);
    const chosen = structure.clarify?.options.find((o) => o.id === option);
    if (!chosen) return prompt(d, out);
    // The other options chosen come next; then each topic's own `next` (which ends with the
    // hand-over), not the clarifying topic's generic fallback ahead of more specific causes.
    const [first, ...rest] = chosen.topics;
    start(d, out, first!, rest, flow.visited);
    return;
  }
  if (flow?.awaiting === 'triage' && option === 'none') {
    const structure = d.pack.topic(d.pack.triage);
    const [first, ...rest] = structure.triage?.common ?? [];
    if (first) start(d, out, first, [...rest, ...structure.next], flow.visited);
    return;
  }
  prompt(d, out);
}

/** Hand-over to a person: what was tried, then the form the helpdesk needs filled in. */
export function escalate(d: Dialog, out: StepResult, reason: 'asked' | 'exhausted'): void {
  const { state } = out;
  // The topic on screen, else the last one tried; an upload step's topic is its filed ticket's.
  const onScreen = state.flow && state.flow.awaiting !== 'upload' ? state.flow.topic : '';
  const topic = onScreen || state.attempts.at(-1)?.topic || null;
  out.events.push({ type: 'escalation', lang: state.lang, attempts: state.attempts, topic, reason });
  send(out, {
    ...d.cards.escalation(state.attempts, state.lang, '0'),
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
  prompt(d, out);
}

export function restart(d: Dialog, out: StepResult): void {
  const { state } = out;
  delete state.flow;
  state.attempts = [];
  send(out, d.cards.notice('restarted', state.lang));
  start(d, out, d.pack.triage, [], []);
}
