/**
 * Slack over HTTP, as a Bolt Receiver mounted on the bot's own server at /slack/events (one
 * endpoint for events, slash commands and interactivity). It owns the HTTP response:
 *
 *   verify the signature → parse → url_verification / ssl_check → deliver once → app.processEvent
 *
 * Bolt's listeners acknowledge first (the HTTP response goes out then, within Slack's 3 s)
 * and work after; the escalation form is acknowledged once its ticket is saved. Slack retries
 * what it did not see acknowledged: each delivery is handled once by its id (event_id, or the
 * interaction's own id), through the core's `Deliveries` (see core/deliveries.ts); a retry of
 * one being handled elsewhere is answered 503, so that Slack tries again later.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Deliveries } from '../../core/deliveries.js';
import { sendJson } from '../respond.js';
import { SlackVerificationError, verifySlackRequest } from './verify.js';
import type { Logger } from '../../core/log/logger.js';

export interface SlackReceiverOptions {
  signingSecret: string;
  deliveries: Deliveries;
  /** Seconds since the epoch (tests move the clock). */
  now?: () => number;
  log?: Logger;
}

/** A Slack request body: an event envelope, a slash command form, or an interaction payload. */
interface Body {
  type?: string;
  challenge?: string;
  ssl_check?: string;
  event_id?: string;
  command?: string;
  trigger_id?: string;
  user?: { id?: string };
  actions?: { action_id?: string; action_ts?: string }[];
  view?: { id?: string; hash?: string };
  [key: string]: unknown;
}

class MalformedBody extends Error {}

/** A JSON object, or MalformedBody: `null`, arrays, strings and numbers are valid JSON but no Slack body. */
function object(json: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new MalformedBody(`not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MalformedBody(
      `JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not an object`,
    );
  return value as Body;
}

function parse(raw: Buffer, contentType: string): Body {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return object(text);
  const form = new URLSearchParams(text);
  const payload = form.get('payload');
  if (payload !== null) return object(payload);
  return Object.fromEntries(form.entries());
}

/** The id Slack keeps across retries of one delivery. */
export function deliveryId(body: Body): string | undefined {
  if (body.type === 'event_callback' && body.event_id) return `event:${body.event_id}`;
  if (body.type === 'block_actions') {
    const action = body.actions?.[0];
    return action ? `action:${body.user?.id}:${action.action_id}:${action.action_ts}` : undefined;
  }
  if (body.type === 'view_submission' || body.type === 'view_closed')
    return `view:${body.view?.id}:${body.view?.hash}`;
  if (body.command && body.trigger_id) return `command:${body.trigger_id}`;
  return undefined;
}

export class SlackHttpReceiver implements Receiver {
  private app?: App;

  constructor(private readonly options: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** The signed body of a request, or undefined once it was answered 401 or 400. */
  private read(req: IncomingMessage, res: ServerResponse, raw: Buffer): Body | undefined {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        rawBody: raw,
        signature: header('x-slack-signature'),
        timestamp: header('x-slack-request-timestamp'),
        now: (this.options.now ?? (() => Math.floor(Date.now() / 1000)))(),
      });
    } catch (e) {
      if (!(e instanceof SlackVerificationError)) throw e;
      sendJson(res, 401, { error: { code: e.code, message: e.message } });
      return undefined;
    }
    try {
      return parse(raw, header('content-type') ?? '');
    } catch (e) {
      if (!(e instanceof MalformedBody)) throw e;
      sendJson(res, 400, {
        error: {
          code: 'malformed_request',
          message: `The body is neither a JSON object nor a Slack form (${e.message}).`,
        },
      });
      return undefined;
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const body = this.read(req, res, raw);
    if (!body) return;
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    // Slack checking the endpoint's certificate (a signed form with ssl_check=1): only a 200.
    if (body.ssl_check === '1') {
      res.statusCode = 200;
      res.end();
      return;
    }
    if (!this.app)
      return sendJson(res, 503, {
        error: { code: 'not_ready', message: 'The Slack app is not initialised.' },
      });

    let acked = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === '') {
          res.statusCode = 200;
          res.end();
        } else if (typeof response === 'string') {
          res.statusCode = 200;
          res.end(response);
        } else sendJson(res, 200, response);
      },
      ...(header('x-slack-retry-num') ? { retryNum: Number(header('x-slack-retry-num')) } : {}),
      ...(header('x-slack-retry-reason') ? { retryReason: header('x-slack-retry-reason')! } : {}),
    };
    const app = this.app;
    try {
      const outcome = await this.options.deliveries.once(deliveryId(body), () => app.processEvent(event));
      if (outcome === 'duplicate') {
        res.statusCode = 200;
        res.end(); // already handled: acknowledge the retry, answer nothing
      } else if (outcome === 'busy') {
        // Being handled elsewhere: not acknowledged, so that Slack tries again; by then it is
        // done, or its process died and the claim has run out.
        res.setHeader('retry-after', '30');
        sendJson(res, 503, {
          error: { code: 'in_progress', message: 'This delivery is being handled; try again later.' },
        });
      }
    } catch (error) {
      this.options.log?.error('slack event failed', { err: error });
      if (!acked)
        sendJson(res, 500, { error: { code: 'internal_error', message: 'The event could not be handled.' } });
    }
  }
}
