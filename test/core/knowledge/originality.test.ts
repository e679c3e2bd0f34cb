import { describe, expect, it } from 'vitest';
import { runContentChecks } from '../../../src/core/knowledge/content-checks.js';
import { findCopiedSentences, neutralize, sentences } from '../../../src/core/knowledge/originality.js';
import { readSeeds, seedsDir } from '../../../src/core/knowledge/seeds.js';
import { ROOT } from '../../helpers/pack.js';

const seeds = readSeeds(seedsDir(ROOT));
const check = (data: unknown, quotable: string[] = []) =>
  findCopiedSentences([{ file: 'locales/xx/topics.json', data }], seeds, quotable);

describe('the originality check', () => {
  it('reads all five copies of the article', () => {
    expect(seeds).toHaveLength(5);
  });

  it("names file, key and the article's passage for a sentence carried over (English)", () => {
    // The sentence the topic texts used to have, near word for word.
    const found = check({
      'server-unavailable-adfs': {
        stages: {
          t: {
            steps: [
              'Get an SSL certificate from a third-party certification authority, such as VeriSign or Thawte.',
            ],
          },
        },
      },
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: 'locales/xx/topics.json',
      key: 'server-unavailable-adfs.stages.t.steps[0]',
    });
    expect(found[0]!.passage).toMatch(/SSL certificate from a third-party certification authority/);
  });

  it('fails a frame copied around quoted UI labels ("In the … dialog box, click …")', () => {
    const found = check({ a: 'In the **Forefront TMG Client Settings** dialog box, click **New**.' });
    expect(found).toHaveLength(1);
    // The same labels in the bot's own frame pass.
    expect(check({ a: 'Choose **New** to add an application entry.' })).toEqual([]);
  });

  it('fails a Japanese sentence identical to the seed, and passes a rewrite of the same fact', () => {
    expect(check({ a: 'システム クロックがサーバー クロックと同期していません。' })).toHaveLength(1);
    expect(
      check({
        a: 'サインインには時刻の一致が必要ですが、コンピューターの時計がサーバーの時刻からずれています。',
      }),
    ).toEqual([]);
  });

  it('fails a Chinese sentence carried over from the machine translation', () => {
    expect(
      check({ a: '重新运行 Microsoft Online Services 目录同步工具 (DirSync)。' }).map((f) => f.seed),
    ).toEqual(['001_8ca965cd1d4ed8cc.txt']);
  });

  it('lets error messages, page titles and product names be quoted', () => {
    const error = 'Cannot verify that the server is trusted for your sign-in address. Connect anyway?';
    expect(check({ t: { errors: [error] } })).toEqual([]);
    expect(
      check({
        t: {
          links: {
            kb: 'KB 2566790: Troubleshooting Skype for Business Online DNS configuration issues in Office 365',
          },
        },
      }),
    ).toEqual([]);
    expect(check({ t: { cause: `The prompt reads: ${error}` } }, [error])).toEqual([]);
  });

  it('keeps facts and labels as single placeholders and splits sentences in both scripts', () => {
    expect(neutralize('Run w32tm /resync on sip.contoso.com in **Settings**.', [])).not.toMatch(
      /contoso|Settings/,
    );
    expect(sentences('一つ目です。二つ目です。 Third one. Fourth?')).toEqual([
      '一つ目です。',
      '二つ目です。',
      'Third one.',
      'Fourth?',
    ]);
  });

  it('finds nothing in what the bot says today (topics.json and common.json, every language)', () => {
    expect(runContentChecks(ROOT, seeds, ['originality'])).toEqual([]);
  });
});
