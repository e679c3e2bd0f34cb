/**
 * The benchmark servers' CPU profile hook, the same for the product and the baselines.
 *
 * BENCH_PROFILE=<file>: SIGUSR2 starts the CPU profiler and SIGTERM writes the profile there,
 * so that the profile covers a load pass only, not the start-up (module loading). Without it,
 * SIGTERM just runs `stop`. BENCH_MEMORY=<file>: SIGTERM first writes the memory there (memory.ts).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { writeMemory } from '../memory.js';

export function onSignals(stop: () => Promise<unknown>): void {
  let session: Session | undefined;
  const file = process.env.BENCH_PROFILE;
  if (file)
    process.on('SIGUSR2', () => {
      session = new Session();
      session.connect();
      void session.post('Profiler.enable').then(() => session!.post('Profiler.start'));
    });
  process.on('SIGTERM', () => {
    void (async () => {
      if (session && file) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
      }
      writeMemory(); // BENCH_MEMORY: where the memory is, before stopping frees any of it
      await stop();
      process.exit(0);
    })();
  });
}
