/**
 * The weight of a message's terms that each candidate document holds, while the scorer adds it
 * up. Kept in two arrays indexed by document number, allocated once per scorer and reused for
 * every message (a stamp per document says whether it was found for this message), instead of
 * a Map made per message: adding up the postings of a long message's rare words is most of the
 * scorer's own cost, and typed arrays make each addition an array write.
 *
 * The documents are listed in the order they were first found, exactly as a Map's insertion
 * order would list them: the order topics are first met and the tie-break among equal scores
 * depend on it.
 */
export class DocTally {
  private readonly sums: Float64Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  /** The documents found, in the order they were first found. */
  docs: number[] = [];

  constructor(documents: number) {
    this.sums = new Float64Array(documents);
    this.stamps = new Uint32Array(documents);
  }

  /** Forgets the previous message's documents. */
  reset(): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.docs = [];
  }

  /** Adds `weight` to what `doc` holds (finding it, the first time). */
  add(doc: number, weight: number): void {
    if (this.stamps[doc] === this.stamp) this.sums[doc]! += weight;
    else {
      this.stamps[doc] = this.stamp;
      this.sums[doc] = weight;
      this.docs.push(doc);
    }
  }

  /** What `doc` holds (only meaningful for a document found for this message). */
  sum(doc: number): number {
    return this.sums[doc]!;
  }

  /** Keeps only the documents `keep` accepts, in the same order. */
  filter(keep: (doc: number, sum: number) => boolean): void {
    this.docs = this.docs.filter((doc) => keep(doc, this.sums[doc]!));
  }
}
