/** Slack mrkdwn as the core reads it: what the Slack adapter makes of a message's text. */
import { describe, expect, it } from 'vitest';
import { slackInbound } from '../../../src/adapters/slack/markup.js';
import { chatText } from '../../../src/adapters/registry.js';
import { stripNoise } from '../../../src/core/text/noise.js';

const read = (mrkdwn: string) => stripNoise(slackInbound(mrkdwn));

describe('Slack inbound text', () => {
  it('drops user, channel and broadcast tokens, keeps link labels', () => {
    expect(read('<@U02ABCDEF> <!here> <!channel> see <#C123|helpdesk> <https://x.example/a|the KB>')).toBe(
      'see the KB',
    );
  });

  it('neutralises HTML-escaped tokens too, and reads escaped quotes as quotes', () => {
    expect(read('&lt;!channel&gt; help')).toBe('help');
    expect(read('&gt; earlier: printer jammed\nUser is not SIP enabled')).toBe('User is not SIP enabled');
  });
});

describe('pasted chat text (cli resolve, cli eval)', () => {
  it('reads a message pasted from either platform as its adapter does', () => {
    expect(stripNoise(chatText('<at>SignInBot</at> Lync says <b>sign-in address not found</b>'))).toBe(
      'Lync says sign-in address not found',
    );
    expect(stripNoise(chatText('<@U02ABCDEF> see <https://x.example/a|the KB> &amp; more'))).toBe(
      'see the KB & more',
    );
  });
});
