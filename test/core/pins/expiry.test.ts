/** Pins whose time is up end only once their posts say so. */
import { describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import type { Pin } from '../../../src/core/pins/types.js';
import { realPack, realResolver } from '../../helpers/pack.js';

function setup() {
  let now = new Date('2026-11-22T04:00:00Z');
  const bot = new Bot({ pack: realPack(), resolver: realResolver(), now: () => now });
  const pin = () =>
    bot.pinCommand({
      platform: 'slack',
      channel: 'C1',
      actor: { id: 'U1', name: 'megan' },
      admin: true,
      text: 'pin clock-skew --for 1h',
    });
  return { bot, pin, at: (iso: string) => (now = new Date(iso)) };
}

const active = (bot: Bot) => bot.pins.active('slack', 'C1');
const expiries = async (bot: Bot) => (await bot.pins.auditLog()).filter((e) => e.action === 'expire');

describe('pin expiry', () => {
  it('updates the post with the ended card, then ends the pin', async () => {
    const { bot, pin, at } = setup();
    await pin();
    at('2026-11-22T05:00:01Z');
    const posted: { pin: Pin; status: string | undefined }[] = [];
    const ended = await bot.expirePins(
      async (p, card) => void posted.push({ pin: p, status: card.pin?.status }),
    );
    expect(ended.map((p) => p.topic)).toEqual(['clock-skew']);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.status).toBe(realPack().message('pins.expired', 'en', { at: '2026-11-22 05:00 UTC' }));
    expect(await expiries(bot)).toHaveLength(1);
    expect(await bot.expirePins(async () => {})).toEqual([]); // nothing left to do
  });

  it('keeps a pin whose post could not be updated, and tries again at the next sweep', async () => {
    const { bot, pin, at } = setup();
    await pin();
    at('2026-11-22T05:00:01Z');
    const failures: string[] = [];
    const ended = await bot.expirePins(
      async () => Promise.reject(new Error('Slack is down')),
      (p, e, retrying) => failures.push(`${p.topic}: ${(e as Error).message}, retrying ${retrying}`),
    );
    expect(ended).toEqual([]);
    expect(failures).toEqual(['clock-skew: Slack is down, retrying true']);
    expect(await expiries(bot)).toHaveLength(0);
    expect(await active(bot)).toEqual([]); // past its time, it is no longer offered meanwhile

    at('2026-11-22T05:01:01Z');
    let updates = 0;
    expect(await bot.expirePins(async () => void updates++)).toHaveLength(1);
    expect(updates).toBe(1);
    expect(await expiries(bot)).toHaveLength(1);
  });

  it('ends the pin anyway after a day of failed updates (the post is probably gone)', async () => {
    const { bot, pin, at } = setup();
    await pin();
    at('2026-11-23T05:00:01Z');
    const retrying: boolean[] = [];
    const ended = await bot.expirePins(
      async () => Promise.reject(new Error('message_not_found')),
      (_p, _e, again) => retrying.push(again),
    );
    expect(retrying).toEqual([false]);
    expect(ended.map((p) => p.topic)).toEqual(['clock-skew']);
    expect(await expiries(bot)).toHaveLength(1);
  });
});
