/**
 * A JSON answer to an HTTP request, for the server's own routes and the platforms' webhooks
 * alike (an answer already under way is left alone).
 */
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}
