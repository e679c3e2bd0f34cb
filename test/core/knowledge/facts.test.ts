import { describe, expect, it } from 'vitest';
import { factTokens } from '../../../src/core/knowledge/facts.js';

describe('factTokens', () => {
  it('finds URLs, paths, registry keys, emails, dotted names, identifiers and numbers', () => {
    const tokens = factTokens(
      'See https://go.microsoft.com/fwlink/?linkid=3052&kbid=816042, set msRTCSIP-UserEnabled to TRUE, ' +
        'add sip → sipdir.online.lync.com for bobk@contoso.com in HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Communicator\\TrustModelData. ' +
        'Open C:\\Documents and Settings\\UserName\\Application Data\\Microsoft\\Crypto\\RSA, wait 72 hours.',
    );
    expect([...tokens].sort()).toEqual(
      [
        'https://go.microsoft.com/fwlink/?linkid=3052&kbid=816042',
        'msRTCSIP-UserEnabled',
        'sipdir.online.lync.com',
        'bobk@contoso.com',
        'HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Communicator\\TrustModelData',
        'C:\\Documents and Settings\\UserName\\Application Data\\Microsoft\\Crypto\\RSA',
        '72',
      ].sort(),
    );
  });

  it('is indifferent to CJK punctuation and full-width digits around facts', () => {
    expect(factTokens('最多可能需要 ７２ 小時。請設定 sipdir.online.lync.com。')).toEqual(
      factTokens('can take up to 72 hours; set sipdir.online.lync.com.'),
    );
  });
});
