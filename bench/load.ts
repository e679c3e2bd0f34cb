/**
 * The load generator, in a process of its own: autocannon against one target for a fixed
 * time, each request a fresh, correctly signed Slack event (or a Teams activity), printing the
 * results as one JSON line.
 *   tsx bench/load.ts <slack|teams> <url> <seconds> <connections> <serviceUrl>
 */
import autocannon from 'autocannon';
import { slackBody, teamsBody } from './wire.js';

const [kind, url, seconds, connections, serviceUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const make = () => (kind === 'slack' ? slackBody(process.env.SLACK_SIGNING_SECRET!) : teamsBody(serviceUrl));
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
