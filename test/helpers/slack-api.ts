import { createServer, type Server } from 'node:http';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
}

/**
 * A local Slack Web API (`clientOptions.slackApiUrl`) and response_url endpoint: records what
 * the bot calls, answers like Slack. `rateLimitNext` answers the next call with 429.
 */
/** A message the bot posted, as `conversations.history` returns it (with its metadata). */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** What the channels hold now: posted messages, with their updates applied. */
  readonly messages: PostedMessage[] = [];
  readonly responses: Record<string, any>[] = [];
  private server!: Server;
  private limits: number[] = [];
  /** Answers for a method instead of the usual one (undefined: the usual), e.g. a failing auth.test. */
  readonly hooks: Record<
    string,
    (args: Record<string, any>) => Promise<Record<string, unknown> | undefined>
  > = {};
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = (req.headers['content-type'] ?? '').includes('json');
        const args: Record<string, any> = json
          ? JSON.parse(text || '{}')
          : Object.fromEntries(new URLSearchParams(text));
        for (const k of ['blocks', 'view', 'attachments', 'metadata'])
          if (typeof args[k] === 'string') args[k] = JSON.parse(args[k]);
        res.setHeader('content-type', 'application/json');
        if (req.url!.startsWith('/files/')) {
          // Private file downloads need the bot token, as on files.slack.com.
          const authorized = req.headers.authorization?.startsWith('Bearer xoxb-');
          res.statusCode = authorized ? 200 : 403;
          res.setHeader('content-type', 'application/octet-stream');
          return res.end(authorized ? `contents of ${req.url!.slice('/files/'.length)}` : '');
        }
        if (req.url!.startsWith('/response/')) {
          this.responses.push(args);
          return res.end('{"ok":true}');
        }
        const method = req.url!.replace(/^\/api\//, '').split('?')[0]!;
        const limit = this.limits.shift();
        if (limit !== undefined) {
          res.statusCode = 429;
          res.setHeader('retry-after', String(limit));
          return res.end('{"ok":false,"error":"ratelimited"}');
        }
        this.calls.push({ method, args });
        const hooked = await this.hooks[method]?.(args);
        if (hooked) return res.end(JSON.stringify(hooked));
        const reply: Record<string, unknown> = { ok: true };
        if (method === 'auth.test')
          Object.assign(reply, { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'signin' });
        if (method === 'chat.postMessage') {
          // Real seconds since the epoch, made unique: history lookups compare them with `oldest`.
          const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq % 1e6).padStart(6, '0')}`;
          Object.assign(reply, { channel: args.channel, ts });
          this.messages.push({
            channel: args.channel,
            ts,
            blocks: args.blocks,
            ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
            ...(args.metadata ? { metadata: args.metadata } : {}),
          });
        }
        if (method === 'chat.update') {
          const m = this.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
          if (m) m.blocks = args.blocks;
        }
        if (method === 'conversations.history' || method === 'conversations.replies')
          Object.assign(reply, {
            messages: this.messages
              .filter(
                (m) =>
                  m.channel === args.channel &&
                  Number(m.ts) >= Number(args.oldest ?? 0) &&
                  (method === 'conversations.replies' ? m.thread_ts === args.ts : !m.thread_ts),
              )
              .reverse(),
            has_more: false,
          });
        if (method === 'users.info')
          Object.assign(reply, {
            user: {
              id: args.user,
              locale: args.user === 'UJAPAN' ? 'ja-JP' : args.user === 'UTAIWAN' ? 'zh-TW' : 'en-US',
              is_admin: args.user === 'UOWNER',
              is_owner: args.user === 'UOWNER',
            },
          });
        if (method === 'chat.getPermalink')
          Object.assign(reply, {
            permalink: `https://contoso.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
          });
        res.end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  rateLimitNext(seconds: number): void {
    this.limits.push(seconds);
  }

  /** Calls other than the bookkeeping ones (auth.test, users.info). */
  posts(): SlackCall[] {
    return this.calls.filter((c) => !['auth.test', 'users.info'].includes(c.method));
  }

  clear(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.responses.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
