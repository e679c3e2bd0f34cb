/** Which texts are pin commands, and what they pin: the shape, the place and the person decide. */
import { describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { parsePinCommand, splitPinTarget } from '../../../src/core/pins/service.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
const isId = (id: string) => pack.topics.has(id);

describe('reading a pin command', () => {
  it('takes --for anywhere, a topic id with a note, or a description with a note after a colon', () => {
    expect(parsePinCommand('pin --for 2h clock-skew resync tonight')).toMatchObject({
      text: 'clock-skew resync tonight',
      durationMs: 7_200_000,
      timed: true,
    });
    expect(splitPinTarget('clock-skew resync tonight', isId)).toEqual({
      target: 'clock-skew',
      note: 'resync tonight',
      id: true,
    });
    expect(splitPinTarget('the certificate trust prompt: see https://contoso.com/x', isId)).toEqual({
      target: 'the certificate trust prompt',
      note: 'see https://contoso.com/x',
      id: false,
    });
    expect(parsePinCommand('pins please')).toBeUndefined();
    expect(parsePinCommand('pinned messages are gone')).toBeUndefined();
  });
});

describe('Bot.pinCommand', () => {
  const bot = new Bot({ pack });
  const base = { platform: 'teams' as const, actor: { id: 'a' }, locale: 'en' };
  const texts = async (input: Parameters<Bot['pinCommand']>[0]) =>
    (await bot.pinCommand(input))?.reply.map((c) => (c as { text: string }).text);

  it('leaves questions that start with "PIN" to the resolver, wherever and whoever', async () => {
    const question = 'PIN not accepted when I sign in to Lync on my desk phone';
    expect(await bot.pinCommand({ ...base, admin: false, text: question })).toBeUndefined();
    expect(await bot.pinCommand({ ...base, admin: false, channel: 'c', text: question })).toBeUndefined();
    expect(await bot.pinCommand({ ...base, admin: true, text: question })).toBeUndefined();
    expect(await bot.pinCommand({ ...base, admin: false, text: 'pin' })).toBeUndefined();
  });

  it('answers the exact shape as a command: not in a channel, refused to non-admins', async () => {
    expect(await texts({ ...base, admin: true, text: 'pin clock-skew' })).toEqual([
      pack.message('pins.notInChannel', 'en'),
    ]);
    expect(await texts({ ...base, admin: false, channel: 'c', text: 'pin the clock --for 1h' })).toEqual([
      pack.message('pins.refused', 'en'),
    ]);
    expect(await texts({ ...base, admin: false, channel: 'c', text: 'pin --for 99y clock-skew' })).toEqual([
      pack.message('pins.duration', 'en'),
    ]);
  });

  it('pins a description of several words for an admin in a channel', async () => {
    const out = await bot.pinCommand({
      ...base,
      admin: true,
      channel: 'c',
      text: 'pin the certificate trust prompt --for 1m',
    });
    expect(out?.publish?.pin).toMatchObject({ topic: 'cert-trust-dialog', note: '' });
    expect(out!.publish!.pin.expiresAt > out!.publish!.pin.pinnedAt).toBe(true);
  });
});
