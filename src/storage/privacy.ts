/**
 * `privacy forget USER`: deletes what the bot keeps about one person, in one transaction, and
 * says what it did per table. Every table of the schema is listed in `TABLES` with what
 * happens to it (a test fails when a migration adds a table that is not), so a new kind of
 * user data cannot slip past.
 *
 * A user is their platform id (Teams AAD object id, Slack user id). Their conversations are
 * found by that id: the adapters' conversation keys end with `:<user id>`, and outcomes and
 * tickets record the conversation with the id.
 */
import type { SqlDatabase } from './sql.js';

export type Treatment = 'deleted' | 'anonymized' | 'no user data';

/** Every table of the schema and what forgetting a user does to it (with why, for "no user data"). */
export const TABLES: Record<string, { treatment: Treatment; why: string }> = {
  conversation_state: {
    treatment: 'deleted',
    why: 'the dialog state and form answers of their conversations',
  },
  feedback: { treatment: 'deleted', why: 'which stage fixed their problems' },
  outcomes: { treatment: 'deleted', why: 'their questions and how each ended' },
  sent_cards: { treatment: 'deleted', why: 'cards sent in their conversations (may quote their question)' },
  files: { treatment: 'deleted', why: 'the log files they uploaded' },
  tickets: {
    treatment: 'anonymized',
    why: 'kept for the helpdesk without id, name, address or conversation',
  },
  ticket_events: { treatment: 'anonymized', why: 'their name as actor and their answers removed' },
  pins: { treatment: 'anonymized', why: 'their name and id removed where they pinned (admins)' },
  pin_audit: { treatment: 'anonymized', why: 'their name or id removed as actor' },
  processed_events: { treatment: 'no user data', why: 'platform delivery ids only, kept 30 minutes' },
  outbox: {
    treatment: 'no user data',
    why: 'ticket refs and the helpdesk messages; addresses are read from the ticket',
  },
  schema_migrations: { treatment: 'no user data', why: 'the schema version' },
};

export const FORGOTTEN = '[forgotten]';

export interface ForgetResult {
  user: string;
  /** Rows changed per table. */
  tables: { table: string; treatment: Treatment; rows: number }[];
}

export async function forgetUser(db: SqlDatabase, user: string): Promise<ForgetResult> {
  return db.transaction(async (tx) => {
    const count = async (sql: string, params: unknown[]) =>
      (await tx.query(`${sql} returning 1`, params)).length;
    const conversations = (
      await tx.query<{ c: string }>(
        `select key as c from conversation_state where key = $1 or right(key, length($1) + 1) = ':' || $1
         union select conversation from outcomes where user_id = $1
         union select conversation from tickets where user_id = $1`,
        [user],
      )
    ).map((r) => r.c);
    const tickets = await tx.query<{ id: string | number; user_name: string | null }>(
      'select id, user_name from tickets where user_id = $1',
      [user],
    );
    const ticketIds = tickets.map((t) => Number(t.id));
    const names = [user, ...tickets.flatMap((t) => (t.user_name ? [t.user_name] : []))];
    const rows: Record<string, number> = {};
    rows.outcomes = await count('delete from outcomes where user_id = $1 or conversation = any($2)', [
      user,
      conversations,
    ]);
    rows.conversation_state = await count('delete from conversation_state where key = any($1)', [
      conversations,
    ]);
    rows.feedback = await count('delete from feedback where conversation = any($1)', [conversations]);
    rows.sent_cards = await deleteSentCards(user, conversations, count);
    rows.files = await count('delete from files where ticket_id = any($1)', [ticketIds]);
    rows.ticket_events = await count(
      `update ticket_events set actor = case when actor = any($2) then $3 else actor end,
         detail = case when kind in ('answered', 'file') then $3 else detail end
       where ticket_id = any($1) and (actor = any($2) or kind in ('answered', 'file'))`,
      [ticketIds, names, FORGOTTEN],
    );
    // The form's free text (the error as typed) may name them too.
    for (const name of names)
      await tx.query(
        `update tickets set form = (select coalesce(jsonb_object_agg(k, replace(v, $2, $3)), '{}'::jsonb)
           from jsonb_each_text(form) as e(k, v)) where id = any($1)`,
        [ticketIds, name, FORGOTTEN],
      );
    rows.tickets = await count(
      `update tickets set user_id = $2, user_name = null, address = '{}'::jsonb, conversation = $2 where id = any($1)`,
      [ticketIds, FORGOTTEN],
    );
    rows.pins = await count(
      `update pins set pinned_by = jsonb_build_object('id', $2::text) where pinned_by->>'id' = $1`,
      [user, FORGOTTEN],
    );
    rows.pin_audit = await count('update pin_audit set actor = $2 where actor = any($1)', [names, FORGOTTEN]);
    return {
      user,
      tables: Object.entries(TABLES).map(([table, { treatment }]) => ({
        table,
        treatment,
        rows: rows[table] ?? 0,
      })),
    };
  });
}

/**
 * Sent cards are keyed by where they were sent (`teams:<conversation id>:<message id>`), the
 * conversation key without the user: the cards of the user's Teams conversations go, and every
 * card that belongs to them (its owner, a conversation key ending with their id), on any platform.
 */
async function deleteSentCards(
  user: string,
  conversations: string[],
  count: (sql: string, params: unknown[]) => Promise<number>,
): Promise<number> {
  const prefixes = conversations
    .filter((c) => c.startsWith('teams:'))
    .map((c) => c.slice(0, c.lastIndexOf(':') + 1).replace(/[\\%_]/g, (m) => `\\${m}`) + '%');
  return count(
    `delete from sent_cards
     where key like any($1) or owner = any($2) or right(owner, length($3) + 1) = ':' || $3`,
    [prefixes, conversations, user],
  );
}
