import { createServer, type Server } from 'node:http';

export interface ConnectorCall {
  method: string;
  path: string;
  body: any;
  authorization?: string;
  /** The activity id answered to a successful call (what the bot keeps for later updates). */
  id?: string;
}

/**
 * A local stand-in for the Bot Framework connector (the Teams service URL): it records every
 * outbound call the bot makes and answers like the real one (an activity id). `failNext`
 * makes the next calls fail with a status (and Retry-After), to exercise retries.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server!: Server;
  private failures: { status: number; retryAfter?: string }[] = [];
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const failure = this.failures.shift();
        const id = failure ? undefined : `activity-${++this.counter}`;
        this.calls.push({
          ...(id ? { id } : {}),
          method: req.method!,
          path: decodeURIComponent(req.url!),
          body: text ? JSON.parse(text) : undefined,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        if (failure) {
          res.statusCode = failure.status;
          if (failure.retryAfter) res.setHeader('retry-after', failure.retryAfter);
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ error: { code: 'Throttled', message: 'slow down' } }));
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}/`;
    return this;
  }

  failNext(...failures: { status: number; retryAfter?: string }[]): void {
    this.failures.push(...failures);
  }

  /** Messages the bot posted (replies and new messages), in order. */
  posted(): any[] {
    return this.calls.filter((c) => c.method === 'POST').map((c) => c.body);
  }

  updated(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  clear(): void {
    this.calls.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * POSTs an activity to the bot's /api/messages, as the Bot Connector service does, and returns
 * the status and the JSON body (invoke responses, error details), if any.
 */
export async function postActivity(base: string, activity: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') && text;
  return { status: res.status, body: json ? JSON.parse(text) : undefined, text };
}
