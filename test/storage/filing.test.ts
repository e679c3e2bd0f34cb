/**
 * Filing a ticket from a finished form: the conversation's state, the ticket and its card in the
 * outbox are written in one transaction, and a form is filed once however often it arrives. The
 * same contract on the embedded database, on PostgreSQL and in memory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryOutbox, MemoryTicketStore } from '../../src/core/helpdesk/memory.js';
import type { OutboxMessage, TicketStore } from '../../src/core/helpdesk/types.js';
import { MemoryStateStore } from '../../src/core/storage/memory.js';
import type { Outbox, StateStore } from '../../src/core/storage/types.js';
import { storageOn } from '../../src/storage/open.js';
import { BACKENDS } from '../helpers/databases.js';

interface Stores {
  states: StateStore<unknown>;
  tickets: TicketStore;
  outbox: Outbox;
}

const draft = {
  conversation: 'slack:T1:D1:-:U1',
  platform: 'slack' as const,
  user: { id: 'U1' },
  address: { channel: 'D1' },
  lang: 'en' as const,
  topic: 'personal-certificate',
  form: { client: 'lync2013' },
  attempts: [],
  secret: 'card-secret',
  formKey: '7',
};
const NOW = '2026-11-22T04:00:00.000Z';
const post = (ref: string): OutboxMessage[] => [
  { kind: 'helpdesk.post', payload: { ref }, dedupeKey: `${ref}:post` },
];

const memory = {
  name: 'memory',
  async open() {
    const outbox = new MemoryOutbox();
    return { stores: { states: new MemoryStateStore(), tickets: new MemoryTicketStore(outbox), outbox } };
  },
};
const sql = BACKENDS.map((backend) => ({
  name: backend.name,
  async open() {
    const opened = await backend.open();
    const storage = await storageOn(opened.db);
    return { stores: storage as Stores, dispose: opened.dispose };
  },
}));

describe.each([memory, ...sql])('filing a ticket on $name', { timeout: 60_000 }, (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  async function fresh(): Promise<Stores> {
    const opened = await backend.open();
    if ('dispose' in opened && opened.dispose) cleanups.push(opened.dispose);
    return opened.stores;
  }
  const file = ({ states, tickets }: Stores, step: string, expectedVersion: number, messages = post) =>
    tickets.file(draft, NOW, messages, {
      store: states,
      key: draft.conversation,
      value: { step },
      expectedVersion,
    });

  it('saves the state, the ticket and its card together, and files one form once', async () => {
    const stores = await fresh();
    const { states, tickets, outbox } = stores;
    await states.put(draft.conversation, { step: 'form' }, 0);
    const first = await file(stores, 'filed', 1);
    expect(first).toMatchObject({ created: true, stateVersion: 2, ticket: { ref: 'SI-1001', formKey: '7' } });
    expect(await states.get(draft.conversation)).toEqual({ value: { step: 'filed' }, version: 2 });
    expect(await outbox.pending()).toBe(1);

    // The same form again (a redelivery that read the state before the first was saved).
    const again = await file(stores, 'filed again', 2);
    expect(again).toMatchObject({ created: false, ticket: { ref: 'SI-1001' } });
    expect(await tickets.list()).toHaveLength(1);
    expect(await outbox.pending()).toBe(1);
    expect((await tickets.forForm(draft.conversation, '7'))?.ref).toBe('SI-1001');
    expect(await tickets.forForm(draft.conversation, '8')).toBeUndefined();
  });

  it('counts the tickets in each status in one read, as the metrics scrape them', async () => {
    const stores = await fresh();
    const { states, tickets } = stores;
    expect(await tickets.countByStatus()).toEqual({});
    await states.put(draft.conversation, { step: 'form' }, 0);
    const first = await file(stores, 'filed', 1);
    await tickets.file({ ...draft, formKey: '8' }, NOW, post, {
      store: states,
      key: draft.conversation,
      value: { step: 'filed twice' },
      expectedVersion: 2,
    });
    expect(await tickets.countByStatus()).toEqual({ open: 2 });
    await tickets.update(
      first!.ticket.ref,
      first!.ticket.version,
      { status: 'claimed', claimedBy: 'A1' },
      null,
      [],
    );
    expect(await tickets.countByStatus()).toEqual({ open: 1, claimed: 1 });
  });

  it('writes nothing when the state moved on since it was read', async () => {
    const stores = await fresh();
    const { states, tickets, outbox } = stores;
    await states.put(draft.conversation, { step: 'form' }, 0);
    await states.put(draft.conversation, { step: 'moved on' }, 1);
    const stale = await file(stores, 'filed', 1);
    expect(stale).toBeUndefined();
    expect(await tickets.list()).toEqual([]);
    expect(await outbox.pending()).toBe(0);
    expect(await states.get(draft.conversation)).toEqual({ value: { step: 'moved on' }, version: 2 });
  });

  it.skipIf(backend.name === 'memory')(
    'leaves the state as it was when the ticket cannot be written',
    async () => {
      const stores = await fresh();
      const { states, tickets } = stores;
      await states.put(draft.conversation, { step: 'form' }, 0);
      const failing = () => {
        throw new Error('the outbox is full');
      };
      await expect(file(stores, 'filed', 1, failing)).rejects.toThrow('the outbox is full');
      expect(await states.get(draft.conversation)).toEqual({ value: { step: 'form' }, version: 1 });
      expect(await tickets.list()).toEqual([]);
    },
  );
});
