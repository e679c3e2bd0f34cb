/** A ticket opened in the terminal chat, then read with the helpdesk's reporting commands. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ticketsCsv } from '../../src/cli/commands/tickets.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { sampleTicket } from '../helpers/cards.js';
import { Terminal } from '../helpers/terminal.js';
import { readConfig } from '../../src/config/read.js';

const pack = realPack();
const cli = (dataDir: string, args: string[]) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
    timeout: 90_000,
  });

describe('tickets from the terminal', () => {
  it('opens a ticket through the form, then lists, shows and exports it', async () => {
    const term = new Terminal();
    const prompt = /you> $/;
    await term.waitFor(prompt, 90_000); // a first start creates the database (15 s, more when busy)
    await term.answer(pack.text('clock-skew', 'en').title, prompt);
    await term.answer('2', prompt); // No
    const form = await term.answer('talk to a person', prompt);
    expect(form).toContain(pack.message('form.fields.client.label', 'en'));
    expect(form).toContain('[1] Skype for Business 2019');
    await term.answer('1', prompt);
    await term.answer('2', prompt);
    await term.answer('The time is wrong and sign-in fails', prompt);
    await term.answer('yesterday', prompt);
    await term.answer('1', prompt);
    const done = await term.answer('contoso.com', prompt);
    expect(done).toContain(pack.message('ticket.created.title', 'en', { ref: 'SI-1001' }));
    expect(done).toContain('MOSDAL');
    term.type('');
    expect(await term.close()).toBe(0);

    const list = cli(term.dataDir, ['tickets', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/SI-1001\s+open/);
    const show = cli(term.dataDir, ['tickets', 'show', 'SI-1001']);
    expect(show.stdout).toContain('The time is wrong and sign-in fails');
    expect(show.stdout).toContain('clock-skew / sync-time: not fixed');
    const csv = cli(term.dataDir, ['tickets', 'export', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^ref,status,created/);
    expect(csv.stdout).toContain('"SI-1001","open"');
    const json = JSON.parse(cli(term.dataDir, ['tickets', 'export', '--format', 'json']).stdout);
    expect(json[0]).toMatchObject({
      ref: 'SI-1001',
      form: { client: 'sfb2019', os: 'windows10', affected: 'me', domain: 'contoso.com' },
    });
    expect(cli(term.dataDir, ['tickets', 'show', 'SI-9999']).status).toBe(2);
  }, 180_000);

  it('exports CSV that a spreadsheet will not run as a formula', () => {
    const t = {
      ...sampleTicket('en'),
      form: { ...sampleTicket('en').form, error: '=HYPERLINK("http://evil")' },
    };
    const csv = ticketsCsv([t]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it.each([' =1+1', '  +cmd', '\u00a0-2+3', ' @SUM(A1)', ' \t=1', '\n=1', '\r=1', '\t1', '＝1+1'])(
    'prefixes %j, whose first character other than spaces starts a formula',
    (error) => {
      const t = { ...sampleTicket('en'), form: { ...sampleTicket('en').form, error } };
      expect(ticketsCsv([t])).toContain(`"'${error}"`);
    },
  );

  it('leaves ordinary text alone', () => {
    const t = { ...sampleTicket('en'), form: { ...sampleTicket('en').form, error: ' Sign-in failed - 1+1' } };
    expect(ticketsCsv([t])).toContain(`" Sign-in failed - 1+1"`);
  });
});

describe('pins audit', () => {
  it('prints every pin, unpin, expiry and refused attempt kept in the storage', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openStorage } = await import('../../src/storage/open.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'signin-pins-'));
    const storage = await openStorage(readConfig({ DATA_DIR: dataDir }));
    await storage.pins.audit({
      at: '2026-11-22T04:00:00.000Z',
      actor: 'Nestor',
      action: 'pin',
      platform: 'teams',
      channel: '19:a@thread.tacv2',
      topic: 'clock-skew',
    });
    await storage.pins.audit({
      at: '2026-11-22T04:01:00.000Z',
      actor: 'megan',
      action: 'refused',
      platform: 'slack',
      channel: 'C1',
      detail: 'pin clock-skew',
    });
    await storage.close();
    const run = cli(dataDir, ['pins', 'audit']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^2026-11-22T04:00:00.000Z\s+pin\s+teams\s+19:a@thread.tacv2\s+clock-skew\s+by Nestor$/,
      ),
      expect.stringMatching(/refused\s+slack\s+C1\s+-\s+by megan\s+\(pin clock-skew\)$/),
    ]);
  }, 150_000);
});
