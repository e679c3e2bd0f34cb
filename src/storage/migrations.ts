/**
 * The schema, as numbered migrations applied in order, once, under an advisory lock so that
 * two bot processes starting together do not race. The same migrations create the embedded
 * database and the PostgreSQL one.
 */
import type { SqlDatabase } from './sql.js';

export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'conversations, feedback, processed events, outbox',
    sql: `
      create table conversation_state (
        key text primary key,
        value jsonb not null,
        version bigint not null,
        updated_at timestamptz not null default now()
      );
      create table feedback (
        id bigserial primary key,
        conversation text not null,
        topic text not null,
        stage text not null,
        fixed boolean not null,
        lang text not null,
        at timestamptz not null
      );
      create index feedback_topic on feedback (topic, stage);
      create table processed_events (
        id text primary key,
        expires_at timestamptz not null
      );
      create index processed_events_expiry on processed_events (expires_at);
      create table outbox (
        id bigserial primary key,
        kind text not null,
        payload jsonb not null,
        dedupe_key text unique,
        created_at timestamptz not null default now(),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        sent_at timestamptz,
        result jsonb,
        last_error text
      );
      create index outbox_pending on outbox (next_attempt_at) where sent_at is null;
    `,
  },
  {
    version: 2,
    name: 'tickets, their events and files',
    sql: `
      create table tickets (
        id bigserial primary key,
        ref text unique,
        status text not null,
        version integer not null default 1,
        platform text not null,
        conversation text not null,
        user_id text not null,
        user_name text,
        address jsonb not null,
        lang text not null,
        topic text,
        form jsonb not null,
        attempts jsonb not null,
        claimed_by text,
        helpdesk_message jsonb,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index tickets_conversation on tickets (conversation, created_at desc);
      create index tickets_status on tickets (status);
      create table ticket_events (
        id bigserial primary key,
        ticket_id bigint not null references tickets (id),
        at timestamptz not null,
        actor text not null,
        kind text not null,
        detail text
      );
      create index ticket_events_ticket on ticket_events (ticket_id, id);
      create table files (
        id bigserial primary key,
        ticket_id bigint not null references tickets (id),
        name text not null,
        content_type text not null,
        size integer not null,
        sha256 text not null,
        content bytea not null,
        uploaded_at timestamptz not null,
        unique (ticket_id, sha256)
      );
    `,
  },
  {
    version: 3,
    name: 'pinned quick fixes and their audit trail',
    sql: `
      create table pins (
        id bigserial primary key,
        platform text not null,
        channel text not null,
        topic text not null,
        note text not null,
        lang text not null,
        pinned_by jsonb not null,
        pinned_at timestamptz not null,
        expires_at timestamptz not null,
        message jsonb,
        ended_at timestamptz,
        ended_by text,
        end_reason text
      );
      create index pins_active on pins (platform, channel) where ended_at is null;
      create table pin_audit (
        id bigserial primary key,
        at timestamptz not null,
        actor text not null,
        action text not null,
        platform text not null,
        channel text not null,
        topic text,
        detail text
      );
    `,
  },
  {
    version: 4,
    name: 'a secret per ticket, carried only by its card',
    sql: `
      alter table tickets add column secret text;
      update tickets set secret = md5(random()::text || id::text) where secret is null;
      alter table tickets alter column secret set not null;
    `,
  },
  {
    version: 5,
    name: 'cards sent with buttons, to answer them in place from any process',
    sql: `
      create table sent_cards (
        key text primary key,
        card jsonb not null,
        sent_at timestamptz not null
      );
      create index sent_cards_age on sent_cards (sent_at);
      `,
  },
  {
    version: 6,
    name: 'tickets filed once per form; deliveries claimed while handled, then done',
    sql: `
      alter table tickets add column form_key text;
      create unique index tickets_form on tickets (conversation, form_key) where form_key is not null;
      alter table processed_events add column done boolean not null default true;
    `,
  },
  {
    version: 7,
    name: "what became of each question: the resolver's decision and how it ended",
    sql: `
      create table outcomes (
        id bigserial primary key,
        conversation text not null,
        user_id text,
        platform text not null,
        chat text not null,
        lang text not null,
        started_at timestamptz not null,
        updated_at timestamptz not null,
        text text not null,
        decision text not null,
        topic text,
        confidence double precision not null,
        suggestions jsonb not null,
        picked text,
        tried jsonb not null,
        pins jsonb not null,
        end_kind text,
        ended_at timestamptz,
        fixed jsonb,
        escalation jsonb
      );
      create index outcomes_conversation on outcomes (conversation, id desc);
      create index outcomes_started on outcomes (started_at);
      create index outcomes_user on outcomes (user_id);
    `,
  },
  {
    version: 8,
    name: 'who a sent card belongs to: only they may answer it',
    sql: `
      alter table sent_cards add column owner text;
      create index sent_cards_owner on sent_cards (owner) where owner is not null;
    `,
  },
];

const LOCK_ID = 7_042_026; // any constant shared by every process of the bot

export async function migrate(db: SqlDatabase): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
