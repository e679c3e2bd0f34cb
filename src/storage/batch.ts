/**
 * Group commit: callers that arrive while a statement is running wait for it, then go to the
 * database together in one statement. A caller alone goes at once (no timer, no added wait);
 * under load, several messages waiting share one round trip instead of queueing one each
 * (PGlite runs one statement at a time, and each costs several calls into WebAssembly).
 */
export class Batcher<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    /** Carries out the items in one statement; the results in the items' order. */
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly max = 100,
  ) {}

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.max);
      try {
        const results = await this.flush(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (error) {
        // Each caller gets the statement's failure (a claim not taken, a write not made).
        for (const b of batch) b.reject(error);
      }
    }
    this.running = false;
  }
}
