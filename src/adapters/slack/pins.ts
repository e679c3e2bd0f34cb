/** Pinned quick fixes in Slack: who may pin, and the posts of pins that ended. */
import type { webApi } from '@slack/bolt';
import type { Card } from '../../core/cards/model.js';
import type { Lang } from '../../core/i18n/languages.js';
import type { Pin } from '../../core/pins/types.js';
import { renderBlockKit } from '../../render/blockkit/render.js';
import type { Logger } from '../../core/log/logger.js';
/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

/** Updates the post of a pin that ended (expired, unpinned, replaced) and unpins it in Slack. */
export class SlackPinPublisher {
  constructor(
    private readonly client: () => WebClient,
    private readonly chooseLabel: (lang: Lang) => string,
    private readonly log?: Logger,
  ) {}

  async end(pin: Pin, card: Card, client: WebClient = this.client()): Promise<void> {
    const message = pin.message as { channel?: string; ts?: string } | undefined;
    if (!message?.channel || !message.ts) return;
    await client.chat.update({
      channel: message.channel,
      ts: message.ts,
      ...renderBlockKit(card, { chooseLabel: this.chooseLabel(card.lang) }),
    });
    try {
      await client.pins.remove({ channel: message.channel, timestamp: message.ts });
    } catch (e) {
      // The post is updated either way; only Slack's pin mark stays.
      this.log?.warn(
        `pins.remove failed: ${(e as { data?: { error?: string } }).data?.error ?? (e as Error).message}`,
        { err: e },
      );
    }
  }
}

/** Admins: BOT_ADMINS, or the workspace's admins and owners. */
export async function isSlackAdmin(
  client: WebClient,
  user: string,
  admins: string[],
  log?: Logger,
): Promise<boolean> {
  if (admins.includes(user)) return true;
  try {
    const info = await client.users.info({ user });
    return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
  } catch (e) {
    // Whoever Slack cannot vouch for now is not an admin: the command is refused, not lost.
    log?.warn(`users.info failed for ${user}; treated as not an admin`, { err: e });
    return false;
  }
}
