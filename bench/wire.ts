/**
 * The requests the benchmarks send, in each platform's wire format: a fresh, correctly signed
 * Slack event, or a Teams activity. Ids are unique per process and request: a repeated id
 * would be a redelivery, which the bot acknowledges without doing the work.
 */
import { signSlackRequest } from '../src/adapters/slack/verify.js';

// Questions written for the benchmark (not from the dev set), one per language at least.
export const QUESTIONS = [
  'Lync keeps saying it cannot find my sign-in address',
  'I no longer remember my Skype for Business password',
  'サインインしようとするとサーバーが使えないと出ます',
  '登入時顯示無法取得個人憑證',
  'error: authentication service not compatible with my Lync version',
  '电脑时间不对导致无法登录',
  'my account is apparently not enabled for SIP',
  'we just set up our custom domain and nobody can sign in',
];

export interface WireRequest {
  body: string;
  headers: Record<string, string>;
}

let n = 0;

export function slackBody(signingSecret: string): WireRequest {
  n++;
  const user = `UBENCH${n % 200}`;
  const text = QUESTIONS[n % QUESTIONS.length]!;
  const body = JSON.stringify({
    token: 't',
    team_id: 'T0001',
    api_app_id: 'A0',
    type: 'event_callback',
    event_id: `EvBench${process.pid}x${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel_type: 'im',
      channel: `D${user}`,
      user,
      text,
      ts: `${Date.now() / 1000}`,
      team: 'T0001',
    },
  });
  const ts = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signSlackRequest(signingSecret, ts, body),
    },
  };
}

export function teamsBody(serviceUrl: string): WireRequest {
  n++;
  const user = `bench-${n % 200}`;
  return {
    body: JSON.stringify({
      type: 'message',
      // The process in the id too: each load run is a process of its own, counting from 1.
      id: `${process.pid}-${n}`,
      timestamp: new Date().toISOString(),
      serviceUrl,
      channelId: 'msteams',
      from: { id: `29:${user}`, name: user, aadObjectId: user },
      recipient: { id: '28:bot', name: 'bot' },
      conversation: { conversationType: 'personal', id: `a:${user}` },
      locale: 'en-US',
      text: QUESTIONS[n % QUESTIONS.length],
    }),
    headers: { 'content-type': 'application/json' },
  };
}
