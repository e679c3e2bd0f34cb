/**
 * Files on a ticket: at most the limit, even when two processes add at once, and a file whose
 * content the ticket already has is refused as such (not reported added and then dropped).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryOutbox, MemoryTicketStore } from '../../src/core/helpdesk/memory.js';
import type { TicketStore } from '../../src/core/helpdesk/types.js';
import { storageOn } from '../../src/storage/open.js';
import { SqlTicketStore } from '../../src/storage/tickets.js';
import { BACKENDS } from '../helpers/databases.js';

const NOW = '2026-11-22T04:00:00.000Z';
const draft = {
  conversation: 'c1',
  platform: 'slack' as const,
  user: { id: 'U1' },
  address: {},
  lang: 'en' as const,
  topic: null,
  form: {},
  attempts: [],
  secret: 'card-secret',
};
const file = (text: string) => {
  const content = Buffer.from(text);
  return {
    name: `${text}.log`,
    contentType: 'text/plain',
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
};
const event = { at: NOW, actor: 'U1', kind: 'file' as const };

const backends = [
  {
    name: 'memory',
    async open() {
      const tickets = new MemoryTicketStore(new MemoryOutbox());
      return { tickets, other: tickets };
    },
  },
  ...BACKENDS.map((backend) => ({
    name: backend.name,
    async open(cleanups: (() => Promise<void>)[]) {
      const opened = await backend.open();
      cleanups.push(opened.dispose);
      const tickets = (await storageOn(opened.db)).tickets;
      // PostgreSQL: a second process's connection; PGlite is one process's (the same database).
      const other = backend.name === 'PostgreSQL' ? new SqlTicketStore(await opened.connectAgain()) : tickets;
      return { tickets: tickets as TicketStore, other: other as TicketStore };
    },
  })),
];

describe.each(backends)('files on a ticket, $name', { timeout: 60_000 }, (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('never holds more than the limit, even with two processes adding at once', async () => {
    const { tickets, other } = await backend.open(cleanups);
    const { ref } = await tickets.create(draft, NOW, () => []);
    for (let i = 0; i < 9; i++) await tickets.addFile(ref, file(`f${i}`), event, [], 10);
    const outcomes = await Promise.all([
      tickets.addFile(ref, file('a'), event, [], 10),
      other.addFile(ref, file('b'), event, [], 10),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['added', 'tooMany']);
    expect((await tickets.get(ref))!.files).toHaveLength(10);
  });

  it('refuses a file whose content it already has, and says so', async () => {
    const { tickets } = await backend.open(cleanups);
    const { ref } = await tickets.create(draft, NOW, () => []);
    expect((await tickets.addFile(ref, file('same'), event, [], 10)).outcome).toBe('added');
    const again = await tickets.addFile(ref, { ...file('same'), name: 'renamed.log' }, event, [], 10);
    expect(again.outcome).toBe('duplicate');
    const ticket = (await tickets.get(ref))!;
    expect(ticket.files.map((f) => f.name)).toEqual(['same.log']);
    expect(ticket.history.filter((h) => h.kind === 'file')).toHaveLength(1);
  });
});
