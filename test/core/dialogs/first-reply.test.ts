/**
 * What the bot shows for replies that are not fixes, and commands said inside ordinary
 * sentences, in every language (issues 13 and 18, item 11).
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/languages.js';
import { Conversation } from '../../helpers/conversation.js';
import { realPack } from '../../helpers/pack.js';

const pack = realPack();
let n = 0;
const chat = () => new Conversation(`first-reply-${n++}`);

describe('answers that are not fixes', () => {
  it.each([
    ['en', 'my laptop password expired and Windows will not let me log on', 'windows-password'],
    ['ja', 'スマホの時計がずれている', 'phone-clock'],
    ['zh-CN', 'Teams会议里麦克风不能用', 'teams-meetings'],
    ['zh-TW', '差勤系統密碼輸錯被鎖', 'other-password'],
  ] as [Lang, string, string][])(
    '%s: a neighbour problem gets its redirect, politely, never a fix',
    async (lang, text, id) => {
      const c = chat();
      await c.say(text);
      expect(c.last).toHaveLength(1);
      expect(c.card).toMatchObject({ kind: 'notice', lang, title: pack.answerText(id, lang).title });
      expect(c.card.kind === 'notice' && c.card.list?.[0]).toBe(pack.answerText(id, lang).list![0]);
    },
  );

  it('the retirement notice cites Microsoft Learn', async () => {
    const c = chat();
    await c.say('was Skype for Business Online retired?');
    expect(c.card).toMatchObject({
      kind: 'notice',
      title: pack.answerText('skype-online-retirement', 'en').title,
    });
    expect(c.card.links[0]!.url).toBe(
      'https://learn.microsoft.com/en-us/microsoftteams/skype-for-business-online-retirement',
    );
  });

  it.each([
    ['hello', 'en', 'greeting'],
    ['thanks!', 'en', 'thanks'],
    ['bye', 'en', 'bye'],
    ['こんにちは', 'ja', 'greeting'],
    ['ありがとうございます', 'ja', 'thanks'],
    ['谢谢', 'zh-CN', 'thanks'],
    ['再見', 'zh-TW', 'bye'],
  ] as [string, Lang, string][])(
    '"%s" is small talk, not "I\'m not sure what this is about"',
    async (text, lang, id) => {
      const c = chat();
      await c.say(text);
      expect(c.card).toMatchObject({ kind: 'notice', title: pack.answerText(id, lang).title });
    },
  );

  it('"did you mean" offers the likely topics as buttons, and a pick starts that dialog', async () => {
    const c = chat();
    await c.say('users cannot sign in since we changed something');
    const first = c.card;
    expect(first).toMatchObject({ kind: 'notFound', title: pack.message('didYouMean.title', 'en') });
    const offered = first.choices.filter((x) => x.payload.action === 'topic').map((x) => x.payload.value);
    expect(offered.length).toBeGreaterThan(0);
    expect(first.choices.some((x) => x.payload.action === 'escalate')).toBe(true);
    await c.click({ action: 'topic', value: offered[0]! });
    expect(c.card).toMatchObject({ kind: 'topic', topic: offered[0] });
  });
});

describe('a follow-up continues the topic and the stage', () => {
  it.each([
    ['en', 'There was a problem acquiring a personal certificate that is required to sign in', 'same error'],
    ['ja', 'サインインに必要な個人証明書を取得するときに問題が発生しました', '同じエラーです'],
    ['zh-CN', '获取登录所需的个人证书时出现问题', '还是一样'],
    ['zh-TW', '取得登入所需的個人憑證時發生問題', '還是一樣'],
  ])('%s: "%s" then "%s" shows the next stage', async (_, question, followUp) => {
    const c = chat();
    await c.say(question);
    expect(c.card).toMatchObject({ kind: 'topic', topic: 'personal-certificate' });
    const firstStage = c.card.kind === 'topic' ? c.card.stage.title : '';
    await c.say(followUp);
    expect(c.card).toMatchObject({ kind: 'topic', topic: 'personal-certificate' });
    expect(c.card.kind === 'topic' && c.card.stage.title).not.toBe(firstStage);
  });
});

describe('commands inside ordinary sentences', () => {
  const escalated = (c: Conversation, lang: Lang) =>
    expect(c.last[0]).toMatchObject({ kind: 'notice', title: pack.message('escalation.title', lang) });

  it.each([
    ['en', 'I need to talk to a person'],
    ['ja', '担当者と話したいのですが'],
    ['zh-CN', '我想转人工客服'],
    ['zh-TW', '可以幫我找真人客服嗎'],
  ] as [Lang, string][])('%s: "%s" hands over to the helpdesk', async (lang, text) => {
    const c = chat();
    await c.say(text);
    escalated(c, lang);
  });

  it.each([
    ['en', 'hmm, what can you help with?'],
    ['ja', 'このボットの使い方を教えて'],
    ['zh-CN', '请问你能帮我做什么'],
    ['zh-TW', '請問你能做什麼'],
  ] as [Lang, string][])('%s: "%s" shows the help', async (lang, text) => {
    const c = chat();
    await c.say(text);
    expect(c.card).toMatchObject({ kind: 'help', lang });
  });

  it.each([
    ['en', 'sign-in address not found', "let's start over please", 'restarted'],
    ['ja', 'サインイン アドレスが見つかりません', 'すみません、最初からやり直したいです', 'restarted'],
    ['zh-CN', '找不到登录地址', '算了吧', 'cancelled'],
    ['zh-TW', '找不到登入位址', '那就算了吧', 'cancelled'],
  ] as [Lang, string, string, string][])('%s: "%s" then "%s"', async (lang, question, command, notice) => {
    const c = chat();
    await c.say(question);
    await c.say(command);
    expect(c.last[0]).toMatchObject({ kind: 'notice', text: pack.message(notice, lang) });
  });

  it('switches language when asked inside a sentence', async () => {
    const c = chat();
    await c.say('sign-in address not found');
    await c.say('please reply in japanese');
    expect(c.last[0]).toMatchObject({ kind: 'notice', text: pack.message('language', 'ja') });
  });

  it('a command word inside a question about a problem still answers the problem', async () => {
    const c = chat();
    await c.say('help, Skype for Business says sign-in address not found');
    expect(c.card).toMatchObject({ kind: 'topic', topic: 'signin-address-not-found' });
  });
});
