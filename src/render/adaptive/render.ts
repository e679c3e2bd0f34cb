/**
 * Renders the card model as Adaptive Cards (schema 1.5) from the templates in `cards/`, in
 * the Adaptive Card templating language (expanded by ./template.ts, which compiles each file
 * once). Templates are data: a content author changes the layout there. Every card carries
 * the plain-text rendering as `fallbackText`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionPayload, Card, CardKind } from '../../core/cards/model.js';
import { projectRoot } from '../../core/knowledge/load.js';
import { renderText } from '../text/render.js';
import { mapPeople } from '../people.js';
import { defang, inertMarkdown, safeUserText } from './escape.js';
import { compileTemplate } from './template.js';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const TEMPLATE_FILES: Record<CardKind, string> = {
  topic: 'topic.json',
  question: 'question.json',
  triage: 'triage.json',
  notFound: 'not-found.json',
  welcome: 'welcome.json',
  help: 'help.json',
  notice: 'notice.json',
  form: 'form.json',
  ticket: 'ticket.json',
  digest: 'digest.json',
};

/** How a triage choice travels through an Input.ChoiceSet value. */
const encodeChoice = (p: ActionPayload) => `${p.action}:${p.value}`;

export class AdaptiveCardRenderer {
  private readonly templates = new Map<CardKind, (data: unknown) => unknown>();

  constructor(private readonly cardsDir: string = join(projectRoot(), 'cards')) {
    for (const [kind, file] of Object.entries(TEMPLATE_FILES) as [CardKind, string][]) {
      const template: unknown = JSON.parse(readFileSync(join(this.cardsDir, file), 'utf8'));
      this.templates.set(kind, compileTemplate(template, `cards/${file}`));
    }
  }

  render(card: Card): AdaptiveCardJson {
    const data = templateData(card);
    const expanded = this.templates.get(card.kind)!(data) as AdaptiveCardJson;
    return { ...expanded, fallbackText: renderText(card) };
  }
}

/** The card model as the templates read it: optional texts become '', user text made safe. */
export function templateData(card: Card): Record<string, unknown> {
  /** A text that may quote a person, for a TextBlock or a fact: the quoted parts made inert. */
  const shown = (text: string) => mapPeople(text, card.people, inertMarkdown);
  const base = {
    ...card,
    note: card.note ?? '',
    retirement: card.retirement ?? '',
    linksLabel: 'linksLabel' in card ? card.linksLabel : '',
    // Every link in full in the text; buttons only for those with a short label (Teams cuts long ones off).
    links: card.links.map((l) => ({ label: l.label, url: l.url })),
    buttons: card.links.filter((l) => l.short).map((l) => ({ short: l.short, url: l.url })),
    choices: card.choices.map((c) => ({ label: c.label, style: c.style ?? 'default', payload: c.payload })),
  };
  switch (card.kind) {
    case 'topic':
      return {
        ...base,
        error: card.error ?? '',
        stage: { ...card.stage, intro: card.stage.intro ?? '' },
        pin: {
          label: card.pin?.label ?? '',
          byline: shown(card.pin?.byline ?? ''),
          status: shown(card.pin?.status ?? ''),
          noteLabel: card.pin?.noteLabel ?? '',
          // The admin's note is user text: plain TextRun, links and mentions defanged.
          note: card.pin?.note ? safeUserText(card.pin.note) : '',
        },
      };
    case 'question':
      return { ...base, text: card.text ?? '', hint: card.hint ?? '' };
    case 'triage':
      return {
        ...base,
        choices: card.choices.map((c) => ({ label: c.label, value: encodeChoice(c.payload) })),
        form: { action: 'form', value: 'triage', token: card.token },
      };
    case 'notFound':
      return { ...base, userText: safeUserText(card.userText), suggestions: card.suggestions ?? '' };
    case 'form':
      return {
        ...base,
        problem: card.problem ?? '',
        form: { action: 'form', value: 'escalation', token: card.token },
        fields: card.fields.map((f) => ({
          ...f,
          placeholder: f.placeholder ?? '',
          maxLength: f.maxLength ?? 500,
          // Answers given before are filled in again: a refused submit loses nothing.
          value: card.values?.[f.id] ?? '',
          choices: f.choices ?? [],
        })),
      };
    case 'ticket':
      // The ticket shows what users typed: links and mentions defanged for the helpdesk.
      return {
        ...base,
        status: shown(card.status),
        facts: card.facts.map((f) => ({ ...f, value: defang(shown(f.value)) })),
        sections: card.sections.map((x) => ({ ...x, items: x.items.map((i) => defang(shown(i))) })),
      };
    case 'notice':
      return {
        ...base,
        text: shown(card.text),
        listLabel: card.listLabel ?? '',
        list: (card.list ?? []).map(shown),
        secondListLabel: card.secondListLabel ?? '',
        secondList: card.secondList ?? [],
        // What a user sent (an answered form): links and mentions defanged.
        facts: (card.facts ?? []).map((f) => ({ label: f.label, value: defang(f.value) })),
      };
    default:
      return base;
  }
}

/**
 * Reads what an Adaptive Card sends back (the `value` of an Action.Submit or Action.Execute):
 * a button's payload, or the triage form's choice or typed text.
 */
export function readSubmit(value: unknown): { action?: ActionPayload; text?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const token = typeof v.token === 'string' ? v.token : undefined;
  if (v.action === 'form' && v.value === 'escalation') {
    const fields = Object.fromEntries(
      Object.entries(v).filter(
        ([k, x]) => !['action', 'value', 'token'].includes(k) && typeof x === 'string',
      ),
    ) as Record<string, string>;
    return { action: { action: 'form', value: 'escalation', fields, ...(token ? { token } : {}) } };
  }
  if (v.action === 'ticket' && typeof v.value === 'string') {
    const fields: Record<string, string> = {};
    for (const k of ['question', 'note']) if (typeof v[k] === 'string') fields[k] = v[k] as string;
    return { action: { action: 'ticket', value: v.value, fields, ...(token ? { token } : {}) } };
  }
  if (v.action === 'form') {
    if (typeof v.text === 'string' && v.text.trim()) return { text: v.text };
    if (typeof v.choice === 'string') {
      const [action, ...rest] = v.choice.split(':');
      if (isPayloadAction(action))
        return { action: { action, value: rest.join(':'), ...(token ? { token } : {}) } };
    }
    return {};
  }
  if (isPayloadAction(v.action) && typeof v.value === 'string')
    return { action: { action: v.action, value: v.value, ...(token ? { token } : {}) } };
  return {};
}

function isPayloadAction(a: unknown): a is ActionPayload['action'] {
  return (
    typeof a === 'string' && ['fixed', 'option', 'topic', 'escalate', 'restart', 'help', 'ticket'].includes(a)
  );
}
