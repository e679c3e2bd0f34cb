/** Tickets in SQL: each change, its event and the messages it calls for, in one transaction. */
import type {
  NewFile,
  OutboxMessage,
  Ticket,
  TicketDraft,
  TicketEvent,
  TicketStatus,
  TicketStore,
} from '../core/helpdesk/types.js';
import type { StateWrite } from '../core/storage/types.js';
import { fileStateFirst } from '../core/helpdesk/memory.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';
import { SqlOutbox, SqlStateStore } from './stores.js';

interface TicketRow {
  id: string | number;
  ref: string;
  status: TicketStatus;
  version: number;
  platform: Ticket['platform'];
  conversation: string;
  user_id: string;
  user_name: string | null;
  address: Record<string, unknown>;
  lang: Ticket['lang'];
  topic: string | null;
  form: Record<string, string>;
  attempts: Ticket['attempts'];
  claimed_by: string | null;
  helpdesk_message: Record<string, unknown> | null;
  form_key?: string | null;
  secret: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

async function queue(tx: SqlExecutor, messages: OutboxMessage[]): Promise<void> {
  for (const m of messages) await SqlOutbox.enqueue(tx, m.kind, m.payload, m.dedupeKey);
}

export class SqlTicketStore implements TicketStore {
  constructor(private readonly db: SqlDatabase) {}

  private async hydrate(exec: SqlExecutor, row: TicketRow | undefined): Promise<Ticket | undefined> {
    if (!row) return undefined;
    const events = await exec.query<{
      at: Date | string;
      actor: string;
      kind: TicketEvent['kind'];
      detail: string | null;
    }>('select at, actor, kind, detail from ticket_events where ticket_id = $1 order by id', [row.id]);
    const files = await exec.query<{
      name: string;
      size: number;
      sha256: string;
      content_type: string;
      uploaded_at: Date | string;
    }>('select name, size, sha256, content_type, uploaded_at from files where ticket_id = $1 order by id', [
      row.id,
    ]);
    return {
      ref: row.ref,
      status: row.status,
      version: Number(row.version),
      platform: row.platform,
      conversation: row.conversation,
      user: { id: row.user_id, ...(row.user_name ? { name: row.user_name } : {}) },
      address: row.address,
      lang: row.lang,
      topic: row.topic,
      form: row.form,
      attempts: row.attempts,
      files: files.map((f) => ({
        name: f.name,
        size: Number(f.size),
        sha256: f.sha256,
        contentType: f.content_type,
        at: iso(f.uploaded_at),
      })),
      history: events.map((e) => ({
        at: iso(e.at),
        actor: e.actor,
        kind: e.kind,
        ...(e.detail !== null ? { detail: e.detail } : {}),
      })),
      ...(row.claimed_by ? { claimedBy: row.claimed_by } : {}),
      ...(row.form_key ? { formKey: row.form_key } : {}),
      ...(row.helpdesk_message ? { helpdeskMessage: row.helpdesk_message } : {}),
      secret: row.secret,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  async create(d: TicketDraft, now: string, messages: (ref: string) => OutboxMessage[]): Promise<Ticket> {
    return this.db.transaction((tx) => this.insert(tx, d, now, messages));
  }

  async file(
    d: TicketDraft & { formKey: string },
    now: string,
    messages: (ref: string) => OutboxMessage[],
    state: StateWrite,
  ): Promise<{ ticket: Ticket; created: boolean; stateVersion: number } | undefined> {
    // The state lives elsewhere (tests mixing stores): state first, then the ticket, once per form.
    if (!SqlStateStore.on(state.store, this.db)) return fileStateFirst(this, d, now, messages, state);
    const result = await this.db.transaction(async (tx) => {
      const stateVersion = await SqlStateStore.write(tx, state.key, state.value, state.expectedVersion);
      if (stateVersion === undefined) return undefined;
      const [row] = await tx.query<TicketRow>(
        'select * from tickets where conversation = $1 and form_key = $2',
        [d.conversation, d.formKey],
      );
      if (row) return { ticket: (await this.hydrate(tx, row))!, created: false, stateVersion };
      return { ticket: await this.insert(tx, d, now, messages), created: true, stateVersion };
    });
    if (result) state.store.written?.(state.key, state.value, result.stateVersion);
    return result;
  }

  async forForm(conversation: string, formKey: string): Promise<Ticket | undefined> {
    const [row] = await this.db.query<TicketRow>(
      'select * from tickets where conversation = $1 and form_key = $2',
      [conversation, formKey],
    );
    return this.hydrate(this.db, row);
  }

  private async insert(
    tx: SqlExecutor,
    d: TicketDraft,
    now: string,
    messages: (ref: string) => OutboxMessage[],
  ): Promise<Ticket> {
    const [row] = await tx.query<TicketRow>(
      `insert into tickets (status, platform, conversation, user_id, user_name, address, lang, topic, form, attempts, form_key, secret, created_at, updated_at)
       values ('open', $1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9::jsonb, $10, $12, $11, $11) returning *`,
      [
        d.platform,
        d.conversation,
        d.user.id,
        d.user.name ?? null,
        JSON.stringify(d.address),
        d.lang,
        d.topic,
        JSON.stringify(d.form),
        JSON.stringify(d.attempts),
        d.formKey ?? null,
        now,
        d.secret,
      ],
    );
    const ref = `SI-${1000 + Number(row!.id)}`;
    await tx.query('update tickets set ref = $2 where id = $1', [row!.id, ref]);
    await tx.query('insert into ticket_events (ticket_id, at, actor, kind) values ($1, $2, $3, $4)', [
      row!.id,
      now,
      d.user.name ?? d.user.id,
      'created',
    ]);
    await queue(tx, messages(ref));
    return (await this.hydrate(tx, { ...row!, ref }))!;
  }

  async get(ref: string): Promise<Ticket | undefined> {
    const [row] = await this.db.query<TicketRow>('select * from tickets where ref = $1', [ref]);
    return this.hydrate(this.db, row);
  }

  async openFor(conversation: string): Promise<Ticket | undefined> {
    const [row] = await this.db.query<TicketRow>(
      "select * from tickets where conversation = $1 and status <> 'resolved' order by created_at desc, id desc limit 1",
      [conversation],
    );
    return this.hydrate(this.db, row);
  }

  async list(filter: { status?: TicketStatus } = {}): Promise<Ticket[]> {
    const rows = filter.status
      ? await this.db.query<TicketRow>('select * from tickets where status = $1 order by id', [filter.status])
      : await this.db.query<TicketRow>('select * from tickets order by id');
    return Promise.all(rows.map(async (r) => (await this.hydrate(this.db, r))!));
  }

  async countByStatus(): Promise<Partial<Record<TicketStatus, number>>> {
    const rows = await this.db.query<{ status: TicketStatus; n: string }>(
      'select status, count(*) as n from tickets group by status',
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async update(
    ref: string,
    expectedVersion: number,
    change: Partial<Pick<Ticket, 'status' | 'claimedBy' | 'helpdeskMessage'>>,
    event: TicketEvent | null,
    messages: OutboxMessage[],
  ): Promise<Ticket | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<TicketRow>(
        `update tickets set
           status = coalesce($3, status),
           claimed_by = case when $4::boolean then $5 else claimed_by end,
           helpdesk_message = coalesce($6::jsonb, helpdesk_message),
           version = version + 1,
           updated_at = coalesce($7::timestamptz, now())
         where ref = $1 and version = $2 returning *`,
        [
          ref,
          expectedVersion,
          change.status ?? null,
          'claimedBy' in change,
          change.claimedBy ?? null,
          change.helpdeskMessage ? JSON.stringify(change.helpdeskMessage) : null,
          event?.at ?? null,
        ],
      );
      if (!row) return undefined;
      if (event)
        await tx.query(
          'insert into ticket_events (ticket_id, at, actor, kind, detail) values ($1, $2, $3, $4, $5)',
          [row.id, event.at, event.actor, event.kind, event.detail ?? null],
        );
      await queue(tx, messages);
      return this.hydrate(tx, row);
    });
  }

  async addFile(
    ref: string,
    file: NewFile & { sha256: string },
    event: TicketEvent,
    messages: OutboxMessage[],
    maxFiles: number,
  ): Promise<{ ticket: Ticket; outcome: 'added' | 'duplicate' | 'tooMany' }> {
    return this.db.transaction(async (tx) => {
      // Locks the ticket: another process adding a file waits here, then counts this one.
      const [row] = await tx.query<TicketRow>('select * from tickets where ref = $1 for update', [ref]);
      if (!row) throw new Error(`No ticket ${ref}`);
      const [held] = await tx.query<{ n: string | number; same: string | number }>(
        'select count(*) as n, count(*) filter (where sha256 = $2) as same from files where ticket_id = $1',
        [row.id, file.sha256],
      );
      const outcome =
        Number(held!.same) > 0 ? 'duplicate' : Number(held!.n) >= maxFiles ? 'tooMany' : 'added';
      if (outcome !== 'added') return { ticket: (await this.hydrate(tx, row))!, outcome };
      const [updated] = await tx.query<TicketRow>(
        'update tickets set version = version + 1, updated_at = $2 where id = $1 returning *',
        [row.id, event.at],
      );
      await tx.query(
        'insert into files (ticket_id, name, content_type, size, sha256, content, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7)',
        [row.id, file.name, file.contentType, file.content.length, file.sha256, file.content, event.at],
      );
      await tx.query(
        'insert into ticket_events (ticket_id, at, actor, kind, detail) values ($1, $2, $3, $4, $5)',
        [row.id, event.at, event.actor, event.kind, event.detail ?? null],
      );
      await queue(tx, messages);
      return { ticket: (await this.hydrate(tx, updated))!, outcome };
    });
  }

  async fileContent(ref: string, sha256: string): Promise<Buffer | undefined> {
    const [row] = await this.db.query<{ content: Buffer | Uint8Array }>(
      'select f.content from files f join tickets t on t.id = f.ticket_id where t.ref = $1 and f.sha256 = $2',
      [ref, sha256],
    );
    return row ? Buffer.from(row.content) : undefined;
  }
}
