import { describe, expect, it } from 'vitest';
import {
  signSlackRequest,
  SlackVerificationCode as Code,
  verifySlackRequest,
} from '../../../src/adapters/slack/verify.js';
import { readSlackSettings } from '../../../src/adapters/slack/config.js';
import { readConfig } from '../../../src/config/read.js';

const secret = '0123456789abcdef0123456789abcdef';
const body = '{"type":"event_callback"}';
const at = 1_763_780_000;
const request = (overrides: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) => ({
  signingSecret: secret,
  rawBody: body,
  timestamp: String(at),
  signature: signSlackRequest(secret, at, body),
  now: at,
  ...overrides,
});
const code = (r: ReturnType<typeof request>) => {
  try {
    verifySlackRequest(r);
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('verifySlackRequest', () => {
  it('accepts a correct signature within 5 minutes either way', () => {
    expect(code(request())).toBe('ok');
    expect(code(request({ now: at + 300 }))).toBe('ok');
    expect(code(request({ now: at - 300 }))).toBe('ok');
  });

  it('rejects each kind of bad request with its own code', () => {
    expect(code(request({ signature: undefined }))).toBe(Code.MissingSignature);
    expect(code(request({ timestamp: undefined }))).toBe(Code.MissingTimestamp);
    expect(code(request({ timestamp: 'yesterday' }))).toBe(Code.MissingTimestamp);
    expect(code(request({ now: at + 301 }))).toBe(Code.StaleTimestamp);
    expect(code(request({ now: at - 301 }))).toBe(Code.FutureTimestamp);
    expect(code(request({ rawBody: body + ' ' }))).toBe(Code.InvalidSignature);
    expect(code(request({ signature: 'v0=abc' }))).toBe(Code.InvalidSignature);
    expect(code(request({ signingSecret: 'fedcba9876543210fedcba9876543210' }))).toBe(Code.InvalidSignature);
  });
});

describe('Slack settings', () => {
  it('names the setting that is wrong', () => {
    expect(readSlackSettings(readConfig({}))).toBeUndefined();
    expect(() => readSlackSettings(readConfig({ SLACK_SIGNING_SECRET: secret }))).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => readSlackSettings(readConfig({ SLACK_BOT_TOKEN: 'xoxp-user' }))).toThrow(/xoxb-/);
    expect(() => readSlackSettings(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
    expect(() =>
      readSlackSettings(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })),
    ).toThrow(/SLACK_APP_TOKEN/);
    expect(() =>
      readSlackSettings(
        readConfig({
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: 'ftp://x',
        }),
      ),
    ).toThrow(/SLACK_API_URL/);
    expect(readSlackSettings(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual({
      botToken: 'xoxb-1',
      signingSecret: '',
      appToken: 'xapp-1',
    });
  });
});
