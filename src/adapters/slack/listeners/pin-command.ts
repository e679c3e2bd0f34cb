/**
 * `/signin-help pin TOPIC [note] [--for 24h]`, `pins`, `unpin TOPIC`: the bot decides, Slack
 * posts and pins the card (`pins.add`), and the pin remembers where its post is.
 */
import type { webApi } from '@slack/bolt';
import type { Card } from '../../../core/cards/model.js';
import { isDirect, type SlackContext } from '../context.js';
import { isSlackAdmin } from '../pins.js';
/** The Web API client Bolt bundles (its own copy, so the types always match Bolt's). */
type WebClient = webApi.WebClient;

const slackError = (e: unknown) => (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;

/** Publishes a pin's card in the channel, pins it there, and records where it is. */
async function publish(
  slack: SlackContext,
  client: WebClient,
  channel: string,
  posted: { pin: Parameters<SlackContext['bot']['pinPosted']>[0]; card: Card },
) {
  const { log } = slack.options;
  const ts = (await client.chat.postMessage({ channel, ...slack.render(posted.card) })).ts!;
  try {
    await client.pins.add({ channel, timestamp: ts });
  } catch (e) {
    // already_pinned, not_pinnable: the post still stands, and answers in the channel lead with it.
    log?.warn(`pins.add failed: ${slackError(e)}`, { err: e });
  }
  let permalink: string | undefined;
  try {
    permalink = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch (e) {
    // The card links to the post when it can; without the link it is still shown.
    log?.info(`chat.getPermalink failed: ${slackError(e)}`, { err: e });
  }
  await slack.bot.pinPosted(posted.pin, { channel, ts, ...(permalink ? { permalink } : {}) });
}

/** The replies to a pin command, or undefined when the text is anything else (a question). */
export async function pinCommand(
  slack: SlackContext,
  client: WebClient,
  input: { text: string; channel: string; user: string; name?: string; locale: string | null },
): Promise<Card[] | undefined> {
  const { text, channel, user, name, locale } = input;
  if (!/^\s*(pin|pins|unpin)\b/i.test(text)) return undefined;
  const { options } = slack;
  const outcome = await slack.bot.pinCommand({
    platform: 'slack',
    ...(isDirect(channel) ? {} : { channel }),
    actor: { id: user, ...(name ? { name } : {}) },
    admin: await isSlackAdmin(client, user, options.admins ?? [], options.log),
    // The note is shown as typed (escaped when rendered), tokens and all.
    text,
    locale,
  });
  if (!outcome) return undefined;
  for (const ended of outcome.ended) await slack.publisher.end(ended.pin, ended.card, client);
  if (outcome.publish) await publish(slack, client, channel, outcome.publish);
  return outcome.reply;
}
