/**
 * Markers on the bot's own Slack posts, so that a post whose outcome is unknown (the process
 * died after Slack took it, before the outbox recorded it) is looked up instead of posted again.
 * The marker rides in the message's metadata, which `conversations.history` and
 * `conversations.replies` return; it is never shown.
 */
import type { webApi } from '@slack/bolt';

/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

const EVENT_TYPE = 'signin_outbox';
/** History pages read at most per lookup (200 messages each). */
const MAX_PAGES = 10;

export function marked(marker: string) {
  return { metadata: { event_type: EVENT_TYPE, event_payload: { marker } } };
}

interface Listed {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The bot's posts in a channel (or a thread) since `since` that carry `marker`, oldest first. */
export async function findMarked(
  client: WebClient,
  where: { channel: string; thread?: string },
  marker: string,
  since: Date,
): Promise<{ channel: string; ts: string }[]> {
  const oldest = (since.getTime() / 1000).toFixed(6);
  const found: { channel: string; ts: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args = {
      channel: where.channel,
      oldest,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    };
    const res = where.thread
      ? await client.conversations.replies({ ...args, ts: where.thread })
      : await client.conversations.history(args);
    for (const m of (res.messages ?? []) as Listed[])
      if (m.ts && m.metadata?.event_type === EVENT_TYPE && m.metadata.event_payload?.marker === marker)
        found.push({ channel: where.channel, ts: m.ts });
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return found.sort((a, b) => Number(a.ts) - Number(b.ts));
}
