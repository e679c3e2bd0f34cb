/**
 * The HTML report in headless Chromium, as a helpdesk lead opens it: from a file, with the
 * network cut off. The report comes from the command line (`report --format html` and
 * `--format json` on the same PostgreSQL schema the scripted conversations were kept in); the
 * test checks that every chart is drawn and that the figures and bars match the JSON. The
 * screenshot goes to docs/ for the README.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/outcomes/report.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { storageOn } from '../../src/storage/open.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { ROOT } from '../helpers/pack.js';
import { runScript } from '../helpers/scripted.js';

const CHROMIUM = execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
const schema = `report_e2e_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'signin-report-'));
let browser: Browser;
let report: Report;
let html: string;

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
  });
  return stdout;
}

beforeAll(async () => {
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema });
  const storage = await storageOn(db);
  // Three days of conversations ending an hour and a half ago, so the report's `--since 7d` holds them.
  await runScript(storage, Date.now() - 3 * 24 * 3_600_000 - 5_400_000, 2);
  await db.close();
  report = JSON.parse(await cli('report', '--since', '7d', '--format', 'json'));
  html = join(dir, 'report.html');
  await cli('report', '--since', '7d', '--format', 'html', '--out', html);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  const db = await openPostgres({ connectionString: POSTGRES_URL });
  await db.query(`drop schema if exists ${schema} cascade`);
  await db.close();
});

describe('the HTML report', () => {
  it('is one file that asks the network for nothing', () => {
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(text).not.toMatch(/url\(/);
  });

  it('draws every chart, and its figures and bars match the JSON report', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${html}`);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const bars = [...svg.querySelectorAll('.bar')].map((b) => {
          const r = b.getBoundingClientRect();
          return {
            label: b.getAttribute('data-label'),
            value: Number(b.getAttribute('data-value')),
            drawn: r.width > 0 && r.height > 0,
          };
        });
        return { id: svg.getAttribute('data-chart'), width: box.width, height: box.height, bars };
      }),
    );
    const chart = (id: string) => charts.find((c) => c.id === id)!;
    const sum = (id: string) => chart(id).bars.reduce((s, b) => s + b.value, 0);
    expect(charts.map((c) => c.id)).toEqual([
      'endings',
      'days-platform',
      'days-language',
      'fixed-stage',
      'topics',
      'escalations',
      'tickets',
      'pins',
    ]);
    for (const c of charts) {
      expect(c.width * c.height, c.id!).toBeGreaterThan(0);
      expect(c.bars.length, c.id!).toBeGreaterThan(0);
      expect(
        c.bars.every((b) => b.drawn),
        c.id!,
      ).toBe(true);
    }
    expect(sum('endings')).toBe(report.totals.questions);
    expect(Object.fromEntries(chart('endings').bars.map((b) => [b.label, b.value]))).toEqual(
      Object.fromEntries(Object.entries(report.totals.endings).filter(([, v]) => v > 0)),
    );
    expect(sum('days-platform')).toBe(report.totals.questions);
    expect(sum('days-language')).toBe(report.totals.questions);
    expect(chart('fixed-stage').bars.map((b) => b.value)).toEqual(report.fixedByStage.map((s) => s.count));
    expect(chart('topics').bars.map((b) => [b.label, b.value])).toEqual(
      report.topics.map((t) => [t.topic, t.asked]),
    );
    expect(sum('escalations')).toBe(report.escalations.total);
    expect(sum('tickets')).toBe(report.tickets.total);
    expect(chart('pins').bars.map((b) => b.value)).toEqual(report.pins.map((p) => p.questionsShown));

    const figures = await page.$$eval('[data-figure]', (els) =>
      els.map((e) => ({
        path: e.getAttribute('data-figure')!,
        value: JSON.parse(e.getAttribute('data-value')!),
      })),
    );
    expect(figures.length).toBeGreaterThan(5);
    for (const f of figures)
      expect(f.value, f.path).toEqual(f.path.split('.').reduce<any>((o: any, k: string) => o?.[k], report));
    const rows = await page.$$eval('table tbody tr', (trs) =>
      trs.map((tr) => Number(tr.querySelector('.num')!.textContent)),
    );
    expect(rows).toEqual(report.unanswered.map((g) => g.count));
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), fullPage: true });
    await page.close();
  });
});
