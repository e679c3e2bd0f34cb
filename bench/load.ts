/**
 * The load generator, in a process of its own: autocannon against one target for a fixed
 * time, each request a fresh, correctly signed Slack event (or a Teams activity), printing the
 * results as one JSON line.
 *   tsx bench/load.ts <slack|teams> <url> <seconds> <connections> <serviceUrl>
 */
import autocannon from 'autocannon';
import { signSlackRequest } from '../src/adapters/slack/verify.js';

const [kind, url, seconds, connections, serviceUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
// Questions written for the benchmark (not from the dev set), one per language at least.
const QUESTIONS = [
  'Lync keeps saying it cannot find my sign-in address',
  'I no longer remember my Skype for Business password',
  'サインインしようとするとサーバーが使えないと出ます',
  '登入時顯示無法取得個人憑證',
  'error: authentication service not compatible with my Lync version',
  '电脑时间不对导致无法登录',
  'my account is apparently not enabled for SIP',
  'we just set up our custom domain and nobody can sign in',
];
let n = 0;

function slackBody() {
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
      'x-slack-signature': signSlackRequest(process.env.SLACK_SIGNING_SECRET!, ts, body),
    },
  };
}

function teamsBody() {
  n++;
  const user = `bench-${n % 200}`;
  return {
    body: JSON.stringify({
      type: 'message',
      id: `${n}`,
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

const make = kind === 'slack' ? slackBody : teamsBody;
const result = await autocannon({
  url: `${url}${kind === 'slack' ? '/slack/events' : '/api/messages'}`,
  method: 'POST',
  duration: Number(seconds),
  connections: Number(connections),
  requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...make() }) }],
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    latencyMedianMs: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }) + '\n',
);
