/**
 * The command line: `npm run -s cli -- <command>`.
 *
 *   resolve [--json] [--locale L] [TEXT]   what a message resolves to (stdin: one per line)
 *   eval FILE.jsonl [--json]               accuracy on a labelled set
 *   chat [--locale L]                      talk with the bot in the terminal
 *   validate                               check the knowledge pack and report every problem
 *   package-teams [--out FILE]             the Teams app zip for MicrosoftAppId and BOT_DOMAIN
 *   tickets list|show REF|export           the helpdesk's tickets (DATA_DIR or DATABASE_URL)
 *   pins audit                             every pin, unpin, expiry and refused attempt
 *   report [--since 7d] [--format F]       what the bot did for the helpdesk (text, json, html)
 *   privacy forget USER                    delete what is kept about one user
 *   kb suggest [--since 30d] [--apply]     new phrasings from what the bot could not answer
 */
import { parseArgs } from 'node:util';
import { Bot } from '../core/bot.js';
import { Helpdesk } from '../core/helpdesk/service.js';
import { BotError, ContentValidationError, loadKnowledgePack, Resolver } from '../core/index.js';
import { loadIndex } from '../core/resolver/prebuilt.js';
import { chatCommand } from './commands/chat.js';
import { packageTeamsCommand } from './commands/package-teams.js';
import { ticketsCommand } from './commands/tickets.js';
import { creatingMessage, openStorage, type Storage } from '../storage/open.js';
import { loadConfig } from '../config/read.js';
import { evalCommand } from './commands/eval.js';
import { resolveCommand } from './commands/resolve.js';
import { reportCommand } from './commands/report.js';
import { privacyCommand } from './commands/privacy.js';
import { kbCommand } from './commands/kb.js';
import { projectEvalSets } from './kb/gate.js';
import { projectRoot } from '../core/knowledge/load.js';

const USAGE = `usage: cli <command>   (cli help, or --help, prints this)
  resolve [--json] [--locale L] [TEXT]   resolve TEXT, or each line of standard input
  eval FILE.jsonl [--json]               top-1/top-3 accuracy and out-of-scope figures
  chat [--locale L]                      talk with the bot in the terminal
  validate                               check the knowledge pack
  package-teams [--out FILE]             build the Teams app zip (needs MicrosoftAppId, BOT_DOMAIN)
  tickets list [--status S]              the helpdesk's tickets
  tickets show REF                       one ticket, with its form, files and history
  tickets export --format csv|json       every ticket, for reporting (--out FILE)
  pins audit                             every pin, unpin, expiry and refused attempt
  report [--since 7d] [--format text|json|html] [--out FILE]
                                         questions, fixes, hand-overs, tickets, pins, unanswered
  privacy forget USER                    delete what is kept about one user (Teams or Slack id)
  kb suggest [--since 30d] [--apply]     propose new phrasings from unanswered and picked questions;
                                         --apply writes them if validation and the evaluation pass`;

/** A first start in a folder creates the database: say so on stderr instead of a silent wait. */
const STORAGE_OPTIONS = { onCreate: (dir: string) => void process.stderr.write(creatingMessage(dir) + '\n') };

const OPTIONS = {
  json: { type: 'boolean', default: false },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  out: { type: 'string' },
  status: { type: 'string' },
  format: { type: 'string' },
  since: { type: 'string' },
  apply: { type: 'boolean', default: false },
} as const;

/** The arguments, or the one line that says what is wrong with them (an unknown flag, a missing value). */
function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    // Node's message goes on about positionals after "--"; its first sentence says it all.
    return { problem: (error as Error).message.split(/(?<=\.) /)[0]! };
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if ('problem' in args) {
    process.stderr.write(`cli: ${args.problem}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!command) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (command === 'package-teams') return packageTeamsCommand(values.out);
  return (await storageCommand(command, rest, values)) ?? (await packCommand(command, rest, values));
}

type Values = Exclude<ReturnType<typeof readArgs>, { problem: string }>['values'];

/** Opens the bot's storage (saying so on stderr when it creates it), runs `use`, and closes it. */
async function withStorage(use: (storage: Storage) => Promise<number>, announce = true): Promise<number> {
  const storage = await openStorage(loadConfig(), announce ? STORAGE_OPTIONS : {});
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

const only = <K extends keyof Values>(values: Values, ...keys: K[]) =>
  Object.fromEntries(keys.filter((k) => values[k]).map((k) => [k, values[k]])) as {
    [P in K]?: NonNullable<Values[P]>;
  };

/** The commands that work on stored data only; undefined for the others. */
async function storageCommand(command: string, rest: string[], values: Values): Promise<number | undefined> {
  switch (command) {
    case 'pins':
      if (rest[0] !== 'audit') {
        process.stderr.write(`cli: unknown pins command "${rest[0] ?? ''}"\n${USAGE}\n`);
        return 2;
      }
      return withStorage(pinsAudit);
    case 'privacy':
      return withStorage((storage) => privacyCommand(storage, rest), false);
    case 'tickets':
      return withStorage((storage) => ticketsCommand(storage, rest, only(values, 'status', 'format', 'out')));
    default:
      return undefined;
  }
}

async function pinsAudit(storage: Storage): Promise<number> {
  const log = await storage.pins.auditLog();
  if (!log.length) process.stdout.write('no pin activity\n');
  for (const e of log)
    process.stdout.write(
      `${e.at}  ${e.action.padEnd(7)} ${e.platform.padEnd(6)} ${e.channel}  ${e.topic ?? '-'}  by ${e.actor}${e.detail ? `  (${e.detail})` : ''}\n`,
    );
  return 0;
}

/** The commands that need the knowledge pack (and some, storage too). */
async function packCommand(command: string, rest: string[], values: Values): Promise<number> {
  const pack = loadKnowledgePack();
  switch (command) {
    case 'report':
      return withStorage(
        (storage) =>
          reportCommand(storage, new Resolver(pack).index.analyzer, only(values, 'since', 'format', 'out')),
        false,
      );
    case 'kb':
      return withStorage(
        (storage) =>
          kbCommand(storage.outcomes, { pack, resolver: new Resolver(pack) }, rest, {
            apply: values.apply,
            content: projectRoot(),
            evalSets: projectEvalSets(projectRoot()),
            ...only(values, 'since'),
          }),
        false,
      );
    case 'validate':
      process.stdout.write(`knowledge pack ok: ${pack.topics.size} topics in 4 languages\n`);
      return 0;
  }
  // The index `npm run build` made, when it matches the content (silent: stdout is the answer).
  const resolver = new Resolver(
    pack,
    loadIndex(pack, projectRoot(), () => {}),
  );
  switch (command) {
    case 'resolve':
      return resolveCommand(resolver, {
        json: values.json,
        ...only(values, 'locale'),
        ...(rest.length ? { text: rest.join(' ') } : {}),
      });
    case 'eval':
      if (!rest[0]) {
        process.stderr.write('eval needs a FILE.jsonl\n');
        return 2;
      }
      return evalCommand(resolver, rest[0], values.json);
    case 'chat':
      // The terminal keeps its conversations and tickets where the bot does (./data by default).
      return withStorage((storage) => {
        const helpdesk = new Helpdesk({
          tickets: storage.tickets,
          uploads: pack.escalation.uploads,
          channels: [],
        });
        const bot = new Bot({
          pack,
          resolver,
          helpdesk,
          states: storage.states,
          feedback: storage.feedback,
          outcomes: storage.outcomes,
        });
        return chatCommand(bot, values.locale);
      });
    default:
      process.stderr.write(`cli: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ContentValidationError || error instanceof BotError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
