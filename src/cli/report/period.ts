/** `--since 7d | 24h | 2026-11-01`: the start of a report's period. */
import { InvalidInputError } from '../../core/errors.js';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function parseSince(value: string, now: Date): string {
  const relative = /^(\d+)\s*([hdw])$/i.exec(value.trim());
  if (relative)
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!).toISOString();
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value.trim()) ? Date.parse(value.trim()) : NaN;
  if (Number.isNaN(date))
    throw new InvalidInputError(
      `--since must be a duration such as 7d, 24h or 2w, or a date such as 2026-11-01; got "${value}".`,
    );
  return new Date(date).toISOString();
}
