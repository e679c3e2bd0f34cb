/** In-memory tickets and outbox: one process, nothing survives a restart (tests, quick runs). */
import type { Outbox, OutboxItem } from '../storage/types.js';
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
  ): Promise<Ticket> {
    const t = this.tickets.find((x) => x.ref === ref);
    if (!t) throw new Error(`No ticket ${ref}`);
    if (!t.files.some((f) => f.sha256 === file.sha256)) {
      t.files.push({
        name: file.name,
        size: file.content.length,
        sha256: file.sha256,
        contentType: file.contentType,
        at: event.at,
      });
      this.contents.set(`${ref}:${file.sha256}`, Buffer.from(file.content));
    }
    t.version++;
    t.history.push(structuredClone(event));
    t.updatedAt = event.at;
    for (const m of messages) this.outbox.push(m);
    return structuredClone(t);
  }

  async fileContent(ref: string, sha256: string): Promise<Buffer | undefined> {
    return this.contents.get(`${ref}:${sha256}`);
  }
}
