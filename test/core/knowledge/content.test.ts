import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/i18n/languages.js';
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
});
