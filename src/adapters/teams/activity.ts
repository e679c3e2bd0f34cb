/**
 * What a Teams activity says about where it was written and by whom: the conversation key, the
 * channel (for pinned quick fixes), whether the bot was mentioned, and the files attached.
 */
import type { Activity } from 'botbuilder';
import type { IncomingFile } from '../../core/bot.js';
import { downloadCapped } from '../download.js';

/** One conversation state per user per Teams conversation (a channel thread, a chat). */
export function conversationKey(activity: Partial<Activity>): string {
  const user = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
  return `teams:${activity.conversation?.id ?? 'unknown'}:${user}`;
}

/** Where a sent card is remembered: the conversation (thread) and the message's id. */
export function sentKey(activity: Partial<Activity>, activityId: string): string {
  return `teams:${activity.conversation?.id ?? 'unknown'}:${activityId}`;
}

/** The channel (or group chat) a message belongs to, without the thread part. */
export function channelOf(activity: Partial<Activity>): string | undefined {
  if (!isGroup(activity)) return undefined;
  const data = activity.channelData as { teamsChannelId?: string; channel?: { id?: string } } | undefined;
  return data?.teamsChannelId ?? data?.channel?.id ?? activity.conversation?.id?.split(';')[0];
}

export function isGroup(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * Files a user sent in personal chat: Teams delivers them as attachments with a short-lived
 * download URL; they are downloaded only when taken for a ticket.
 */
export function fileAttachments(activity: Partial<Activity>): IncomingFile[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.teams.file.download.info')
    .map((a) => {
      const content = (a.content ?? {}) as { downloadUrl?: string; fileType?: string };
      return {
        name: a.name ?? `file.${content.fileType ?? 'bin'}`,
        contentType: 'application/octet-stream',
        // Teams announces no size: the stream itself stops at the limit.
        download: async (maxBytes: number) => {
          if (!content.downloadUrl) throw new Error('no download URL');
          return downloadCapped(content.downloadUrl, maxBytes);
        },
      };
    });
}

/** Who sent it, as the core knows users: the AAD object id, and the name Teams shows. */
export function senderOf(activity: Partial<Activity>): { id: string; name?: string } {
  return {
    id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    ...(activity.from?.name ? { name: activity.from.name } : {}),
  };
}
