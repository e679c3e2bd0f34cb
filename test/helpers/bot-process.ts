/**
 * A bot process for tests: the real Bot on PostgreSQL, driven through stdin. Each input line
 * is a JSON Incoming; each output line is the JSON list of the cards it answered with.
 */
import { createInterface } from 'node:readline';
import { Bot } from '../../src/core/bot.js';
import { loadKnowledgePack } from '../../src/core/knowledge/load.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { storageOn } from '../../src/storage/open.js';

const [url, schema] = process.argv.slice(2);
const storage = await storageOn(await openPostgres({ connectionString: url!, schema: schema! }));
const bot = new Bot({ pack: loadKnowledgePack(), states: storage.states, feedback: storage.feedback });
process.stdout.write('ready\n');
const pending: Promise<void>[] = [];
for await (const line of createInterface({ input: process.stdin })) {
  // Messages are handled concurrently, as a server handles requests.
  pending.push(
    bot.handle(JSON.parse(line)).then((out) => void process.stdout.write(JSON.stringify(out.cards) + '\n')),
  );
}
await Promise.all(pending);
await storage.close();
