/** Files shared with the bot in Slack: downloaded with the bot token, and only from Slack's hosts. */
import type { IncomingFile } from '../../core/bot.js';
import { downloadCapped } from '../download.js';

/** A file as Slack describes it in a message (fields Slack may leave out or null). */
export interface SlackFile {
  name?: string | null;
  mimetype?: string | undefined;
  size?: number | undefined;
  url_private_download?: string | undefined;
}

/**
 * Where Slack serves private files: the bot token goes to these hosts only (and to the Web API's
 * own host, when SLACK_API_URL points the bot at another one); a file whose URL names any other
 * host is not downloaded.
 */
const SLACK_FILE_HOSTS = ['files.slack.com'];

export function isSlackFileUrl(url: string, apiUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false; // not a URL at all, so not a Slack file: the bot does not download it
  }
  if (target.protocol === 'https:' && SLACK_FILE_HOSTS.includes(target.hostname)) return true;
  if (!apiUrl) return false;
  const api = new URL(apiUrl);
  return target.protocol === api.protocol && target.host === api.host;
}

/** A file shared with the bot, downloaded with the bot token only when the bot takes it. */
export function incomingFile(file: SlackFile, token: string | undefined, apiUrl?: string): IncomingFile {
  return {
    name: file.name ?? 'file',
    contentType: file.mimetype ?? 'application/octet-stream',
    ...(file.size !== undefined ? { size: file.size } : {}),
    // The announced size is checked first; the stream stops at the limit whatever it said.
    download: async (maxBytes: number) => {
      const url = file.url_private_download;
      if (!url) throw new Error('no download URL');
      if (!isSlackFileUrl(url, apiUrl)) throw new Error(`not a Slack file host: ${new URL(url).host}`);
      return downloadCapped(url, maxBytes, token ? { authorization: `Bearer ${token}` } : {});
    },
  };
}
