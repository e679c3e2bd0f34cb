/**
 * The operator's endpoints:
 *
 *   GET /healthz   liveness: the process answers (and which platforms are on); never checks
 *                  anything else, so a slow database does not get the process restarted
 *   GET /readyz    readiness: 200 when every check passes, 503 naming the ones that do not
 *                  (the storage answers a query; Slack has accepted the bot token)
 *   GET /metrics   the Prometheus text format (see metrics.ts)
 */
import type { SqlExecutor } from '../storage/sql.js';
import type { Logger } from '../core/log/logger.js';
import { type Route, sendJson } from './http.js';
import type { Metrics } from './metrics.js';

/** One readiness check: its state, and whatever tells the operator why (an error, a team). */
export type Check = { state: 'ok' | 'checking' | 'failing' | (string & {}) } & object;

/** How long the storage may take to answer `select 1` before it counts as down. */
const STORAGE_TIMEOUT_MS = 2000;

/** The storage's check: a query answered within the timeout. */
export function storageCheck(db: SqlExecutor & { description: string }, log: Logger): () => Promise<Check> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${STORAGE_TIMEOUT_MS} ms`)),
        STORAGE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([db.query('select 1'), timeout]);
      return { state: 'ok', storage: db.description };
    } catch (e) {
      // Not ready is the answer; the log says why, for the operator who sees the 503.
      log.warn(`readiness: ${db.description} does not answer`, { err: e });
      return { state: 'failing', storage: db.description, error: (e as Error).message };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Checks by name, from one source (the storage, a platform's `checks()`). */
export type CheckSource = () => Record<string, Check> | Promise<Record<string, Check>>;

export function healthRoutes(options: {
  platforms: Record<string, boolean>;
  checks: CheckSource[];
  metrics: Metrics;
}): Route[] {
  const { platforms, metrics } = options;
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: async (_req, res) => sendJson(res, 200, { status: 'ok', platforms }),
    },
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        const checks = Object.assign({}, ...(await Promise.all(options.checks.map((c) => c())))) as Record<
          string,
          Check
        >;
        const ready = Object.values(checks).every((c) => c.state === 'ok');
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', platforms, checks });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handle: async (_req, res) => {
        const body = await metrics.registry.metrics();
        res.statusCode = 200;
        res.setHeader('content-type', metrics.registry.contentType);
        res.end(body);
      },
    },
  ];
}
