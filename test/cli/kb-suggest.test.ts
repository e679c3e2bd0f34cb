/**
 * The loop, end to end: scripted conversations in four languages (the report's script plus
 * planted groups, some picked from "did you mean", some unanswered), then `kb suggest`
 * proposes each planted group's topic and phrasings; `--apply` on a copy of the content makes
 * those questions resolve to it with the evaluation unchanged; and a patch that would break
 * the validation or the evaluation is refused with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbCommand } from '../../src/cli/commands/kb.js';
import { projectEvalSets } from '../../src/cli/kb/gate.js';
import { loadKnowledgePack } from '../../src/core/knowledge/load.js';
import { Resolver } from '../../src/core/resolver/resolver.js';
import { MemoryOutcomeStore } from '../../src/core/storage/memory-outcomes.js';
import type { OutcomeStore } from '../../src/core/storage/outcomes.js';
import { parseDataset } from '../../src/evaluation/dataset.js';
import { evaluate } from '../../src/evaluation/metrics.js';
import { predict } from '../../src/evaluation/predict.js';
import { storageOn } from '../../src/storage/open.js';
import { BACKENDS } from '../helpers/databases.js';
import { contentCopy, realPack, realResolver, ROOT } from '../helpers/pack.js';
import { LANGS, PLANTED, runPlanted, runScript, UNANSWERED } from '../helpers/scripted.js';

const START = Date.parse('2026-11-20T09:00:00Z');
const NOW = new Date(START + 10 * 24 * 3600_000);
const SETS = projectEvalSets(ROOT);
const PHRASINGS = LANGS.map((lang) => join('locales', lang, 'phrasings.json'));

async function suggest(outcomes: OutcomeStore, content: string, apply = false) {
  let printed = '';
  const code = await kbCommand(outcomes, { pack: realPack(), resolver: realResolver() }, ['suggest'], {
    apply,
    content,
    evalSets: SETS,
    now: NOW,
    out: (t) => void (printed += t),
  });
  return { code, printed };
}

const files = (dir: string) => PHRASINGS.map((f) => readFileSync(join(dir, f), 'utf8'));

function figures(resolver: Resolver) {
  return SETS.map((s) => {
    const rows = parseDataset(readFileSync(s.file, 'utf8'), s.file);
    const { top1, useful, wrongFix, byLang } = evaluate(rows, predict(resolver, rows));
    return { set: s.name, top1, useful, wrongFix, byLang };
  });
}

describe('kb suggest on scripted conversations', () => {
  let dispose: () => Promise<void> = async () => {};
  let outcomes: OutcomeStore;

  beforeAll(async () => {
    const opened = await BACKENDS.find((b) => b.name === 'PostgreSQL')!.open();
    dispose = opened.dispose;
    const storage = await storageOn(opened.db);
    await runScript(storage, START, 2);
    await runPlanted(storage, START + 4 * 24 * 3600_000);
    outcomes = storage.outcomes;
  }, 180_000);
  afterAll(() => dispose());

  it('proposes the right topic for every planted group, and none for questions outside what it knows', async () => {
    const { code, printed } = await suggest(outcomes, ROOT);
    expect(code).toBe(0);
    for (const group of PLANTED) {
      const basis = group.pick ? 'picked from "did you mean"' : "the resolver's nearest topic";
      // The group's heading names its language, topic, size and why, then what was asked.
      const heading = `${group.lang.padEnd(5)} ${group.topic}  ${group.texts.length * 2} questions  (${basis})`;
      expect(printed, group.texts[0]).toContain(heading);
      const block = printed.slice(printed.indexOf(heading)).split('\n\n')[0]!;
      for (const text of group.texts) expect(block).toContain(`asked: "${text}"`);
      expect(block).toMatch(/\+ phrasing: "/);
    }
    for (const lang of LANGS)
      for (const group of UNANSWERED[lang]) {
        const at = printed.indexOf(`asked: "${group[0]}"`);
        const heading = printed.slice(printed.lastIndexOf('\n\n', at) + 2, at);
        expect(heading, group[0]).toContain(`${lang.padEnd(5)} (no topic)`);
      }
    // The patch, for review: every language's phrasings file, lines added only.
    for (const file of PHRASINGS) expect(printed).toContain(`+++ b/${file}`);
    expect(printed.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual(
      printed.split('\n').filter((l) => /^-\s+"[^"]*"$/.test(l)),
    );
    expect(printed).toContain('`kb suggest --apply`');
  });

  it('applies the patch to a copy of the content: the planted questions resolve to their topic, the evaluation unchanged', async () => {
    const copy = contentCopy();
    const real = files(ROOT);
    const before = figures(realResolver());
    for (const group of PLANTED)
      for (const text of group.texts)
        expect(realResolver().resolve(text, { locale: group.lang }).topic, text).not.toBe(group.topic);

    const { code, printed } = await suggest(outcomes, copy, true);
    expect(printed).toContain('Applied: locales/en/phrasings.json');
    expect(code).toBe(0);

    const after = new Resolver(loadKnowledgePack(copy));
    for (const group of PLANTED)
      for (const text of group.texts)
        expect(after.resolve(text, { locale: group.lang }), text).toMatchObject({
          topic: group.topic,
          answer: { kind: 'fix', id: group.topic },
        });
    // dev and holdout unchanged (chat-dev no worse), language by language.
    const now = figures(after);
    expect(now.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(now[0]!.top1).toBe(1);
    expect(now[2]!.top1).toBeGreaterThanOrEqual(before[2]!.top1);
    expect(now[2]!.wrongFix).toBeLessThanOrEqual(before[2]!.wrongFix);
    // The files stay as the project formats them, and the project's own content is untouched.
    for (const file of PHRASINGS) {
      const text = readFileSync(join(copy, file), 'utf8');
      expect(await prettier.check(text, { filepath: join(ROOT, file) }), file).toBe(true);
    }
    expect(files(ROOT)).toEqual(real);
    // Applied once, nothing is left to propose for those groups.
    const again = await suggest(outcomes, copy);
    expect(again.printed).not.toContain('+++ b/');
  });
});

describe('kb suggest --apply refuses what would break the content or the evaluation', () => {
  const at = new Date(NOW.getTime() - 24 * 3600_000).toISOString();
  async function picked(store: MemoryOutcomeStore, n: number, text: string, topic: string) {
    for (let i = 0; i < n; i++) {
      const o = await store.start({
        conversation: `c-${topic}-${i}`,
        userId: null,
        platform: 'slack',
        chat: 'personal',
        lang: 'en',
        startedAt: at,
        updatedAt: at,
        text,
        decision: 'did-you-mean',
        topic,
        confidence: 0.4,
        suggestions: [topic],
        pins: [],
      });
      await store.update(o.id, { picked: topic });
    }
  }

  it('refuses phrasings for a topic the content no longer has (validation), writing nothing', async () => {
    const store = new MemoryOutcomeStore();
    await picked(store, 3, 'the old web client will not open', 'retired-web-client');
    const copy = contentCopy();
    const was = files(copy);
    const { code, printed } = await suggest(store, copy, true);
    expect(code).toBe(1);
    expect(printed).toContain('Refused: the content validation fails:');
    expect(printed).toContain('phrasings for unknown topic "retired-web-client"');
    expect(printed).toContain('Nothing was changed.');
    expect(files(copy)).toEqual(was);
  });

  it('refuses phrasings that would make the evaluation worse, saying which figure, writing nothing', async () => {
    const store = new MemoryOutcomeStore();
    // People kept picking the clock topic for password questions: evidence, but wrong.
    await picked(store, 3, 'forgot my password', 'clock-skew');
    await picked(store, 3, 'I forgot my password again', 'clock-skew');
    const copy = contentCopy();
    const was = files(copy);
    const { code, printed } = await suggest(store, copy, true);
    expect(printed).toContain('+    "forgot my password"');
    expect(code).toBe(1);
    expect(printed).toMatch(
      /Refused: the evaluation gets worse: .*(dev|holdout|chat-dev) (top-1|useful|wrong fix)/,
    );
    expect(printed).toContain('Nothing was changed.');
    expect(files(copy)).toEqual(was);
  });
});
