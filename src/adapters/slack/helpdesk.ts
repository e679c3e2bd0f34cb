/**
 * The helpdesk on Slack: ticket cards in the helpdesk channel (HELPDESK_SLACK_CHANNEL),
 * notifications back to users where they talked to the bot, and the modals that take the
 * escalation form and the helpdesk's questions and notes.
 */
import type { webApi } from '@slack/bolt';
import type { Card, DigestCard, FormCard, TicketCard } from '../../core/cards/model.js';
import type { HelpdeskChannel, UserNotifier } from '../../core/helpdesk/channel.js';
import { renderBlockKit } from '../../render/blockkit/render.js';
import type { Block } from '../../render/blockkit/render.js';
import { findMarked, marked } from './marker.js';

/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

const clip = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);
const plain = (text: string, n = 75) => ({ type: 'plain_text' as const, text: clip(text, n) });

export class SlackHelpdeskChannel implements HelpdeskChannel {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: () => WebClient,
    private readonly channel: string,
    private readonly chooseLabel: string,
  ) {}

  postTicket(card: TicketCard, marker: string): Promise<Record<string, unknown>> {
    return this.post(card, marker);
  }

  postDigest(card: DigestCard, marker: string): Promise<Record<string, unknown>> {
    return this.post(card, marker);
  }

  private async post(card: Card, marker: string): Promise<Record<string, unknown>> {
    const res = await this.client().chat.postMessage({
      channel: this.channel,
      ...renderBlockKit(card, { chooseLabel: this.chooseLabel }),
      ...marked(marker),
    });
    return { channel: res.channel ?? this.channel, ts: res.ts };
  }

  async findTicket(marker: string, since: Date): Promise<Record<string, unknown> | undefined> {
    return (await findMarked(this.client(), { channel: this.channel }, marker, since))[0];
  }

  async updateTicket(message: Record<string, unknown>, card: TicketCard): Promise<void> {
    await this.client().chat.update({
      channel: String(message.channel),
      ts: String(message.ts),
      ...renderBlockKit(card, { chooseLabel: this.chooseLabel }),
    });
  }
}

export class SlackNotifier implements UserNotifier {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: () => WebClient,
    private readonly chooseLabel: (card: Card) => string,
  ) {}

  async notify(address: Record<string, unknown>, cards: Card[], marker: string): Promise<void> {
    for (const card of cards)
      await this.client().chat.postMessage({
        channel: String(address.channel),
        ...(address.thread ? { thread_ts: String(address.thread) } : {}),
        ...renderBlockKit(card, { chooseLabel: this.chooseLabel(card) }),
        ...marked(marker),
      });
  }

  async found(address: Record<string, unknown>, marker: string, since: Date): Promise<number> {
    const where = {
      channel: String(address.channel),
      ...(address.thread ? { thread: String(address.thread) } : {}),
    };
    return (await findMarked(this.client(), where, marker, since)).length;
  }
}

/** The escalation form as a Slack modal; answers come back in a view_submission. */
export function formModal(card: FormCard, metadata: Record<string, unknown>) {
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(card.intro, 3000) } }];
  for (const f of card.fields) {
    const element =
      f.type === 'choice'
        ? {
            type: 'static_select',
            action_id: 'value',
            options: (f.choices ?? []).map((c) => ({ text: plain(c.label), value: c.id })),
          }
        : {
            type: 'plain_text_input',
            action_id: 'value',
            max_length: f.maxLength ?? 500,
            ...(f.placeholder ? { placeholder: plain(f.placeholder, 150) } : {}),
          };
    blocks.push({
      type: 'input',
      block_id: f.id,
      optional: !f.required,
      label: plain(f.label, 2000),
      element,
    });
  }
  return {
    type: 'modal' as const,
    callback_id: 'escalation-form',
    private_metadata: JSON.stringify(metadata),
    title: plain(card.title, 24),
    submit: plain(card.submit, 24),
    blocks,
  };
}

/** A question for the user, or a resolution note, typed by the helpdesk. */
export function ticketInputModal(
  title: string,
  label: string,
  submit: string,
  metadata: Record<string, unknown>,
) {
  return {
    type: 'modal' as const,
    callback_id: 'ticket-input',
    private_metadata: JSON.stringify(metadata),
    title: plain(title, 24),
    submit: plain(submit, 24),
    blocks: [
      {
        type: 'input',
        block_id: 'text',
        label: plain(label, 2000),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** The values of a submitted modal, by block id. */
export function modalValues(state: unknown): Record<string, string> {
  const values =
    (
      state as {
        values?: Record<
          string,
          Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
        >;
      }
    )?.values ?? {};
  const out: Record<string, string> = {};
  for (const [block, actions] of Object.entries(values)) {
    const v = actions.value;
    const value = v?.selected_option?.value ?? v?.value ?? '';
    out[block] = value ?? '';
  }
  return out;
}
