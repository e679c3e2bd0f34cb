/** Pins in memory (tests, single quick runs). */
import type { Platform } from '../helpdesk/types.js';
import type { Pin, PinAuditEntry, PinStore } from './types.js';

export class MemoryPinStore implements PinStore {
  private readonly pins: Pin[] = [];
  private readonly log: PinAuditEntry[] = [];

  async add(pin: Omit<Pin, 'id'>): Promise<{ pin: Pin; replaced?: Pin }> {
    const previous = this.pins.find(
      (p) => p.platform === pin.platform && p.channel === pin.channel && p.topic === pin.topic && !p.endedAt,
    );
    if (previous)
      Object.assign(previous, {
        endedAt: pin.pinnedAt,
        endedBy: pin.pinnedBy.id,
        endReason: 'replaced' as const,
      });
    const added = { ...structuredClone(pin), id: this.pins.length + 1 };
    this.pins.push(added);
    return { pin: structuredClone(added), ...(previous ? { replaced: structuredClone(previous) } : {}) };
  }

  async setMessage(id: number, message: Record<string, unknown>): Promise<void> {
    const pin = this.pins.find((p) => p.id === id);
    if (pin) pin.message = structuredClone(message);
  }

  async active(platform: Platform, channel: string, now: string): Promise<Pin[]> {
    return this.pins
      .filter((p) => p.platform === platform && p.channel === channel && !p.endedAt && p.expiresAt > now)
      .map((p) => structuredClone(p));
  }

  async end(
    id: number,
    at: string,
    by: string,
    reason: NonNullable<Pin['endReason']>,
  ): Promise<Pin | undefined> {
    const pin = this.pins.find((p) => p.id === id && !p.endedAt);
    if (!pin) return undefined;
    Object.assign(pin, { endedAt: at, endedBy: by, endReason: reason });
    return structuredClone(pin);
  }

  async due(now: string): Promise<Pin[]> {
    return this.pins.filter((p) => !p.endedAt && p.expiresAt <= now).map((p) => structuredClone(p));
  }

  async audit(entry: PinAuditEntry): Promise<void> {
    this.log.push({ ...entry });
  }

  async auditLog(): Promise<PinAuditEntry[]> {
    return this.log.map((e) => ({ ...e }));
  }
}
