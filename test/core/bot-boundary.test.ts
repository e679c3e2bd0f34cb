/**
 * The boundary every platform's input crosses (Bot.handle): a NUL or a lone surrogate in a
 * form field, the text or the user's name never makes a step fail to save, and the escalation
 * form always becomes a ticket, on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.js';
import { Helpdesk } from '../../src/core/helpdesk/service.js';
import type { FormCard } from '../../src/core/cards/model.js';
import { storageOn } from '../../src/storage/open.js';
import { BACKENDS } from '../helpers/databases.js';
import { realPack, realResolver } from '../helpers/pack.js';

const pack = realPack();
const HOSTILE = 'Sign-in address not found\u0000 \ud800 \udfff \u001b[31m \u202e';

describe.each(BACKENDS)('Bot.handle with hostile text on $name', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function bot() {
    const opened = await backend.open();
    cleanups.push(opened.dispose);
    const storage = await storageOn(opened.db);
    const helpdesk = new Helpdesk({
      tickets: storage.tickets,
      uploads: pack.escalation.uploads,
      channels: ['teams'],
    });
    return {
      storage,
      bot: new Bot({ pack, resolver: realResolver(), states: storage.states, helpdesk }),
    };
  }

  it('files the Teams form with a NUL and lone surrogates in its fields as a ticket', async () => {
    const { bot: b, storage } = await bot();
    const conversation = 'teams:hostile-form';
    const user = { id: 'aad-1', name: 'Mallory\u0000\ud800' };
    const asked = await b.handle({ conversation, platform: 'teams', user, text: 'talk to a person' });
    const form = asked.cards.find((c): c is FormCard => c.kind === 'form')!;
    expect(form).toBeDefined();
    const out = await b.handle({
      conversation,
      platform: 'teams',
      user,
      action: {
        action: 'form',
        value: 'escalation',
        token: form.token,
        fields: {
          client: 'sfb2016',
          os: 'windows10',
          error: HOSTILE,
          since: 'Monday\ud83d',
          affected: 'me',
          domain: '',
        },
      },
    });
    expect(out.events.map((e) => e.type)).toContain('ticket');
    const ticket = await storage.tickets.openFor(conversation);
    expect(ticket?.form.error).toBe('Sign-in address not found \ufffd \ufffd [31m');
    expect(ticket?.form.since).toBe('Monday\ufffd');
    expect(ticket?.user.name).toBe('Mallory\ufffd');
  }, 60_000); // the first test on the embedded database sets it up

  it('answers and saves a message of NULs, lone surrogates and controls', async () => {
    const { bot: b, storage } = await bot();
    const out = await b.handle({ conversation: 'c\u0000', text: '\u0000\ud800 cannot sign in \udc00\u0007' });
    expect(out.cards.length).toBeGreaterThan(0);
    expect(await storage.states.get('c')).toBeDefined();
  });
});
