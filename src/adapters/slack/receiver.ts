/**
 * Slack over HTTP, as a Bolt Receiver mounted on the bot's own server at /slack/events (one
 * endpoint for events, slash commands and interactivity).
 *
 *   verify the signature → parse → url_verification → deduplicate → app.processEvent
 *
 * Bolt's listeners acknowledge first (the HTTP response goes out then, within Slack's 3 s)
 * and work after; the escalation form is acknowledged once its ticket is saved. Slack retries
 * what it did not see acknowledged; each delivery is claimed by its id (event_id, or the
 * interaction's own id) while it is handled, then remembered as done for 30 minutes, so a
 * retry is acknowledged without a second answer, while an event whose first delivery never
 * arrived is handled. A claim held while handling lasts `leaseMs` only: a retry that finds it
 * held is answered 503 (Slack tries again later), and once the lease has run out (the process
 * handling it died) the retry is handled. If handling fails, the claim is given back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { DedupeStore } from '../../core/storage/types.js';
import { sendJson } from '../../server/http.js';
import { SlackVerificationError, verifySlackRequest } from './verify.js';
import type { Logger } from '../../core/log/logger.js';

export const DEDUPE_TTL_MS = 30 * 60 * 1000;
/** How long a delivery being handled is held (Slack's retries come after about 1 and 5 minutes). */
export const HANDLING_LEASE_MS = 45 * 1000;

export interface SlackReceiverOptions {
  signingSecret: string;
  dedupe: DedupeStore;
  /** Seconds since the epoch (tests move the clock). */
  now?: () => number;
  log?: Logger;
  /** How long a delivery being handled is held against retries (HANDLING_LEASE_MS). */
  leaseMs?: number;
}

/** A Slack request body: an event envelope, a slash command form, or an interaction payload. */
interface Body {
  type?: string;
  challenge?: string;
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

  async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
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
      if (e instanceof SlackVerificationError)
        return sendJson(res, 401, { error: { code: e.code, message: e.message } });
      throw e;
    }
    let body: Body;
    try {
      body = parse(raw, header('content-type') ?? '');
    } catch (e) {
      if (!(e instanceof MalformedBody)) throw e;
      return sendJson(res, 400, {
        error: {
          code: 'malformed_request',
          message: `The body is neither a JSON object nor a Slack form (${e.message}).`,
        },
      });
    }
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    if (!this.app)
      return sendJson(res, 503, {
        error: { code: 'not_ready', message: 'The Slack app is not initialised.' },
      });

    const id = deliveryId(body);
    const claim = id
      ? await this.options.dedupe.begin(id, this.options.leaseMs ?? HANDLING_LEASE_MS)
      : 'claimed';
    if (claim === 'done') {
      res.statusCode = 200;
      res.end(); // already handled: acknowledge the retry, answer nothing
      return;
    }
    if (claim === 'busy') {
      // Being handled elsewhere: not acknowledged, so that Slack tries again; by then it is
      // done, or its process died and the claim has run out.
      res.setHeader('retry-after', '30');
      return sendJson(res, 503, {
        error: { code: 'in_progress', message: 'This delivery is being handled; try again later.' },
      });
    }
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
    try {
      await this.app.processEvent(event);
      if (id) await this.options.dedupe.finish(id, DEDUPE_TTL_MS);
    } catch (error) {
      if (id) await this.options.dedupe.release(id);
      this.options.log?.error('slack event failed', { err: error });
      if (!acked)
        sendJson(res, 500, { error: { code: 'internal_error', message: 'The event could not be handled.' } });
    }
  }
}
