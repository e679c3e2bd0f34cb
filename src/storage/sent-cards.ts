/**
 * Sent cards in SQL (see SentCardStore), shared by every process; entries older than 30 days
 * are swept now and then. Cards remembered together (several replies posted at once) go in
 * one statement (see Batcher).
 */
import type { SentCardStore } from '../core/storage/types.js';
import { Batcher } from './batch.js';
import type { SqlDatabase } from './sql.js';

/** How long a sent card can still be answered in place; older ones get a plain "answered" notice. */
const SENT_CARD_DAYS = 30;

interface Remembered {
  key: string;
  json: string;
  owner: string | null;
}

export class SqlSentCardStore<C> implements SentCardStore<C> {
  private writes = 0;
  private readonly batch = new Batcher<Remembered, void>((items) => this.rememberAll(items));

  constructor(private readonly db: SqlDatabase) {}

  remember(key: string, card: C, owner?: string): Promise<void> {
    return this.batch.run({ key, json: JSON.stringify(card), owner: owner ?? null });
  }

  async recall(key: string): Promise<C | undefined> {
    const [row] = await this.db.query<{ card: C }>('select card from sent_cards where key = $1', [key]);
    return row?.card;
  }

  async owner(key: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ owner: string | null }>(
      'select owner from sent_cards where key = $1',
      [key],
    );
    return row?.owner ?? undefined;
  }

  private async rememberAll(items: Remembered[]): Promise<void[]> {
    // One row per key in a statement (an upsert cannot touch a row twice): the last card, and
    // the last owner given, as one after the other would have left it.
    const byKey = new Map<string, Remembered>();
    for (const r of items) {
      const before = byKey.get(r.key);
      byKey.set(r.key, { ...r, owner: r.owner ?? before?.owner ?? null });
    }
    const rows = [...byKey.values()];
    await this.db.query(
      `insert into sent_cards (key, card, sent_at, owner)
       select key, card::jsonb, now(), owner from unnest($1::text[], $2::text[], $3::text[]) as t(key, card, owner)
       on conflict (key) do update set card = excluded.card, sent_at = excluded.sent_at,
         owner = coalesce(excluded.owner, sent_cards.owner)`,
      [rows.map((r) => r.key), rows.map((r) => r.json), rows.map((r) => r.owner)],
    );
    const before = this.writes;
    this.writes += items.length;
    if (before === 0 || Math.floor(this.writes / 500) > Math.floor(before / 500))
      await this.db.query(`delete from sent_cards where sent_at < now() - interval '${SENT_CARD_DAYS} days'`);
    return items.map(() => undefined);
  }
}
