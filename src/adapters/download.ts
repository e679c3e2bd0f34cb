/**
 * Downloads a file a user sent, up to a hard limit: a size announced over the limit is refused
 * before reading, and the body is read as a stream that stops (and is cancelled) as soon as it
 * passes the limit, whatever size was announced. Memory never holds more than the limit.
 */
import { FileTooLargeError } from '../core/errors.js';

export async function downloadCapped(
  url: string,
  maxBytes: number,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const res = await fetch(url, { headers });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`download failed: HTTP ${res.status}`);
  }
  const announced = Number(res.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > maxBytes) {
    await res.body?.cancel();
    throw new FileTooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FileTooLargeError(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, size);
}
