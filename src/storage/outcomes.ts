/** Outcomes (see OutcomeStore) in SQL, for PGlite and PostgreSQL alike. */
import {
  type NewOutcome,
  type Outcome,
  type OutcomePatch,
  type OutcomeStore,
} from '../core/storage/outcomes.js';
import type { Lang } from '../core/i18n/languages.js';
import type { Platform } from '../core/helpdesk/types.js';
import type { SqlDatabase } from './sql.js';

interface Row {
  id: string | number;
  conversation: string;
  user_id: string | null;
  platform: Platform;
  chat: Outcome['chat'];
  lang: Lang;
  started_at: Date | string;
  updated_at: Date | string;
  text: string;
  decision: Outcome['decision'];
  topic: string | null;
  confidence: number | string;
  suggestions: string[];
  picked: string | null;
  tried: Outcome['tried'];
  pins: string[];
  end_kind: Outcome['end'];
  ended_at: Date | string | null;
  fixed: Outcome['fixed'];
  escalation: Outcome['escalation'];
}

const iso = (d: Date | string) => new Date(d).toISOString();

function fromRow(r: Row): Outcome {
  return {
    id: Number(r.id),
    conversation: r.conversation,
    userId: r.user_id,
    platform: r.platform,
    chat: r.chat,
    lang: r.lang,
    startedAt: iso(r.started_at),
    updatedAt: iso(r.updated_at),
    text: r.text,
    decision: r.decision,
    topic: r.topic,
    confidence: Number(r.confidence),
    suggestions: r.suggestions,
    picked: r.picked,
    tried: r.tried,
    pins: r.pins,
    end: r.end_kind,
    endedAt: r.ended_at === null ? null : iso(r.ended_at),
    fixed: r.fixed,
    escalation: r.escalation,
  };
}

/** Patch fields and their columns; JSON columns are written as text cast to jsonb. */
const COLUMNS: Record<keyof OutcomePatch, { column: string; json?: boolean }> = {
  updatedAt: { column: 'updated_at' },
  picked: { column: 'picked' },
  tried: { column: 'tried', json: true },
  end: { column: 'end_kind' },
  endedAt: { column: 'ended_at' },
  fixed: { column: 'fixed', json: true },
  escalation: { column: 'escalation', json: true },
  pins: { column: 'pins', json: true },
};

export class SqlOutcomeStore implements OutcomeStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * One statement, one round trip: the conversation's open outcomes are ended and the new one
   * inserted together (a transaction of a select, updates and the insert took five). The end
   * of an open outcome is `endOfOpen`'s rule, in SQL: unanswered when it offered suggestions
   * nobody picked, abandoned otherwise.
   */
  async start(o: NewOutcome): Promise<Outcome> {
    const [row] = await this.db.query<Row>(
      `with ended as (
         update outcomes set ended_at = $6,
           end_kind = case when decision = 'did-you-mean' and picked is null then 'unanswered' else 'abandoned' end
         where conversation = $1 and end_kind is null)
       insert into outcomes (conversation, user_id, platform, chat, lang, started_at, updated_at, text,
         decision, topic, confidence, suggestions, tried, pins, end_kind, ended_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, '[]'::jsonb, $13::jsonb, $14, $15)
       returning *`,
      [
        o.conversation,
        o.userId,
        o.platform,
        o.chat,
        o.lang,
        o.startedAt,
        o.updatedAt,
        o.text,
        o.decision,
        o.topic,
        o.confidence,
        JSON.stringify(o.suggestions),
        JSON.stringify(o.pins),
        o.end ?? null,
        o.endedAt ?? null,
      ],
    );
    return fromRow(row!);
  }

  async latest(conversation: string): Promise<Outcome | undefined> {
    const [row] = await this.db.query<Row>(
      'select * from outcomes where conversation = $1 order by id desc limit 1',
      [conversation],
    );
    return row && fromRow(row);
  }

  async update(id: number, patch: OutcomePatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(patch) as [keyof OutcomePatch, unknown][]) {
      const { column, json } = COLUMNS[key];
      params.push(json ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}${json ? '::jsonb' : ''}`);
    }
    if (sets.length) await this.db.query(`update outcomes set ${sets.join(', ')} where id = $1`, params);
  }

  async list(range: { since?: string; until?: string } = {}): Promise<Outcome[]> {
    const rows = await this.db.query<Row>(
      `select * from outcomes where ($1::timestamptz is null or started_at >= $1)
         and ($2::timestamptz is null or started_at < $2) order by started_at, id`,
      [range.since ?? null, range.until ?? null],
    );
    return rows.map(fromRow);
  }

  async sweep(before: string): Promise<number> {
    return (await this.db.query('delete from outcomes where started_at < $1 returning id', [before])).length;
  }

  async forget(userId: string): Promise<number> {
    return (await this.db.query('delete from outcomes where user_id = $1 returning id', [userId])).length;
  }
}
