/**
 * The helpdesk on Teams: ticket cards posted to the helpdesk channel (HELPDESK_TEAMS_CHANNEL)
 * and updated in place, and notifications sent back to users in the chat they used, both as
 * proactive messages through the CloudAdapter.
 */
import { type CloudAdapter, CardFactory, type ConversationReference } from 'botbuilder';
import type { Card, DigestCard, TicketCard } from '../../core/cards/model.js';
import type { HelpdeskChannel, UserNotifier } from '../../core/helpdesk/channel.js';
import type { AdaptiveCardRenderer } from '../../render/adaptive/render.js';

export interface TeamsProactive {
  adapter: CloudAdapter;
  appId: string;
  renderer: AdaptiveCardRenderer;
}

export class TeamsHelpdeskChannel implements HelpdeskChannel {
  readonly platform = 'teams' as const;

  constructor(
    private readonly teams: TeamsProactive,
    private readonly channel: { id: string; serviceUrl: string; tenantId?: string },
  ) {}

  private reference(): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl: this.channel.serviceUrl,
      conversation: {
        id: this.channel.id,
        isGroup: true,
        conversationType: 'channel',
        name: 'helpdesk',
        ...(this.channel.tenantId ? { tenantId: this.channel.tenantId } : {}),
      },
      bot: { id: this.teams.appId ? `28:${this.teams.appId}` : 'bot', name: 'Sign-in Helper' },
    };
  }

  /** Bot Framework cannot read a conversation back, so the marker cannot be looked up: unused. */
  postTicket(card: TicketCard, _marker: string): Promise<Record<string, unknown>> {
    return this.post(card);
  }

  postDigest(card: DigestCard, _marker: string): Promise<Record<string, unknown>> {
    return this.post(card);
  }

  private async post(card: Card): Promise<Record<string, unknown>> {
    let activityId: string | undefined;
    await this.teams.adapter.continueConversationAsync(
      this.teams.appId,
      this.reference(),
      async (context) => {
        const res = await context.sendActivity({
          type: 'message',
          attachments: [CardFactory.adaptiveCard(this.teams.renderer.render(card))],
          summary: card.title,
        });
        activityId = res?.id;
      },
    );
    if (!activityId) throw new Error(`Teams did not return the id of the ${card.kind} card`);
    return { conversationId: this.channel.id, activityId };
  }

  async updateTicket(message: Record<string, unknown>, card: TicketCard): Promise<void> {
    await this.teams.adapter.continueConversationAsync(
      this.teams.appId,
      this.reference(),
      async (context) => {
        await context.updateActivity({
          id: String(message.activityId),
          type: 'message',
          attachments: [CardFactory.adaptiveCard(this.teams.renderer.render(card))],
        });
      },
    );
  }
}

export class TeamsNotifier implements UserNotifier {
  readonly platform = 'teams' as const;

  constructor(private readonly teams: TeamsProactive) {}

  async notify(address: Record<string, unknown>, cards: Card[]): Promise<void> {
    await this.teams.adapter.continueConversationAsync(
      this.teams.appId,
      address as Partial<ConversationReference>,
      async (context) => {
        for (const card of cards)
          await context.sendActivity({
            type: 'message',
            attachments: [CardFactory.adaptiveCard(this.teams.renderer.render(card))],
          });
      },
    );
  }
}

/** Updates the post of a pinned quick fix that ended (expired, unpinned, replaced). */
export class TeamsPinPublisher {
  constructor(private readonly teams: TeamsProactive) {}

  async end(pin: { message?: Record<string, unknown> }, card: Card): Promise<void> {
    const m = pin.message as
      { conversationId?: string; serviceUrl?: string; activityId?: string } | undefined;
    if (!m?.conversationId || !m.serviceUrl || !m.activityId) return;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: m.serviceUrl,
      conversation: { id: m.conversationId, isGroup: true, conversationType: 'channel', name: '' },
      bot: { id: this.teams.appId ? `28:${this.teams.appId}` : 'bot', name: 'Sign-in Helper' },
    };
    await this.teams.adapter.continueConversationAsync(this.teams.appId, reference, async (context) => {
      await context.updateActivity({
        id: m.activityId!,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(this.teams.renderer.render(card))],
      });
    });
  }
}
