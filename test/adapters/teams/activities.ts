/** Teams activity payloads as Teams sends them (shapes taken from real traffic). */
export const BOT = { id: '28:6f1c2a3b-0000-4000-8000-00000000b07a', name: 'SignInBot' };
export const USER = {
  id: '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc',
  name: 'Megan Bowen',
  aadObjectId: '4b6e1a52-8b9d-4f65-a4b1-2e7ad3d1c001',
};
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let n = 0;

function base(serviceUrl: string, conversation: { id: string } & Record<string, unknown>, locale: string) {
  n++;
  return {
    id: `1700000000${String(n).padStart(3, '0')}`,
    timestamp: '2026-11-22T03:00:00.000Z',
    localTimestamp: '2026-11-22T12:00:00.000+09:00',
    serviceUrl,
    channelId: 'msteams',
    from: USER,
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
    channelData: { tenant: { id: TENANT } },
  };
}

export const personal = { conversationType: 'personal', id: 'a:1-personal-chat-with-megan' };
export const channel = {
  conversationType: 'channel',
  isGroup: true,
  id: '19:8d1e63a2c13c4b71b9ad6c2b7e1f2a3d@thread.tacv2;messageid=1700000000000',
};

export function message(
  serviceUrl: string,
  text: string,
  options: { locale?: string; conversation?: { id: string } & Record<string, unknown> } = {},
) {
  return {
    ...base(serviceUrl, options.conversation ?? personal, options.locale ?? 'en-US'),
    type: 'message',
    textFormat: 'plain',
    text,
  };
}

export function channelMention(serviceUrl: string, text: string, locale = 'en-US') {
  const activity = message(serviceUrl, `<at>${BOT.name}</at> ${text}`, { locale, conversation: channel });
  return {
    ...activity,
    entities: [...activity.entities, { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    channelData: {
      ...activity.channelData,
      teamsChannelId: '19:8d1e63a2c13c4b71b9ad6c2b7e1f2a3d@thread.tacv2',
      teamsTeamId: '19:team-helpdesk@thread.tacv2',
      channel: { id: '19:8d1e63a2c13c4b71b9ad6c2b7e1f2a3d@thread.tacv2' },
      team: { id: '19:team-helpdesk@thread.tacv2' },
    },
  };
}

/** Action.Submit: a message with `value`, no text, replying to the card. */
export function submit(serviceUrl: string, value: object, replyToId: string, locale = 'en-US') {
  const { text: _t, textFormat: _f, ...rest } = message(serviceUrl, '', { locale });
  return { ...rest, replyToId, value };
}

/** Action.Execute: an invoke whose response card replaces the pressed one. */
export function execute(serviceUrl: string, data: object, replyToId: string, locale = 'en-US') {
  return {
    ...base(serviceUrl, personal, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: 'answer', data }, trigger: 'manual' },
  };
}

export function botAdded(serviceUrl: string, locale: string) {
  return {
    ...base(serviceUrl, personal, locale),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
  };
}

export function search(serviceUrl: string, text: string | null, locale = 'en-US') {
  return {
    ...base(serviceUrl, personal, locale),
    type: 'invoke',
    name: 'composeExtension/query',
    value: {
      commandId: 'searchTopics',
      parameters:
        text === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchText', value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
}
