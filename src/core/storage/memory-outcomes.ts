/**
 * Outcomes in this process's memory: the default without storage, and the tests' reference.
 * Indexed by id and by conversation: a message looks up its conversation's latest outcome, and
 * a scan of every row per message grew with the rows kept (the largest cost of a message under
 * load, measured).
 */
import {
  endOfOpen,
  type NewOutcome,
  type Outcome,
  type OutcomePatch,
  type OutcomeStore,
} from './outcomes.js';

export class MemoryOutcomeStore implements OutcomeStore {
  /** In id order, which is the order they started. */
  private readonly rows = new Map<number, Outcome>();
  /** Each conversation's outcomes, oldest first. */
  private readonly byConversation = new Map<string, Outcome[]>();
  private next = 1;

  async start(o: NewOutcome): Promise<Outcome> {
    const own = this.byConversation.get(o.conversation) ?? [];
    for (const open of own)
      if (open.end === null) {
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
    this.rows.set(row.id, row);
    own.push(row);
    this.byConversation.set(o.conversation, own);
    return structuredClone(row);
  }

  async latest(conversation: string): Promise<Outcome | undefined> {
    const row = this.byConversation.get(conversation)?.at(-1);
    return row && structuredClone(row);
  }

  async update(id: number, patch: OutcomePatch): Promise<void> {
    const row = this.rows.get(id);
    if (row) Object.assign(row, structuredClone(patch));
  }

  async list(range: { since?: string; until?: string } = {}): Promise<Outcome[]> {
    return [...this.rows.values()]
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
    let removed = 0;
    for (const row of this.rows.values())
      if (match(row)) {
        this.rows.delete(row.id);
        removed++;
      }
    if (removed)
      for (const [conversation, own] of this.byConversation) {
        const kept = own.filter((r) => this.rows.has(r.id));
        if (kept.length) this.byConversation.set(conversation, kept);
        else this.byConversation.delete(conversation);
      }
    return removed;
  }
}
