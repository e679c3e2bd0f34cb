import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { runContentChecks } from '../../../src/core/knowledge/content-checks.js';
import { checkGlossary, parseGlossary } from '../../../src/core/knowledge/glossary.js';
import { ROOT } from '../../helpers/pack.js';

const glossary = (lang: string) =>
  parseGlossary(lang, JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'glossary.json'), 'utf8')));
const messages = (lang: string, text: string) =>
  checkGlossary(glossary(lang), [{ file: `locales/${lang}/common.json`, data: { k: text } }]).map(
    (i) => i.message,
  );

describe('the glossary check', () => {
  it('holds both Chinese locales to 您 (the topics said 您, the interface 你)', () => {
    expect(messages('zh-CN', '我能帮你做什么')).toEqual([expect.stringContaining('"你"')]);
    expect(messages('zh-TW', '我能幫你什麼')).toEqual([expect.stringContaining('"你"')]);
    expect(messages('zh-CN', '我能帮您做什么')).toEqual([]);
  });

  it('catches the script of the other Chinese, but not a language named in its own script', () => {
    expect(messages('zh-TW', '这个证书')).toEqual([
      expect.stringMatching(/Simplified-only characters: 这 个 证 书/),
    ]);
    expect(messages('zh-CN', '這個證書')).toEqual([expect.stringMatching(/Traditional-only characters/)]);
    expect(messages('zh-CN', '我可以用 English、日本語、简体中文和繁體中文回答。')).toEqual([]);
    expect(messages('zh-TW', '服務台會處理')).toEqual([]);
  });

  it("holds each language's terms: 账户/电脑, 憑證機構/時長, クイック修正, parentheses, MOSDAL", () => {
    expect(messages('zh-CN', '用管理员账户登录这台电脑')).toHaveLength(2);
    expect(messages('zh-CN', '手机或平板电脑')).toEqual([]);
    expect(messages('zh-TW', '第三方憑證機構')).toEqual([expect.stringContaining('憑證授權單位')]);
    expect(messages('zh-TW', '時長格式')).toEqual([expect.stringContaining('期間')]);
    expect(messages('ja', 'ピン留めされたクイック修正（期限付き）')).toHaveLength(3);
    expect(messages('zh-CN', '安装 MOSDAL 支持工具包')).toHaveLength(1);
    expect(messages('en', 'Send the logs to Microsoft technical support.')).toHaveLength(1);
  });

  it('leaves the client error messages alone: they are quoted as the client shows them', () => {
    const issues = checkGlossary(glossary('zh-CN'), [
      { file: 'locales/zh-CN/topics.json', data: { t: { errors: ['你的帐户'], cause: '您的帐户' } } },
    ]);
    expect(issues).toEqual([]);
  });

  it('rejects a glossary it cannot read, naming the file', () => {
    expect(() => parseGlossary('locales/ja/glossary.json', { terms: [{ use: 'x' }] })).toThrow(
      /locales\/ja\/glossary.json: terms\[0\]/,
    );
  });

  it('finds nothing in what the bot says today, and every language has a glossary', () => {
    for (const lang of LANGUAGES) expect(glossary(lang).terms.length).toBeGreaterThan(0);
    expect(runContentChecks(ROOT, undefined, ['glossary'])).toEqual([]);
  });
});
