/**
 * Pinned quick fixes: when one sign-in problem hits many people at once, an admin pins the
 * topic's quick fix in the support channel, and everyone asking there sees it first.
 */
import type { Platform } from '../helpdesk/types.js';
import type { Lang } from '../i18n/languages.js';

export interface Pin {
  id: number;
  platform: Platform;
  channel: string;
  topic: string;
  /** The admin's note, as typed (shown escaped). */
  note: string;
  lang: Lang;
  pinnedBy: { id: string; name?: string };
  pinnedAt: string;
  expiresAt: string;
  /** Where the pinned post is (platform ids and a link to it), once posted. */
  message?: Record<string, unknown>;
  endedAt?: string;
  endedBy?: string;
  endReason?: 'expired' | 'removed' | 'replaced';
}

export interface PinAuditEntry {
  at: string;
  actor: string;
  action: 'pin' | 'unpin' | 'expire' | 'refused';
  platform: Platform;
  channel: string;
  topic?: string;
  detail?: string;
}

export interface PinStore {
  /** Pins a topic in a channel, ending an active pin of the same topic there ("replaced"). */
  add(pin: Omit<Pin, 'id'>): Promise<{ pin: Pin; replaced?: Pin }>;
  setMessage(id: number, message: Record<string, unknown>): Promise<void>;
  active(platform: Platform, channel: string, now: string): Promise<Pin[]>;
  end(id: number, at: string, by: string, reason: NonNullable<Pin['endReason']>): Promise<Pin | undefined>;
  /** Active pins whose time is up. */
  due(now: string): Promise<Pin[]>;
  audit(entry: PinAuditEntry): Promise<void>;
  auditLog(): Promise<PinAuditEntry[]>;
}
