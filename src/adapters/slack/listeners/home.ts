/** The App Home tab: the topics, in the user's language. */
import type { App } from '@slack/bolt';
import type { Bot } from '../../../core/bot.js';
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../../core/i18n/languages.js';
import { type Block, escapeSlack } from '../../../render/blockkit/render.js';
import type { SlackContext } from '../context.js';

export function homeBlocks(bot: Bot, lang: Lang): Block[] {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: bot.message('slack.home.title', lang).slice(0, 150) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(bot.message('slack.home.text', lang)) } },
    { type: 'divider' },
  ];
  for (const topic of bot.topicList(lang))
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(topic.title)}*\n${escapeSlack(topic.symptom)}` },
    });
  return blocks.slice(0, 100);
}

export function home(app: App, slack: SlackContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const lang = langFromLocale(await slack.locales.get(client, event.user)) ?? DEFAULT_LANG;
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: homeBlocks(slack.bot, lang) },
    });
  });
}
