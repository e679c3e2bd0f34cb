/**
 * Traditional Chinese (Taiwan and Hong Kong) wording that the zh-TW locale data now understands
 * (issue 13): one sentence for each family of ways people said it that went wrong before — a
 * cause told by what the person saw or did (a plan downgraded, Lync installed from an old disc,
 * only long-serving staff failing), "try again later", chat filler such as "how do I deal with
 * it", Cantonese sign-in wording, a phone hotspot that is a network and not a phone, and
 * look-alikes that are not this product's sign-in (another product's licence, the Windows
 * password, a personal Skype account, another system's sign-in, "are you a real person or a
 * bot", asking for the MIS people). Each sentence was written for this test and comes from no
 * evaluation set; each fails on main without this locale data.
 */
import { describe, expect, it } from 'vitest';
import { realResolver } from '../../helpers/pack.js';

const resolver = realResolver();

describe('zh-TW: a sign-in problem said in everyday words gets its fix', () => {
  const cases: [string, string][] = [
    ['Lync 記錄的選項在哪裡開', 'collect-logs'],
    ['我們把部分同仁降成比較便宜的方案，他們的 Lync 就登不進去了', 'not-licensed'],
    ['員工編號登不進 SfB，是不是要改成完整的 email 格式', 'mistyped-credentials'],
    ['用舊光碟裝的 Lync 登不進公司帳號', 'wrong-version'],
    ['資深同仁才有問題，新人的 Skype for Business 都正常', 'user-not-sip-enabled'],
    ['Skype 一直叫我稍後再試，已經一個早上了', 'server-unavailable'],
    ['全部同事都出現找不到登入位址，用手機熱點卻可以', 'signin-address-not-found'],
    ['sfb 入唔去', 'triage'],
    ['撳完登入轉咗好耐又彈返去登入畫面', 'triage'],
    ['不好意思，想問一下 Lync 登入不了怎麼處理', 'triage'],
  ];
  it.each(cases)('%s → %s', (text, topic) => {
    const r = resolver.resolve(text);
    expect(r.answer).toEqual({ kind: 'fix', id: topic });
    expect(r.topic).toBe(topic);
  });
});

describe("zh-TW: a look-alike that is not this product's sign-in gets its card, never a fix", () => {
  const cases: [string, string][] = [
    ['AutoCAD 的授權過期了，誰可以幫我續約？', 'other-licence'],
    ['Windows 開機密碼忘了', 'windows-password'],
    ['我自己的 Skype 帳號被盜了', 'consumer-skype'],
  ];
  it.each(cases)('%s → %s', (text, id) => {
    const r = resolver.resolve(text);
    expect(r.topic).toBeNull();
    expect(r.answer).toEqual({ kind: 'near-miss', id });
  });
});

describe('zh-TW: signing in to another system (ERP, a time clock, SAP) gets no sign-in fix', () => {
  it.each(['公司的 ERP 今天一直登入失敗', '打卡系統的密碼忘記了', 'SAP 今天登入不了'])('%s', (text) => {
    const r = resolver.resolve(text);
    expect(r.topic).toBeNull();
    expect(r.answer.kind).not.toBe('fix');
  });
});

describe('zh-TW: small talk and asking for a person', () => {
  it('asking whether the bot is a person, in either order, is small talk', () => {
    const r = resolver.resolve('請問你是真人還是機器人？');
    expect(r.topic).toBeNull();
    expect(r.answer).toEqual({ kind: 'smalltalk', id: 'who-am-i' });
  });

  it('asking for the MIS people hands over', () => {
    const r = resolver.resolve('可以幫我找 MIS 嗎');
    expect(r.answer).toEqual({ kind: 'fix', id: 'collect-logs' });
  });
});

/**
 * Second round (chat-dev-5 and chat-dev-6 misses): one sentence for each family the zh-TW data
 * now understands — a punch clock (打卡鐘) whose clock is off (another device, no fix), the
 * Windows or AD account typed in place of the sign-in address, the PC clock said to "differ" from
 * the server's without 不同步, a missing lyncdiscover record beside "server temporarily
 * unavailable" (not "sign-in address not found" on its 找不到), only Skype blocked while browsing
 * works (not a licence), "I was told to handle it, where do I start" and "only he fails, where do
 * I start" (triage, not collect-logs or a licence), and "nothing happens after I type my account
 * and password" (triage, not mistyped-credentials). Each sentence was written for this test,
 * comes from no evaluation set, and fails on main without this round's locale data.
 */
describe('zh-TW second round: causes told by what people saw or did, and their look-alikes', () => {
  const fixes: [string, string][] = [
    ['同事的商務用 Skype 登入失敗，他打的是 Windows 的帳號', 'mistyped-credentials'],
    ['登 Skype for Business 的時候輸入了 AD 帳號格式，就是進不去', 'mistyped-credentials'],
    ['SfB 登不進去，系統時鐘跟伺服器時鐘不一樣有影響嗎', 'clock-skew'],
    ['商務用 Skype 說伺服器暫時無法使用，我們的 DNS 找不到 lyncdiscover 那筆', 'server-unavailable-dns'],
    ['上網都正常，只有 Lync 被擋住登不進去', 'signin-address-not-found'],
    ['主管的 Lync 登不進去叫我處理，要先查什麼', 'triage'],
    ['別人都正常，只有經理的 SfB 登不進去，該從哪開始查', 'triage'],
    ['Lync 輸入帳密後就沒反應了', 'triage'],
  ];
  it.each(fixes)('%s → %s', (text, topic) => {
    const r = resolver.resolve(text);
    expect(r.answer).toEqual({ kind: 'fix', id: topic });
    expect(r.topic).toBe(topic);
  });

  it.each(['工廠打卡鐘的時間跑掉了，要找誰調', '公司打卡鐘慢了十分鐘，大家都被記遲到'])(
    'a punch clock is another device, not the Skype clock fix: %s',
    (text) => {
      const r = resolver.resolve(text);
      expect(r.topic).toBeNull();
      expect(r.answer.kind).not.toBe('fix');
    },
  );
});
