/**
 * Slack request signatures: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the
 * signing secret. A pure function of its inputs (the clock is passed in), so it is tested
 * without a server. Unlike Bolt's own check, timestamps too far in the future are rejected
 * as well as old ones: both are replays or broken clocks.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export enum SlackVerificationCode {
  MissingSignature = 'missing_signature',
  MissingTimestamp = 'missing_timestamp',
  StaleTimestamp = 'stale_timestamp',
  FutureTimestamp = 'future_timestamp',
  InvalidSignature = 'invalid_signature',
}

export class SlackVerificationError extends Error {
  constructor(readonly code: SlackVerificationCode) {
    super(`Slack request rejected: ${code.replace(/_/g, ' ')}`);
    this.name = 'SlackVerificationError';
  }
}

export const MAX_SKEW_SECONDS = 5 * 60;

export interface SlackRequestToVerify {
  signingSecret: string;
  rawBody: string | Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  /** Seconds since the epoch. */
  now: number;
}

export function signSlackRequest(
  signingSecret: string,
  timestamp: number | string,
  rawBody: string | Buffer,
): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

export function verifySlackRequest(request: SlackRequestToVerify): void {
  const { signature, timestamp } = request;
  if (!signature) throw new SlackVerificationError(SlackVerificationCode.MissingSignature);
  if (!timestamp || !/^\d+$/.test(timestamp))
    throw new SlackVerificationError(SlackVerificationCode.MissingTimestamp);
  const age = request.now - Number(timestamp);
  if (age > MAX_SKEW_SECONDS) throw new SlackVerificationError(SlackVerificationCode.StaleTimestamp);
  if (age < -MAX_SKEW_SECONDS) throw new SlackVerificationError(SlackVerificationCode.FutureTimestamp);
  const expected = Buffer.from(signSlackRequest(request.signingSecret, timestamp, request.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new SlackVerificationError(SlackVerificationCode.InvalidSignature);
}
