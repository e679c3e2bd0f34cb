import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
import { CardBuilder } from '../../../src/core/cards/build.js';
import { leaves } from '../../../src/core/knowledge/validate.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
const allText = (id: string, lang: (typeof LANGUAGES)[number]) =>
  [...leaves(pack.text(id, lang)).values()].join('\n');

describe('the knowledge pack', () => {
  it('has exactly the topic ids the rest of the product relies on', () => {
    expect([...pack.topics.keys()].sort()).toEqual(
      [
        'cert-trust-dialog',
        'mistyped-credentials',
        'forgotten-password',
        'not-licensed',
        'wrong-version',
        'personal-certificate',
        'dns-propagation',
        'clock-skew',
        'signin-address-not-found',
        'server-unavailable',
        'server-unavailable-dns',
        'server-unavailable-adfs',
        'user-not-sip-enabled',
        'collect-logs',
        'triage',
      ].sort(),
    );
  });

  it('states the newest revision of each fact in every language', () => {
    for (const lang of LANGUAGES) {
      expect(allText('server-unavailable-dns', lang)).toContain('sipdir.online.lync.com');
      expect(allText('dns-propagation', lang)).toContain('72');
      expect(allText('user-not-sip-enabled', lang)).toContain('msRTCSIP-UserEnabled');
      expect(allText('cert-trust-dialog', lang)).toContain(
        'HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Communicator\\TrustModelData',
      );
      for (const id of pack.topics.keys())
        expect(allText(id, lang)).not.toContain('sipdir.online.microsoft.com');
    }
  });

  it('links the KB articles the article cites, over https', () => {
    const kbs = [...pack.topics.values()].flatMap((t) => t.links.flatMap((l) => (l.kb ? [l.kb] : [])));
    expect(kbs.sort()).toEqual(['2409256', '2531068', '2541980', '2566790', '816042']);
    for (const t of pack.topics.values()) for (const l of t.links) expect(l.url).toMatch(/^https:\/\//);
  });

  it('keeps the client error messages in each language', () => {
    expect(pack.text('signin-address-not-found', 'ja').errors).toContain(
      'サインイン アドレスが見つかりません',
    );
    expect(pack.text('server-unavailable', 'zh-CN').errors).toContain('服务器暂时不可用');
    expect(pack.text('server-unavailable', 'zh-TW').errors).toContain('伺服器暫時無法使用');
    expect(pack.text('wrong-version', 'en').errors[0]).toMatch(/authentication service may be incompatible/);
  });

  it('orders the personal-certificate stages as the article does, one tool per stage', () => {
    expect(pack.topic('personal-certificate').stages).toEqual([
      'delete-signin-info',
      'update-credentials',
      'clear-credentials',
      'rsa-folder',
    ]);
    expect(pack.topic('server-unavailable').clarify?.options.map((o) => o.topics)).toEqual([
      ['server-unavailable-dns'],
      ['server-unavailable-adfs'],
      ['server-unavailable-dns', 'server-unavailable-adfs'],
    ]);
  });

  it('gives admins the commands, paths and values they need, in every language', () => {
    for (const lang of LANGUAGES) {
      const trust = allText('cert-trust-dialog', lang);
      for (const version of ['15.0', '16.0'])
        expect(trust).toContain(
          `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Office\\${version}\\Lync`,
        );
      expect(trust).toContain('contoso.com, contoso.co.in'); // a comma-separated list
      expect(trust).toContain('lync.com'); // the built-in list a plain value would replace
      expect(allText('server-unavailable-dns', lang)).toContain('nslookup -type=CNAME sip.contoso.com');
      expect(allText('server-unavailable-dns', lang)).toContain('webdir.online.lync.com');
      expect(allText('clock-skew', lang)).toContain('w32tm /resync');
      expect(allText('user-not-sip-enabled', lang)).toMatch(/Set-ADUser[\s\S]*-Replace/);
      expect(allText('user-not-sip-enabled', lang)).toContain('Microsoft Entra Connect');
      const rsa = allText('personal-certificate', lang);
      expect(rsa).toContain('%APPDATA%\\Microsoft\\Crypto\\RSA');
      expect(rsa).not.toContain('Documents and Settings');
      for (const id of pack.topics.keys()) expect(allText(id, lang)).not.toContain('UserName');
    }
  });

  it('keeps each stage to one tool and a handful of steps', () => {
    for (const topic of pack.topics.values())
      for (const stage of topic.stages)
        expect(
          pack.text(topic.id, 'en').stages[stage]!.steps.length,
          `${topic.id}.${stage}`,
        ).toBeLessThanOrEqual(4);
  });

  it('speaks to the reader, says which steps only an admin can do, and hands over to their own helpdesk', () => {
    for (const lang of LANGUAGES)
      for (const id of pack.topics.keys()) {
        const text = allText(id, lang);
        expect(text).not.toMatch(
          /Microsoft (technical|tech) support|Microsoft テクニカル サポート|Microsoft 技术支持|Microsoft 技術支援/,
        );
      }
    for (const id of pack.topics.keys())
      for (const [stage, s] of Object.entries(pack.text(id, 'en').stages)) {
        const admin = /admins only/.test(s.title);
        // A step for the person at the keyboard never talks about them in the third person.
        if (!admin)
          for (const step of s.steps) expect(step, `${id}.${stage}`).not.toMatch(/\b(have|ask) the user\b/i);
        // Stages only an admin can do say so in their title, in every language.
        if (admin)
          for (const lang of LANGUAGES)
            expect(pack.text(id, lang).stages[stage]!.title, `${lang} ${id}.${stage}`).toMatch(
              /admins only|管理者向け|仅限管理员|僅限系統管理員/,
            );
      }
  });

  it('marks what is historical: DirSync, TMG 2010, Office 365 plans, the 2012 CAs, MOSDAL', () => {
    const en = (id: string) => allText(id, 'en');
    expect(en('user-not-sip-enabled')).toMatch(/DirSync\); its successor today is Microsoft Entra Connect/);
    expect(en('signin-address-not-found')).toMatch(/TMG 2010\), the gateway of the article's time/);
    expect(en('collect-logs')).toMatch(/old Office 365 Plan P/);
    expect(en('server-unavailable-adfs')).toMatch(/VeriSign and Thawte, names of its time/);
    expect(en('collect-logs')).toMatch(/MOSDAL\) Support Toolkit; it is an older tool/);
  });

  it("links Microsoft's page in the reader's language where Microsoft publishes one", () => {
    const link = (lang: (typeof LANGUAGES)[number]) =>
      new CardBuilder(pack).links('user-not-sip-enabled', lang)[0]!.url;
    expect(link('ja')).toContain('/ja-jp/');
    expect(link('zh-CN')).toContain('/zh-cn/');
    expect(link('zh-TW')).toContain('/zh-tw/');
    expect(link('en')).toContain('/en-us/');
    const logs = new CardBuilder(pack).links('collect-logs', 'ja').map((l) => l.url);
    expect(logs.filter((u) => u.includes('support.office.com')).every((u) => u.includes('/ja-jp/'))).toBe(
      true,
    );
  });
});
