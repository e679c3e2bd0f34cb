/** Slack payloads as Slack sends them, and the signed HTTP request that carries them. */
import { signSlackRequest } from '../../../src/adapters/slack/verify.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, '0');

export const TEAM = 'T0001';
let n = 0;
const ts = () => `1763780000.${String(++n).padStart(6, '0')}`;

export function signed(
  body: string,
  contentType: string,
  options: { timestamp?: number; retry?: number; secret?: string } = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...(options.retry
        ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
  };
}

export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++n}`) {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0SIGNIN',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1763780000,
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true }],
  });
}

export function dm(text: string, user = 'UUSER1', channel = 'D0DM1') {
  return { type: 'message', channel_type: 'im', channel, user, text, ts: ts(), event_ts: ts(), team: TEAM };
}

export function mention(text: string, user = 'UUSER1', channel = 'C0HELP') {
  const t = ts();
  return { type: 'app_mention', user, text: `<@UBOT> ${text}`, ts: t, event_ts: t, channel, team: TEAM };
}

export function slashCommand(text: string, responseUrl: string, user = 'UUSER1') {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'contoso',
    channel_id: 'C0HELP',
    channel_name: 'helpdesk',
    user_id: user,
    user_name: 'megan',
    command: '/signin-help',
    text,
    api_app_id: 'A0SIGNIN',
    response_url: responseUrl,
    trigger_id: `${++n}.trigger`,
  }).toString();
}

export function blockAction(
  button: { action_id: string; value: string; text: { text: string } },
  message: { ts: string; blocks: unknown[]; thread_ts?: string },
  channel: string,
  responseUrl: string,
  options: { user?: string; ephemeral?: boolean } = {},
) {
  const payload = {
    type: 'block_actions',
    user: { id: options.user ?? 'UUSER1', username: (options.user ?? 'UUSER1').toLowerCase(), team_id: TEAM },
    api_app_id: 'A0SIGNIN',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel,
      is_ephemeral: Boolean(options.ephemeral),
    },
    trigger_id: `${++n}.trigger`,
    team: { id: TEAM, domain: 'contoso' },
    channel: { id: channel, name: 'helpdesk' },
    ...(options.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: 'UBOT',
            ts: message.ts,
            ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
            blocks: message.blocks,
          },
        }),
    response_url: responseUrl,
    actions: [{ ...button, type: 'button', block_id: 'choices', action_ts: `${Date.now() / 1000}${++n}` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function homeOpened(user = 'UJAPAN') {
  return { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: ts() };
}

export function fileShare(
  user: string,
  channel: string,
  files: { name: string; url: string; size: number }[],
  text = '',
) {
  return {
    ...dm(text, user, channel),
    subtype: 'file_share',
    files: files.map((f, i) => ({
      id: `F${i}`,
      name: f.name,
      mimetype: 'text/plain',
      size: f.size,
      url_private_download: f.url,
    })),
  };
}

export function viewSubmission(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, unknown>>,
  user = 'UUSER1',
) {
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'contoso' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0SIGNIN',
    token: 'legacy-verification-token',
    trigger_id: `${++n}.trigger`,
    view: {
      id: `V${++n}`,
      hash: `h${n}`,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: {
        values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: v }])),
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The settings of a Slack bot talking to the fake Web API at `apiUrl`, plus `more`. */
export function slackEnv(apiUrl: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-0001-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    ...more,
  };
}

/** The escalation modal sent back with its answers: choices by id, texts as typed. */
export function escalationForm(
  privateMetadata: string,
  answers: { client: string; os: string; error: string; since: string; affected: string; domain: string },
  user: string,
) {
  const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
  const typed = (value: string) => ({ type: 'plain_text_input', value });
  return viewSubmission(
    'escalation-form',
    privateMetadata,
    {
      client: select(answers.client),
      os: select(answers.os),
      error: typed(answers.error),
      since: typed(answers.since),
      affected: select(answers.affected),
      domain: typed(answers.domain),
    },
    user,
  );
}
