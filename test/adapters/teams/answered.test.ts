/**
 * Cards answered in Teams, over HTTP with real Action.Submit payloads: the answered card stays
 * read-only (no inputs, no buttons, what was chosen or sent shown); a card sent back with
 * nothing chosen or a required answer missing is asked again in place, saying why.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.js';
import { FakeConnector, postActivity } from '../../helpers/connector.js';
import { realPack } from '../../helpers/pack.js';
import * as A from './activities.js';
import { silentLogger } from '../../../src/core/log/logger.js';

const pack = realPack();
const connector = new FakeConnector();
let app: App;
let base = '';

beforeAll(async () => {
  await connector.start();
  app = await createApp({ env: { BOT_LOCAL_MODE: 'true' }, log: silentLogger });
  base = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.http.close();
  await connector.stop();
});
beforeEach(() => connector.clear());

const chat = (id: string) => ({ conversationType: 'personal', id: `a:${id}`, tenantId: 'x' });
async function say(id: string, text: string, locale = 'en-US') {
  expect(
    (await postActivity(base, A.message(connector.url, text, { conversation: chat(id), locale }))).status,
  ).toBe(200);
}
async function press(id: string, value: object, replyToId: string, locale = 'en-US') {
  const activity = { ...A.submit(connector.url, value, replyToId, locale), conversation: chat(id) };
  expect((await postActivity(base, activity)).status).toBe(200);
}
/** The last card posted as a new message, with the activity id the connector gave it. */
function lastPosted() {
  const call = connector.calls.filter((c) => c.method === 'POST').at(-1)!;
  return { id: call.id!, card: call.body.attachments[0].content };
}
const updates = () => connector.calls.filter((c) => c.method === 'PUT');
const elements = (card: any): any[] =>
  (card.body ?? []).flatMap((b: any) => [b, ...(b.items ? elements({ body: b.items }) : [])]);
const inputs = (card: any) => elements(card).filter((e) => String(e.type).startsWith('Input.'));

describe('Teams: answered cards', () => {
  it('asks triage again in place, saying what is missing, when Continue is pressed with nothing chosen', async () => {
    await say('triage-empty', 'ログインできません', 'ja-JP');
    const triage = lastPosted();
    expect(inputs(triage.card).length).toBe(2);
    connector.clear();
    await press('triage-empty', triage.card.actions[0].data, triage.id, 'ja-JP');
    expect(connector.calls.filter((c) => c.method === 'POST')).toEqual([]); // nothing new in the chat
    const [update] = updates();
    expect(update!.path).toBe(`/v3/conversations/a:triage-empty/activities/${triage.id}`);
    const again = update!.body.attachments[0].content;
    expect(JSON.stringify(again.body)).toContain(pack.message('nothingChosen', 'ja'));
    expect(inputs(again).length).toBe(2);

    // The card asked again works: choosing a message answers it.
    connector.clear();
    const choice = inputs(again).find((i) => i.type === 'Input.ChoiceSet').choices[0];
    await press('triage-empty', { ...again.actions[0].data, choice: choice.value }, triage.id, 'ja-JP');
    const answered = updates().at(-1)!.body.attachments[0].content;
    expect(inputs(answered)).toEqual([]);
    expect(answered.actions ?? []).toEqual([]);
    expect(JSON.stringify(answered.body)).toContain(choice.title);
    expect(lastPosted().card.body).toBeDefined(); // the topic chosen, as a new card
  });

  it('shows a typed triage answer on the answered card, with no inputs left', async () => {
    await say('triage-typed', "I can't sign in");
    const triage = lastPosted();
    connector.clear();
    await press(
      'triage-typed',
      { ...triage.card.actions[0].data, text: 'Cannot verify the server <at>x</at>' },
      triage.id,
    );
    const answered = updates()[0]!.body.attachments[0].content;
    expect(inputs(answered)).toEqual([]);
    expect(answered.actions ?? []).toEqual([]);
    expect(JSON.stringify(answered.body)).toContain('Cannot verify the server');
    expect(JSON.stringify(answered.body)).not.toContain('<at>');
  });

  it('keeps the sent form on screen, read-only, and asks a refused form again in place with the answers kept', async () => {
    await say('form', 'talk to a person');
    const form = lastPosted();
    expect(inputs(form.card).map((i) => i.id)).toEqual([
      'client',
      'os',
      'error',
      'since',
      'affected',
      'domain',
    ]);
    const submit = form.card.actions[0].data;

    // A required answer missing: the same card, in place, saying which, with the answers kept.
    connector.clear();
    await press(
      'form',
      { ...submit, client: 'lync2013', os: 'windows7', error: '', since: 'today' },
      form.id,
    );
    expect(connector.calls.filter((c) => c.method === 'POST')).toEqual([]);
    const again = updates()[0]!.body.attachments[0].content;
    expect(JSON.stringify(again.body)).toContain(
      pack.message('form.required', 'en', { field: pack.message('form.fields.error.label', 'en') }),
    );
    const kept = Object.fromEntries(inputs(again).map((i) => [i.id, i.value]));
    expect(kept).toMatchObject({ client: 'lync2013', os: 'windows7', error: '' });

    // Sent: the card becomes the ticket's number and what was sent, field by field, read-only.
    connector.clear();
    await press(
      'form',
      {
        ...again.actions[0].data,
        client: 'lync2013',
        os: 'windows7',
        error: 'Cannot sign in, password: Hunter2024!',
        since: 'today',
        affected: 'me',
        domain: '',
      },
      form.id,
    );
    const sent = updates()[0]!.body.attachments[0].content;
    expect(inputs(sent)).toEqual([]);
    expect(sent.actions ?? []).toEqual([]);
    const facts = elements(sent).find((e) => e.type === 'FactSet').facts;
    expect(facts.map((f: any) => f.title)).toEqual(
      ['client', 'os', 'error', 'since', 'affected', 'domain'].map((id) =>
        pack.message(`form.fields.${id}.label`, 'en'),
      ),
    );
    expect(facts.map((f: any) => f.value)).toEqual([
      pack.message('form.fields.client.choices.lync2013', 'en'),
      'Windows 7',
      'Cannot sign in, password: [redacted]',
      'today',
      pack.message('form.fields.affected.choices.me', 'en'),
      '—',
    ]);
    // The ticket's number stands in the same place, with the form as sent (told once: no new
    // message repeats it, so a redelivered submission cannot tell it twice).
    expect(JSON.stringify(sent)).toContain('SI-');
    expect(JSON.stringify(connector.calls.filter((c) => c.method === 'POST'))).not.toContain('SI-');
  });
});
