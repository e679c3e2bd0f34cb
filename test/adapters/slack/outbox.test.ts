/**
 * A ticket card or notification whose process died after Slack took the post and before the
 * outbox recorded it: when the outbox tries again, it finds the post by its marker (message
 * metadata, read back with conversations.history / replies) instead of posting a second one.
 */
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CardBuilder } from '../../../src/core/cards/build.js';
import { outboxHandlers } from '../../../src/core/helpdesk/channel.js';
import { MemoryOutbox, MemoryTicketStore } from '../../../src/core/helpdesk/memory.js';
import { SlackHelpdeskChannel, SlackNotifier } from '../../../src/adapters/slack/helpdesk.js';
import { FakeSlackApi } from '../../helpers/slack-api.js';
import { realPack, realResolver } from '../../helpers/pack.js';
import { digestHandler } from '../../../src/core/digest/weekly.js';
import { MemoryOutcomeStore } from '../../../src/core/storage/memory-outcomes.js';

const pack = realPack();
const api = new FakeSlackApi();
const HELPDESK = 'C0HELPDESK';
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.clear());

async function setup(address: Record<string, unknown>) {
  const client = new webApi.WebClient('xoxb-0001-test', { slackApiUrl: api.apiUrl });
  const tickets = new MemoryTicketStore(new MemoryOutbox());
  const ticket = await tickets.create(
    {
      conversation: 'c1',
      platform: 'slack',
      user: { id: 'U1' },
      address,
      lang: 'en',
      topic: null,
      form: {},
      attempts: [],
      secret: 'card-secret',
    },
    new Date().toISOString(),
    () => [],
  );
  const channel = new SlackHelpdeskChannel(() => client, HELPDESK, 'Choose');
  const handlers = outboxHandlers({
    tickets,
    channels: [channel],
    notifiers: [
      new SlackNotifier(
        () => client,
        () => 'Choose',
      ),
    ],
    cards: new CardBuilder(pack),
    helpdeskLang: 'en',
  });
  return { tickets, ticket, channel, handlers };
}
const posts = (channel: string) =>
  api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

describe('the outbox after a crash between a Slack post and its record', () => {
  it('finds the ticket card it posted and records it, instead of posting it again', async () => {
    const { tickets, ticket, channel, handlers } = await setup({ channel: 'D1' });
    // The first attempt posted the card, and its process died before recording where.
    await channel.postTicket(new CardBuilder(pack).ticket(ticket, 'en'), `ticket:${ticket.ref}`);
    const [posted] = api.messages;
    // The retry (the item claimed a second time) looks before posting.
    const recorded = await handlers['helpdesk.post']!({ ref: ticket.ref }, { id: 1, attempts: 2 });
    expect(posts(HELPDESK)).toHaveLength(1);
    expect(recorded).toMatchObject({ platform: 'slack', channel: HELPDESK, ts: posted!.ts });
    expect((await tickets.get(ticket.ref))!.helpdeskMessage).toMatchObject({ ts: posted!.ts });
  });

  it('posts the card when the earlier attempt had not', async () => {
    const { ticket, handlers } = await setup({ channel: 'D1' });
    await handlers['helpdesk.post']!({ ref: ticket.ref }, { id: 1, attempts: 2 });
    expect(posts(HELPDESK)).toHaveLength(1);
    expect(posts(HELPDESK)[0]!.args.metadata).toEqual({
      event_type: 'signin_outbox',
      event_payload: { marker: `ticket:${ticket.ref}` },
    });
  });

  it('sends only the notification cards an earlier attempt did not, in a thread too', async () => {
    const { ticket, handlers } = await setup({ channel: 'C0USERS', thread: '1763780000.000100' });
    const ask = {
      ref: ticket.ref,
      key: 'ticket.asked',
      values: { ref: ticket.ref, question: 'Since when?' },
    };
    await handlers['user.notify']!(ask, { id: 7, attempts: 1 }); // two cards: the question and the hint
    expect(posts('C0USERS')).toHaveLength(2);
    // The first card went out, then the process died: the retry sends the second one only.
    api.messages.splice(1, 1);
    api.calls.splice(api.calls.indexOf(posts('C0USERS')[1]!), 1);
    await handlers['user.notify']!(ask, { id: 7, attempts: 2 });
    expect(posts('C0USERS')).toHaveLength(2);
    expect(api.calls.filter((c) => c.method === 'conversations.replies')).toHaveLength(1);
    // Both were sent: a third attempt sends nothing.
    await handlers['user.notify']!(ask, { id: 7, attempts: 3 });
    expect(posts('C0USERS')).toHaveLength(2);
  });
});

describe('the weekly digest after a crash between its Slack post and its record', () => {
  it('finds the digest it posted instead of posting it again', async () => {
    const { channel } = await setup({ channel: 'D1' });
    const until = new Date(Date.now() - 60_000).toISOString();
    const handler = digestHandler({
      channels: [channel],
      outcomes: new MemoryOutcomeStore(),
      pack,
      analyzer: realResolver().index.analyzer,
      helpdeskLang: 'en',
    });
    const payload = { platform: 'slack', since: new Date(Date.now() - 7 * 86_400_000).toISOString(), until };
    const first = await handler(payload, { id: 7, attempts: 1 });
    // The process died before the outbox recorded it: the item is claimed again.
    const again = await handler(payload, { id: 7, attempts: 2 });
    expect(posts(HELPDESK)).toHaveLength(1);
    expect(again).toMatchObject({ already: true, ts: (first as { ts: string }).ts });
    expect(posts(HELPDESK)[0]!.args.metadata).toEqual({
      event_type: 'signin_outbox',
      event_payload: { marker: `digest:${until}` },
    });
  });
});
