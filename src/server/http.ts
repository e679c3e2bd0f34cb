/**
 * The one HTTP server: routes, a bounded body reader, and a shutdown that finishes the
 * requests in flight. Platform endpoints plug in as routes; nothing here knows a platform.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../core/errors.js';
import { withLogContext } from '../logging/context.js';
import { type Logger, silentLogger } from '../core/log/logger.js';
import type { PlatformRoute } from '../core/platform.js';
import { sendJson } from '../adapters/respond.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A route: a platform's webhook, or the server's own (health, readiness). */
export type Route = PlatformRoute;

export interface HttpOptions {
  routes: Route[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * Listen on the loopback interface only (local mode, which has no authentication): the
   * default host is 127.0.0.1, and any other host is refused.
   */
  loopbackOnly?: boolean;
  log?: Logger;
}

export { sendJson };

const error = (res: ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { error: { code, message } });

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The id on every log line written for a request: the caller's X-Request-Id when it sent a
 * sane one (a load balancer's, to follow a request across both logs), else a new one. It is
 * sent back in the response's X-Request-Id.
 */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

export interface HttpServer {
  server: Server;
  /** Listens on `host` (every interface by default, 127.0.0.1 with `loopbackOnly`); resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves when the requests in flight have finished. */
  close(): Promise<void>;
}

/**
 * The request's body, read up to `limit` bytes and parsed when the route takes JSON; or
 * undefined once the caller's mistake (too large, not JSON, not an object) has been answered.
 */
async function readRequest(
  req: IncomingMessage,
  res: ServerResponse,
  route: Route,
  limit: number,
): Promise<{ raw: Buffer; body: unknown } | undefined> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      error(res, 413, 'payload_too_large', `The body is over ${limit} bytes.`);
      return undefined;
    }
    throw e;
  }
  if (!route.json) return { raw, body: undefined };
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    // The caller's mistake, answered as such: nothing for the operator's log.
    error(res, 400, 'malformed_json', 'The body is not valid JSON.');
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    error(res, 400, 'malformed_request', 'The body must be a JSON object.');
    return undefined;
  }
  return { raw, body };
}

export function createHttpServer(options: HttpOptions): HttpServer {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const log = options.log ?? silentLogger;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    void withLogContext({ requestId }, () => handle(req, res));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    const started = performance.now();
    try {
      const path = (req.url ?? '/').split('?')[0];
      const candidates = options.routes.filter((r) => r.path === path);
      const route = candidates.find((r) => r.method === req.method);
      if (!candidates.length) return error(res, 404, 'not_found', `No endpoint at ${path}.`);
      if (!route) {
        res.setHeader('allow', candidates.map((r) => r.method).join(', '));
        return error(res, 405, 'method_not_allowed', `${req.method} is not allowed on ${path}.`);
      }
      const read = await readRequest(req, res, route, limit);
      if (!read) return;
      const { raw, body } = read;
      await route.handle(req, res, body, raw);
      if (!res.writableEnded) res.end();
    } catch (e) {
      log.error('request failed', { err: e, method: req.method, path: req.url?.split('?')[0] });
      error(res, 500, 'internal_error', 'The request could not be handled.');
    } finally {
      // The access log, at debug: with the request id and, once the core knew it, the conversation.
      log.debug(`${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`, {
        ms: Math.round(performance.now() - started),
      });
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  }

  return {
    server,
    listen(port, host = options.loopbackOnly ? '127.0.0.1' : '0.0.0.0') {
      if (options.loopbackOnly && !LOOPBACK.has(host))
        return Promise.reject(
          new ConfigError(
            `Local mode has no authentication, so it listens on 127.0.0.1 only; refusing to listen on ${host}.`,
          ),
        );
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const finish = () => server.closeAllConnections();
        if (inFlight === 0) finish();
        else drained = finish;
      });
    },
  };
}
