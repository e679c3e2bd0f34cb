/**
 * A card once answered, as it stays in the chat: read-only (no inputs, no buttons), showing what
 * was chosen, typed or sent. Platforms that update a pressed card in place (Teams) show this.
 */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import { redactPasswords } from '../helpdesk/redact.js';
import { CardBuilder } from './build.js';
import type { ActionPayload, Card, FormField } from './model.js';

/** What the user did on the card: pressed a button (with its inputs), or typed into it. */
export interface CardAnswer {
  action?: ActionPayload;
  text?: string;
}

export class AnsweredCards {
  private readonly build: CardBuilder;

  constructor(private readonly pack: KnowledgePack) {
    this.build = new CardBuilder(pack);
  }

  /** `card` is the card that was answered, when it is still known; `lang` is used when it is not. */
  answered(card: Card | undefined, answer: CardAnswer, lang: Lang): Card {
    const chosen = card?.choices.find(
      (c) => c.payload.action === answer.action?.action && c.payload.value === answer.action?.value,
    )?.label;
    if (card?.kind === 'form' && answer.action?.action === 'form') {
      // The form as sent: every field's label with the value given, read-only.
      const sent = answer.action.fields ?? {};
      return {
        ...this.build.notice('form.sent', card.lang, {}, card.title),
        facts: this.build.formFields(card.lang).map((f) => ({ label: f.label, value: shown(f, sent[f.id]) })),
      };
    }
    if (card?.kind === 'triage') {
      const typed = answer.text ? redactPasswords(answer.text.trim()).text : '';
      return {
        kind: 'notice',
        lang: card.lang,
        title: card.title,
        text: card.text,
        facts: [{ label: card.question, value: chosen ?? (typed || '✓') }],
        links: [],
        choices: [],
      };
    }
    const label = chosen ?? '✓';
    if (!card) return this.build.notice('answered', lang, { answer: label });
    return {
      ...card,
      note: this.pack.message('answered', card.lang, { answer: label }),
      choices: [],
    } as Card;
  }
}

/** A sent value as the form showed it: a choice by its label, text bounded and without passwords. */
function shown(field: FormField, raw: string | undefined): string {
  const value = String(raw ?? '').trim();
  if (field.type === 'choice') return field.choices?.find((c) => c.id === value)?.label ?? '—';
  return redactPasswords(value.slice(0, field.maxLength ?? 500)).text || '—';
}
