/** Outcomes in this process's memory: the default without storage, and the tests' reference. */
import {
  endOfOpen,
  type NewOutcome,
  type Outcome,
  type OutcomePatch,
  type OutcomeStore,
} from './outcomes.js';

export class MemoryOutcomeStore implements OutcomeStore {
  private readonly rows: Outcome[] = [];
  private next = 1;

  async start(o: NewOutcome): Promise<Outcome> {
    for (const open of this.rows)
      if (open.conversation === o.conversation && open.end === null) {
        open.end = endOfOpen(open);
        open.endedAt = o.startedAt;
      }
    const row: Outcome = {
      picked: null,
      tried: [],
      fixed: null,
      escalation: null,
      ...structuredClone(o),
      end: o.end ?? null,
      endedAt: o.endedAt ?? null,
      id: this.next++,
    };
    this.rows.push(row);
    return structuredClone(row);
  }

  async latest(conversation: string): Promise<Outcome | undefined> {
    const row = this.rows.findLast((r) => r.conversation === conversation);
    return row && structuredClone(row);
  }

  async update(id: number, patch: OutcomePatch): Promise<void> {
    const row = this.rows.find((r) => r.id === id);
    if (row) Object.assign(row, structuredClone(patch));
  }

  async list(range: { since?: string; until?: string } = {}): Promise<Outcome[]> {
    return this.rows
      .filter(
        (r) => (!range.since || r.startedAt >= range.since) && (!range.until || r.startedAt < range.until),
      )
      .map((r) => structuredClone(r));
  }

  async sweep(before: string): Promise<number> {
    return this.remove((r) => r.startedAt < before);
  }

  async forget(userId: string): Promise<number> {
    return this.remove((r) => r.userId === userId);
  }

  private remove(match: (r: Outcome) => boolean): number {
    const before = this.rows.length;
    const kept = this.rows.filter((r) => !match(r));
    this.rows.splice(0, this.rows.length, ...kept);
    return before - kept.length;
  }
}
