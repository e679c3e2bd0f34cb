/** Pins and their audit trail in SQL. */
import type { Platform } from '../core/helpdesk/types.js';
import type { Pin, PinAuditEntry, PinStore } from '../core/pins/types.js';
import type { SqlDatabase } from './sql.js';

interface PinRow {
  id: string | number;
  platform: Platform;
  channel: string;
  topic: string;
  note: string;
  lang: Pin['lang'];
  pinned_by: Pin['pinnedBy'];
  pinned_at: Date | string;
  expires_at: Date | string;
  message: Record<string, unknown> | null;
  ended_at: Date | string | null;
  ended_by: string | null;
  end_reason: Pin['endReason'] | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const toPin = (r: PinRow): Pin => ({
  id: Number(r.id),
  platform: r.platform,
  channel: r.channel,
  topic: r.topic,
  note: r.note,
  lang: r.lang,
  pinnedBy: r.pinned_by,
  pinnedAt: iso(r.pinned_at),
  expiresAt: iso(r.expires_at),
  ...(r.message ? { message: r.message } : {}),
  ...(r.ended_at ? { endedAt: iso(r.ended_at) } : {}),
  ...(r.ended_by ? { endedBy: r.ended_by } : {}),
  ...(r.end_reason ? { endReason: r.end_reason } : {}),
});

export class SqlPinStore implements PinStore {
  constructor(private readonly db: SqlDatabase) {}

  async add(pin: Omit<Pin, 'id'>): Promise<{ pin: Pin; replaced?: Pin }> {
    return this.db.transaction(async (tx) => {
      const [replaced] = await tx.query<PinRow>(
        `update pins set ended_at = $4, ended_by = $5, end_reason = 'replaced'
         where platform = $1 and channel = $2 and topic = $3 and ended_at is null returning *`,
        [pin.platform, pin.channel, pin.topic, pin.pinnedAt, pin.pinnedBy.id],
      );
      const [row] = await tx.query<PinRow>(
        `insert into pins (platform, channel, topic, note, lang, pinned_by, pinned_at, expires_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) returning *`,
        [
          pin.platform,
          pin.channel,
          pin.topic,
          pin.note,
          pin.lang,
          JSON.stringify(pin.pinnedBy),
          pin.pinnedAt,
          pin.expiresAt,
        ],
      );
      return { pin: toPin(row!), ...(replaced ? { replaced: toPin(replaced) } : {}) };
    });
  }

  async setMessage(id: number, message: Record<string, unknown>): Promise<void> {
    await this.db.query('update pins set message = $2::jsonb where id = $1', [id, JSON.stringify(message)]);
  }

  async active(platform: Platform, channel: string, now: string): Promise<Pin[]> {
    const rows = await this.db.query<PinRow>(
      'select * from pins where platform = $1 and channel = $2 and ended_at is null and expires_at > $3 order by pinned_at, id',
      [platform, channel, now],
    );
    return rows.map(toPin);
  }

  async end(
    id: number,
    at: string,
    by: string,
    reason: NonNullable<Pin['endReason']>,
  ): Promise<Pin | undefined> {
    const [row] = await this.db.query<PinRow>(
      'update pins set ended_at = $2, ended_by = $3, end_reason = $4 where id = $1 and ended_at is null returning *',
      [id, at, by, reason],
    );
    return row && toPin(row);
  }

  async due(now: string): Promise<Pin[]> {
    return (
      await this.db.query<PinRow>(
        'select * from pins where ended_at is null and expires_at <= $1 order by id',
        [now],
      )
    ).map(toPin);
  }

  async audit(e: PinAuditEntry): Promise<void> {
    await this.db.query(
      'insert into pin_audit (at, actor, action, platform, channel, topic, detail) values ($1, $2, $3, $4, $5, $6, $7)',
      [e.at, e.actor, e.action, e.platform, e.channel, e.topic ?? null, e.detail ?? null],
    );
  }

  async auditLog(): Promise<PinAuditEntry[]> {
    const rows = await this.db.query<{
      at: Date | string;
      actor: string;
      action: PinAuditEntry['action'];
      platform: Platform;
      channel: string;
      topic: string | null;
      detail: string | null;
    }>('select at, actor, action, platform, channel, topic, detail from pin_audit order by id');
    return rows.map((r) => ({
      at: iso(r.at),
      actor: r.actor,
      action: r.action,
      platform: r.platform,
      channel: r.channel,
      ...(r.topic ? { topic: r.topic } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
    }));
  }
}
