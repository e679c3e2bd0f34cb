/**
 * `privacy forget`: every table of the schema is accounted for, and after forgetting a user
 * no row of any table still names them, while another user's data stays.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storageOn, type Storage } from '../../src/storage/open.js';
import { forgetUser, TABLES } from '../../src/storage/privacy.js';
import { BACKENDS } from '../helpers/databases.js';
import { realPack } from '../helpers/pack.js';
import { botOnStorage } from '../helpers/storage-bot.js';

const pack = realPack();

async function converse(storage: Storage, user: { id: string; name: string }) {
  const bot = botOnStorage(storage);
  const conversation = `teams:a:personal-${user.id}:${user.id}`;
  const say = (text: string) => bot.handle({ conversation, text, platform: 'teams', user });
  await say(`${pack.text('clock-skew', 'en').title}, I am ${user.name}`);
  await say('yes'); // feedback and a fixed outcome
  await say(`where is the cafeteria, ${user.name} here`); // unanswered, kept with its text
  await say(pack.commands('en').person[0]!);
  for (const answer of ['2', 'Windows 10', `${user.name} gets an error`, 'since Monday', '2'])
    await say(answer);
  await say(pack.commands('en').skip[0]!); // the ticket
  await bot.handle({
    conversation,
    platform: 'teams',
    user,
    files: [
      { name: `${user.name}.log`, contentType: 'text/plain', download: async () => Buffer.from(user.name) },
    ],
  });
  await storage.sentCards.remember(`teams:a:personal-${user.id}:msg-1`, {
    text: `for ${user.name}`,
  } as never);
  // A card posted for them in a Slack channel thread: it names them only as its owner.
  await storage.sentCards.remember(
    `slack:C0HELP:17637800${user.name.length}.000100`,
    { text: 'Did this fix it?' } as never,
    `slack:T0001:C0HELP:1763780000.000001:${user.id}`,
  );
  const admin = { id: user.id, name: user.name };
  await bot.pinCommand({
    platform: 'teams',
    channel: '19:support',
    actor: admin,
    admin: true,
    text: 'pin clock-skew --for 2h',
  });
}

async function rowsNaming(storage: Storage, table: string, needles: string[]): Promise<string[]> {
  const rows = await storage.db.query<{ row: string }>(`select t::text as row from ${table} t`);
  return rows.map((r) => r.row).filter((r) => needles.some((n) => r.includes(n)));
}

describe.each(BACKENDS)('privacy forget on $name', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => void (await (await backend.open()).dispose()), 120_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('accounts for every table of the schema, and leaves no row naming the user in any of them', async () => {
    const opened = await backend.open();
    cleanups.push(opened.dispose);
    const storage = await storageOn(opened.db);
    const tables = (
      await storage.db.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.table_name);
    expect(tables.sort()).toEqual(Object.keys(TABLES).sort());

    const ann = { id: 'U-ANN-4711', name: 'Ann Forgetme' };
    const bob = { id: 'U-BOB-0815', name: 'Bob Keepme' };
    await converse(storage, ann);
    await converse(storage, bob);
    for (const table of tables.filter((t) => TABLES[t]!.treatment !== 'no user data'))
      expect(await rowsNaming(storage, table, [ann.id, ann.name]), `${table} before`).not.toEqual([]);

    const result = await forgetUser(storage.db, ann.id);
    for (const table of tables) {
      expect(await rowsNaming(storage, table, [ann.id, ann.name]), table).toEqual([]);
      if (TABLES[table]!.treatment !== 'no user data')
        expect(await rowsNaming(storage, table, [bob.id, bob.name]), `${table} keeps Bob`).not.toEqual([]);
    }
    const changed = Object.fromEntries(result.tables.map((t) => [t.table, t.rows]));
    expect(changed).toMatchObject({
      outcomes: 2,
      conversation_state: 1,
      feedback: 1,
      tickets: 1,
      files: 1,
      sent_cards: 2, // the Teams one by its conversation, the Slack one by its owner
      pins: 1,
    });
    // The ticket is still there for the helpdesk, without who filed it.
    const [ticket] = (await storage.tickets.list()).filter((t) => t.user.id === '[forgotten]');
    expect(ticket).toMatchObject({ topic: expect.any(String), address: {} });
    expect((await storage.outcomes.list()).every((o) => o.userId === bob.id)).toBe(true);
  });
});
