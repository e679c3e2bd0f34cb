/** Free text that is not an answer: a new question, which restarts the flow on its topic. */
import { stripNoise } from '../text/noise.js';
import type { Decision } from '../storage/outcomes.js';
import type { StepResult } from './events.js';
import { answerFixed, chooseOption, start } from './flow.js';
import { type Dialog, nextToken, prompt, send } from './prompt.js';

export function onQuestion(d: Dialog, out: StepResult, text: string, locale?: string | null): void {
  const { state } = out;
  const context = state.flow?.topic ?? state.attempts.at(-1)?.topic ?? null;
  const result = d.resolver.resolve(text, { locale: locale ?? state.lang, context: { topic: context } });
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
    if (flow?.awaiting === 'fixed' && flow.topic === result.topic) answerFixed(d, out, false);
    else if (flow?.topic === result.topic) prompt(d, out);
    else start(d, out, result.topic, [], []);
    return;
  }
  if (answer.kind !== 'fix' && answer.kind !== 'did-you-mean' && answer.kind !== 'unknown' && answer.id) {
    // A neighbour's redirect, the retirement notice, small talk, "which problem?": never a fix.
    if (answer.id === 'bye') delete state.flow;
    if (answer.kind !== 'smalltalk') question(answer.kind === 'follow-up' ? 'follow-up' : answer.kind);
    send(out, d.cards.answer(answer.id, state.lang));
    return;
  }
  if (result.topic) {
    // Typed answers to a clarifying question or to triage arrive as questions too.
    if (flow?.awaiting === 'clarify') {
      const option = d.pack
        .topic(flow.topic)
        .clarify?.options.find((o) => o.topics.length === 1 && o.topics[0] === result.topic);
      if (option) {
        question('follow-up');
        chooseOption(d, out, option.id);
        return;
      }
    }
    question('fix');
    start(d, out, result.topic, [], []);
    return;
  }
  question(result.suggestions.length ? 'did-you-mean' : 'unknown', result.suggestions);
  out.events.push({ type: 'unknown', text, lang: state.lang });
  const token = nextToken(state);
  send(
    out,
    result.suggestions.length
      ? d.cards.didYouMean(stripNoise(text), result.suggestions, state.lang, token)
      : d.cards.notFound(stripNoise(text), [], state.lang, token),
  );
}
