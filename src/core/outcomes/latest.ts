/**
 * Each conversation's latest outcome as this process last read or wrote it, so that the
 * recorder does not read it back from the store at every message (a query per message, and in
 * memory a copy of the row).
 *
 * It is trusted only while no other process can have written the conversation's outcomes:
 * outcomes are written right after the step's compare-and-set write of the conversation state
 * (see Bot.step), so an entry left at state version v is current for the next step that wrote
 * the state over version v. If another process handled a message in between, the state's
 * version moved past v and the entry is not used: the store is read. A state deleted and made
 * again (a forgotten user) restarts at version 0, which no entry is trusted at.
 */
import { LRUCache } from 'lru-cache';
import type { Outcome, OutcomePatch } from '../storage/outcomes.js';

/** The conversation state's version a step read and the one it wrote. One object per step. */
export interface StepVersions {
  read: number;
  written: number;
}

interface Entry {
  /** null: the conversation has no outcome. */
  outcome: Outcome | null;
  /** The state version it is current at. */
  version: number;
  /** The step that left it (its later events trust it too). */
  step: StepVersions;
}

export class LatestOutcomes {
  private readonly entries: LRUCache<string, Entry>;

  constructor(capacity = 10_000) {
    this.entries = new LRUCache({ max: capacity });
  }

  /** The latest outcome (null: none) when known to be current for `step`; undefined: read the store. */
  get(conversation: string, step: StepVersions | undefined): Outcome | null | undefined {
    const entry = step && this.entries.get(conversation);
    if (!entry) return undefined;
    const current = entry.step === step || (step.read > 0 && entry.version === step.read);
    return current ? entry.outcome : undefined;
  }

  /** What the store holds now as the latest, after `step` read or wrote it. */
  set(conversation: string, outcome: Outcome | null, step: StepVersions | undefined): void {
    if (step) this.entries.set(conversation, { outcome, version: step.written, step });
    else this.entries.delete(conversation);
  }

  /** The step is over: an entry current for it stays current at the version it wrote. */
  carried(conversation: string, step: StepVersions | undefined): void {
    const outcome = this.get(conversation, step);
    if (outcome !== undefined) this.set(conversation, outcome, step);
  }

  /** `patch` written to outcome `id`. */
  patched(conversation: string, id: number, patch: OutcomePatch, step: StepVersions | undefined): void {
    const outcome = this.entries.get(conversation)?.outcome;
    if (outcome?.id === id) this.set(conversation, { ...outcome, ...patch }, step);
    else this.forget(conversation);
  }

  /** Not known any more (a write that failed may or may not have happened). */
  forget(conversation: string): void {
    this.entries.delete(conversation);
  }
}
