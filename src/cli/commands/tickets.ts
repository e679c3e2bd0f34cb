/**
 * `cli tickets list [--status S] | show REF | export --format csv|json [--out FILE]`: the
 * helpdesk's reporting, on the same storage as the bot (DATA_DIR or DATABASE_URL).
 */
import { writeFileSync } from 'node:fs';
import type { Ticket, TicketStatus } from '../../core/helpdesk/types.js';
import type { Storage } from '../../storage/open.js';

const STATUSES: TicketStatus[] = ['open', 'claimed', 'waiting', 'resolved'];

const COLUMNS: [string, (t: Ticket) => string][] = [
  ['ref', (t) => t.ref],
  ['status', (t) => t.status],
  ['created', (t) => t.createdAt],
  ['updated', (t) => t.updatedAt],
  ['platform', (t) => t.platform],
  ['user', (t) => t.user.name ?? t.user.id],
  ['lang', (t) => t.lang],
  ['topic', (t) => t.topic ?? ''],
  ['client', (t) => t.form.client ?? ''],
  ['os', (t) => t.form.os ?? ''],
  ['error', (t) => t.form.error ?? ''],
  ['since', (t) => t.form.since ?? ''],
  ['affected', (t) => t.form.affected ?? ''],
  ['domain', (t) => t.form.domain ?? ''],
  ['claimed_by', (t) => t.claimedBy ?? ''],
  ['files', (t) => t.files.map((f) => `${f.name} (${f.sha256})`).join('; ')],
  ['stages_tried', (t) => t.attempts.map((a) => `${a.topic}/${a.stage}`).join('; ')],
];

/**
 * A CSV cell, quoted, and never read as a formula by a spreadsheet: a cell whose first
 * character other than spaces (spreadsheets skip them) is = + - @ (or their full-width forms),
 * a tab or a carriage return gets a leading apostrophe.
 */
const FORMULA = /^[ \u00a0\u3000\n]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function ticketsCsv(tickets: Ticket[]): string {
  return (
    [
      COLUMNS.map(([name]) => name).join(','),
      ...tickets.map((t) => COLUMNS.map(([, get]) => cell(get(t))).join(',')),
    ].join('\n') + '\n'
  );
}

function show(t: Ticket): string {
  const lines = [
    `${t.ref}  ${t.status}${t.claimedBy ? ` (${t.claimedBy})` : ''}`,
    `user      ${t.user.name ?? t.user.id} on ${t.platform}, ${t.lang}`,
    `topic     ${t.topic ?? '-'}`,
    `created   ${t.createdAt}`,
    ...Object.entries(t.form).map(([k, v]) => `${k.padEnd(9)} ${v || '-'}`),
    'tried',
    ...t.attempts.map((a) => `  ${a.topic} / ${a.stage}: ${a.fixed ? 'fixed' : 'not fixed'}`),
    'files',
    ...(t.files.length ? t.files.map((f) => `  ${f.name}  ${f.size} B  sha256 ${f.sha256}`) : ['  -']),
    'history',
    ...t.history.map((e) => `  ${e.at}  ${e.kind}  ${e.actor}${e.detail ? `: ${e.detail}` : ''}`),
  ];
  return lines.join('\n');
}

export async function ticketsCommand(
  storage: Storage,
  args: string[],
  options: { status?: string; format?: string; out?: string },
): Promise<number> {
  const [sub, ref] = args;
  const write = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  if (sub === 'list') {
    if (options.status && !STATUSES.includes(options.status as TicketStatus)) {
      process.stderr.write(`--status must be one of ${STATUSES.join(', ')}\n`);
      return 2;
    }
    const tickets = await storage.tickets.list(
      options.status ? { status: options.status as TicketStatus } : {},
    );
    if (!tickets.length) write('no tickets');
    for (const t of tickets)
      write(
        `${t.ref.padEnd(9)} ${t.status.padEnd(9)} ${t.createdAt.slice(0, 16)}  ${(t.user.name ?? t.user.id).slice(0, 20).padEnd(20)} ${t.topic ?? '-'}`,
      );
    return 0;
  }
  if (sub === 'show') {
    const t = ref ? await storage.tickets.get(ref) : undefined;
    if (!t) {
      process.stderr.write(`no ticket ${ref ?? '(give a ticket id, like SI-1001)'}\n`);
      return 2;
    }
    write(show(t));
    return 0;
  }
  if (sub === 'export') {
    const format = options.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') {
      process.stderr.write('--format must be csv or json\n');
      return 2;
    }
    const tickets = await storage.tickets.list();
    const text = format === 'csv' ? ticketsCsv(tickets) : JSON.stringify(tickets, null, 2) + '\n';
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
    return 0;
  }
  process.stderr.write(
    'usage: cli tickets list [--status S] | show REF | export --format csv|json [--out FILE]\n',
  );
  return 2;
}
