import { describe, expect, it } from 'vitest';
import { checkClientErrors, garbleProblems } from '../../../src/core/knowledge/client-errors.js';
import { runContentChecks } from '../../../src/core/knowledge/content-checks.js';
import { readSeeds, seedsDir } from '../../../src/core/knowledge/seeds.js';
import { realPack, ROOT } from '../../helpers/pack.js';

const seeds = readSeeds(seedsDir(ROOT));
const pack = realPack();

describe('the client-error check', () => {
  it("fails the seeds' machine-translation garble that the first card and triage button showed", () => {
    expect(
      garbleProblems(
        'が、サーバーがある、サインイン アドレスに対して信頼されていることを確認することはできません。接続しますか?',
        'ja',
      ),
    ).toEqual([expect.stringMatching(/particle/)]);
    expect(garbleProblems('无法验证服务器是您的登录地址是否信任。连接吗？', 'zh-CN')).toEqual([
      expect.stringMatching(/copulas/),
      expect.stringMatching(/bare two-character question/),
    ]);
  });

  it("passes the wording of Microsoft's localized documentation, which the topics now quote", () => {
    expect(pack.text('cert-trust-dialog', 'ja').errors[0]).toBe(
      'サインイン アドレスに対してサーバーが信頼されているかどうかを検証できません。接続しますか?',
    );
    expect(pack.text('cert-trust-dialog', 'zh-CN').errors[0]).toBe(
      '不能验证服务器是否信任您的登录地址。是否仍要连接？',
    );
    for (const lang of ['ja', 'zh-CN'] as const)
      expect(garbleProblems(pack.text('cert-trust-dialog', lang).errors[0]!, lang)).toEqual([]);
    // Each cited wording names where it comes from.
    expect(pack.topic('cert-trust-dialog').errorSources?.ja?.[0]?.url).toMatch(/^https:\/\/.*ja-JP/);
  });

  it('fails a message that no seed quotes and no source cites, and passes it once cited', () => {
    const errors = [{ topic: 't', key: 't.errors[0]', text: 'サインインに失敗しました。' }];
    expect(checkClientErrors('locales/ja/topics.json', 'ja', errors, seeds, () => [])).toEqual([
      expect.objectContaining({ key: 't.errors[0]', message: expect.stringMatching(/no cited source/) }),
    ]);
    const cited = [{ text: 'サインインに失敗しました。', url: 'https://learn.microsoft.com/ja-jp/x' }];
    expect(checkClientErrors('locales/ja/topics.json', 'ja', errors, seeds, () => cited)).toEqual([]);
  });

  it('accepts a message the article quotes mid-sentence (other case, no full stop)', () => {
    const errors = [
      {
        topic: 'wrong-version',
        key: 'k',
        text: 'The authentication service may be incompatible with this version of the program.',
      },
    ];
    expect(checkClientErrors('locales/en/topics.json', 'en', errors, seeds, () => [])).toEqual([]);
  });

  it('finds nothing in the error messages of every language today', () => {
    expect(runContentChecks(ROOT, seeds, ['client-errors'])).toEqual([]);
  });
});
