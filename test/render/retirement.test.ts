/**
 * The retirement notice (Skype for Business Online was retired on 31 July 2021; Microsoft Teams
 * replaced it) on the welcome, help, triage and not-found cards, on Teams, Slack and the
 * terminal, in every language, with Microsoft Learn's page in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { CardBuilder } from '../../src/core/cards/build.js';
import type { Card } from '../../src/core/cards/model.js';
import { LANGUAGES, type Lang } from '../../src/core/i18n/languages.js';
import { AdaptiveCardRenderer } from '../../src/render/adaptive/render.js';
import { renderBlockKit } from '../../src/render/blockkit/render.js';
import { renderText } from '../../src/render/text/render.js';
import { realPack } from '../helpers/pack.js';

const pack = realPack();
const builder = new CardBuilder(pack);
const adaptive = new AdaptiveCardRenderer();
const LOCALE: Record<Lang, string> = { en: 'en-us', ja: 'ja-jp', 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw' };

const cards = (lang: Lang): Card[] => [
  builder.welcome(lang, 't'),
  builder.help(lang, 't'),
  builder.triage(lang, 't'),
  builder.notFound('where is the Wi-Fi password', [], lang, 't'),
  builder.notFound('sign in', ['clock-skew'], lang, 't'),
];

describe('the retirement notice', () => {
  for (const lang of LANGUAGES)
    it(`is on the welcome, help, triage and not-found cards on every platform (${lang})`, () => {
      const notice = pack.message('retirement.text', lang);
      const url = `https://learn.microsoft.com/${LOCALE[lang]}/microsoftteams/skype-for-business-online-retirement`;
      expect(notice).toMatch(/2021/);
      expect(notice).toMatch(/31/);
      expect(notice).toContain('Microsoft Teams');
      for (const card of cards(lang)) {
        expect(card.retirement, card.kind).toBe(notice);
        const teams = JSON.stringify(adaptive.render(card));
        expect(teams, `${card.kind} on Teams`).toContain(JSON.stringify(notice).slice(1, -1));
        expect(teams).toContain(url);
        const slack = JSON.stringify(renderBlockKit(card, { chooseLabel: 'x' }).blocks);
        expect(slack, `${card.kind} on Slack`).toContain(url);
        expect(slack).toContain(JSON.stringify(notice.slice(0, 20)).slice(1, -1));
        const terminal = renderText(card, { numberChoices: true });
        expect(terminal, `${card.kind} in the terminal`).toContain(notice);
        expect(terminal).toContain(url);
      }
    });

  it('stays off the topic cards, where the steps come first', () => {
    expect(builder.topic('clock-skew', 0, 'en', 't').retirement).toBeUndefined();
  });
});

describe('wording the reader can act on', () => {
  it('asks for the helpdesk details before saying what to send, and only the terminal says "skip"', () => {
    for (const lang of LANGUAGES) {
      const handover = builder.escalation([], lang, 't');
      expect(handover.text).not.toMatch(/details below|下の詳細|下面的详细信息|下面的詳細資料/);
      const form = builder.form(lang, 't', 0);
      const skip = pack.message('form.skip', lang);
      expect(JSON.stringify(adaptive.render(form).body)).not.toContain(skip);
      expect(JSON.stringify(renderBlockKit(form, { chooseLabel: 'x' }).blocks)).not.toContain(skip);
      expect(renderText(form)).toContain(skip);
    }
  });

  it('tells the terminal user what to do with the files, and chat users to send them here', () => {
    for (const lang of LANGUAGES) {
      const terminal = builder.logs(lang, 'SI-1', 'terminal');
      expect(terminal.text).toBe(pack.message('ticket.created.terminalText', lang, { ref: 'SI-1' }));
      expect(terminal.list!.at(-1)).toBe(pack.message('logs.sendTerminal', lang, { ref: 'SI-1' }));
      for (const platform of ['teams', 'slack'] as const) {
        const chat = builder.logs(lang, 'SI-1', platform);
        expect(chat.text).toBe(pack.message('ticket.created.text', lang, { ref: 'SI-1' }));
        expect(chat.list!.at(-1)).toBe(pack.message('logs.send', lang, { ref: 'SI-1' }));
      }
    }
    expect(pack.message('logs.sendTerminal', 'en', { ref: 'SI-1' })).not.toMatch(/here in this chat/);
    expect(pack.message('ticket.created.terminalText', 'en', { ref: 'SI-1' })).not.toMatch(/tell you here/);
  });

  it('covers every client the helpdesk form offers in the log steps', () => {
    const steps = builder.logSteps('en', 'teams').join('\n');
    for (const client of [
      'Skype for Business 2016',
      'Lync 2013',
      'Lync 2010',
      'Lync for Mac 2011',
      'phone or tablet',
    ])
      expect(steps).toContain(client);
  });
});
