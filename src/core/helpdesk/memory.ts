/** In-memory tickets and outbox: one process, nothing survives a restart (tests, quick runs). */
import type { Outbox, OutboxItem, StateWrite } from '../storage/types.js';
import type {
  NewFile,
  OutboxMessage,
  Ticket,
  TicketDraft,
  TicketEvent,
  TicketStatus,
  TicketStore,
} from './types.js';

export class MemoryOutbox implements Outbox {
  private readonly items: (OutboxItem & {
    due: number;
    lockedUntil: number;
    sent: boolean;
    dedupeKey?: string;
  })[] = [];
  private next = 1;

  async enqueue(m: OutboxMessage): Promise<void> {
    this.push(m);
  }

  push(m: OutboxMessage): void {
    if (m.dedupeKey && this.items.some((i) => i.dedupeKey === m.dedupeKey)) return;
    this.items.push({
      id: this.next++,
      kind: m.kind,
      payload: structuredClone(m.payload),
      attempts: 0,
      due: 0,
      lockedUntil: 0,
      sent: false,
      ...(m.dedupeKey ? { dedupeKey: m.dedupeKey } : {}),
    });
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const now = Date.now();
    const due = this.items.filter((i) => !i.sent && i.due <= now && i.lockedUntil <= now).slice(0, limit);
    for (const i of due) {
      i.lockedUntil = now + leaseMs;
      i.attempts++;
    }
    return due.map(({ id, kind, payload, attempts }) => ({
      id,
      kind,
      payload: structuredClone(payload),
      attempts,
    }));
  }

  async complete(id: number): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (item) item.sent = true;
  }

  async fail(id: number, _error: string, retryInMs: number): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (item) {
      item.lockedUntil = 0;
      item.due = Date.now() + retryInMs;
    }
  }

  async pending(): Promise<number> {
    return this.items.filter((i) => !i.sent).length;
  }
}

export class MemoryTicketStore implements TicketStore {
  private readonly tickets: Ticket[] = [];
  private readonly contents = new Map<string, Buffer>();

  constructor(private readonly outbox: MemoryOutbox) {}

  async create(d: TicketDraft, now: string, messages: (ref: string) => OutboxMessage[]): Promise<Ticket> {
    const ref = `SI-${1001 + this.tickets.length}`;
    const ticket: Ticket = {
      ...structuredClone(d),
      ref,
      status: 'open',
      version: 1,
      files: [],
      history: [{ at: now, actor: d.user.name ?? d.user.id, kind: 'created' }],
      createdAt: now,
      updatedAt: now,
    };
    this.tickets.push(ticket);
    for (const m of messages(ref)) this.outbox.push(m);
    return structuredClone(ticket);
  }

  /**
   * In memory the state is written first (its compare-and-set is the only step that can fail),
   * then the ticket, with no await between the check and the ticket: nothing can come between.
   */
  file(
    d: TicketDraft & { formKey: string },
    now: string,
    messages: (ref: string) => OutboxMessage[],
    state: StateWrite,
  ): Promise<{ ticket: Ticket; created: boolean; stateVersion: number } | undefined> {
    return fileStateFirst(this, d, now, messages, state);
  }

  async forForm(conversation: string, formKey: string): Promise<Ticket | undefined> {
    const t = this.tickets.find((x) => x.conversation === conversation && x.formKey === formKey);
    return t && structuredClone(t);
  }

  async get(ref: string): Promise<Ticket | undefined> {
    const t = this.tickets.find((x) => x.ref === ref);
    return t && structuredClone(t);
  }

  async openFor(conversation: string): Promise<Ticket | undefined> {
    const t = [...this.tickets]
      .reverse()
      .find((x) => x.conversation === conversation && x.status !== 'resolved');
    return t && structuredClone(t);
  }

  async list(filter: { status?: TicketStatus } = {}): Promise<Ticket[]> {
    return this.tickets
      .filter((t) => !filter.status || t.status === filter.status)
      .map((t) => structuredClone(t));
  }

  async countByStatus(): Promise<Partial<Record<TicketStatus, number>>> {
    const counts: Partial<Record<TicketStatus, number>> = {};
    for (const t of this.tickets) counts[t.status] = (counts[t.status] ?? 0) + 1;
    return counts;
  }

  async update(
    ref: string,
    expectedVersion: number,
    change: Partial<Pick<Ticket, 'status' | 'claimedBy' | 'helpdeskMessage'>>,
    event: TicketEvent | null,
    messages: OutboxMessage[],
  ): Promise<Ticket | undefined> {
    const t = this.tickets.find((x) => x.ref === ref);
    if (!t || t.version !== expectedVersion) return undefined;
    Object.assign(t, structuredClone(change));
    if ('claimedBy' in change && change.claimedBy === undefined) delete t.claimedBy;
    t.version++;
    if (event) {
      t.history.push(structuredClone(event));
      t.updatedAt = event.at;
    }
    for (const m of messages) this.outbox.push(m);
    return structuredClone(t);
  }

  async addFile(
    ref: string,
    file: NewFile & { sha256: string },
    event: TicketEvent,
    messages: OutboxMessage[],
    maxFiles: number,
  ): Promise<{ ticket: Ticket; outcome: 'added' | 'duplicate' | 'tooMany' }> {
    const t = this.tickets.find((x) => x.ref === ref);
    if (!t) throw new Error(`No ticket ${ref}`);
    if (t.files.some((f) => f.sha256 === file.sha256))
      return { ticket: structuredClone(t), outcome: 'duplicate' };
    if (t.files.length >= maxFiles) return { ticket: structuredClone(t), outcome: 'tooMany' };
    t.files.push({
      name: file.name,
      size: file.content.length,
      sha256: file.sha256,
      contentType: file.contentType,
      at: event.at,
    });
    this.contents.set(`${ref}:${file.sha256}`, Buffer.from(file.content));
    t.version++;
    t.history.push(structuredClone(event));
    t.updatedAt = event.at;
    for (const m of messages) this.outbox.push(m);
    return { ticket: structuredClone(t), outcome: 'added' };
  }

  async fileContent(ref: string, sha256: string): Promise<Buffer | undefined> {
    return this.contents.get(`${ref}:${sha256}`);
  }
}

/**
 * Filing for stores that cannot put the state in the ticket's transaction (memory, or a state
 * kept in another database): the state's compare-and-set first, then the ticket, once per form.
 */
export async function fileStateFirst(
  tickets: TicketStore,
  d: TicketDraft & { formKey: string },
  now: string,
  messages: (ref: string) => OutboxMessage[],
  state: StateWrite,
): Promise<{ ticket: Ticket; created: boolean; stateVersion: number } | undefined> {
  const stateVersion = await state.store.put(state.key, state.value, state.expectedVersion);
  if (stateVersion === undefined) return undefined;
  const filed = await tickets.forForm(d.conversation, d.formKey);
  if (filed) return { ticket: filed, created: false, stateVersion };
  return { ticket: await tickets.create(d, now, messages), created: true, stateVersion };
}
