/**
 * Slack message text as the core reads it. Slack delivers mrkdwn with `<@U123>` (users),
 * `<!here>` (broadcasts, user groups), `<#C1|name>` (channels), `<https://x|label>` (links),
 * and `&`, `<`, `>` escaped (a quote is `&gt; ` at the start of a line). Tokens go (a link
 * keeps its label), references are decoded and tokens that arrived escaped go too. No SDK here:
 * the CLI reads pasted Slack text with it.
 */
import { decodeEntities } from '../entities.js';

function withoutTokens(text: string): string {
  return (
    text
      // User, channel, user-group and broadcast tokens.
      .replace(/<[@#!][^>]*>/g, ' ')
      // Links with a label keep the label, bare links go.
      .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/gi, '$1')
      .replace(/<(?:https?|mailto):[^>]*>/gi, ' ')
  );
}

export function slackInbound(mrkdwn: string): string {
  return withoutTokens(decodeEntities(withoutTokens(mrkdwn)));
}
