import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/core/text/detect-language.js';

describe('detectLanguage', () => {
  it('reads kana as Japanese, even with English product names', () => {
    expect(detectLanguage('Skype for Business にサインインできない')).toEqual({ lang: 'ja', source: 'text' });
  });

  it('tells Traditional from Simplified by script-specific characters', () => {
    expect(detectLanguage('伺服器暫時無法使用').lang).toBe('zh-TW');
    expect(detectLanguage('服务器暂时不可用').lang).toBe('zh-CN');
    expect(detectLanguage('使用者未啟用 SIP').lang).toBe('zh-TW');
    expect(detectLanguage('用户未启用 SIP').lang).toBe('zh-CN');
  });

  it('lets the text win over a platform hint', () => {
    expect(detectLanguage('I forgot my password', 'ja-JP').lang).toBe('en');
    expect(detectLanguage('忘记密码了', 'zh-TW').lang).toBe('zh-CN');
  });

  it('uses the hint when the text cannot tell', () => {
    expect(detectLanguage('msoidsvc.exe', 'ja-JP')).toEqual({ lang: 'ja', source: 'hint' });
    expect(detectLanguage('SIP', 'zh-Hant')).toEqual({ lang: 'zh-TW', source: 'hint' });
    // Han characters shared by both scripts.
    expect(detectLanguage('密码', 'zh-TW').lang).toBe('zh-CN');
    expect(detectLanguage('日本', 'zh-HK')).toEqual({ lang: 'zh-TW', source: 'hint' });
  });

  it('falls back to English', () => {
    expect(detectLanguage('msoidsvc.exe')).toEqual({ lang: 'en', source: 'default' });
    expect(detectLanguage('')).toEqual({ lang: 'en', source: 'default' });
  });

  it('folds full-width text before reading it', () => {
    expect(detectLanguage('ｓｉｇｎ ｉｎ ｆａｉｌｓ'.normalize('NFKC')).lang).toBe('en');
  });
});
