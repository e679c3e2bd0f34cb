/**
 * Where a benchmark server's resident memory goes: BENCH_MEMORY=<file> makes the server write
 * `process.memoryUsage()` there when it is told to stop (SIGTERM, see servers/profiler.ts), so
 * an idle start and a process after load can each be split into the V8 heap, memory outside it
 * (Buffers, WebAssembly memory such as PGlite's) and the rest (code, Node itself, native
 * libraries), beside the bare echoes'. A goal not met then shows which part is over.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Megabytes, as process.memoryUsage() counts them. */
export interface MemoryBreakdown {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Memory outside the V8 heap that JavaScript holds: Buffers, ArrayBuffers, WebAssembly memory. */
  external: number;
}

const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;

/** In the server: writes its memory to BENCH_MEMORY, if set. */
export function writeMemory(file = process.env.BENCH_MEMORY): void {
  if (!file) return;
  const m = process.memoryUsage();
  const out: MemoryBreakdown = {
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
  };
  writeFileSync(file, JSON.stringify(out));
}

/** In the bench: what a stopped server wrote, or undefined when it wrote nothing. */
export function readMemory(file: string): MemoryBreakdown | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MemoryBreakdown) : undefined;
}

/**
 * One line: RSS = V8 heap + outside the heap + the rest. The heap and the buffers are counted as
 * reserved, RSS as resident: a rest below zero (a new PGlite folder's fresh WebAssembly memory)
 * is memory reserved and not yet touched, and is said so.
 */
export function memoryLine(name: string, m: MemoryBreakdown): string {
  const rest = Math.round((m.rss - m.heapTotal - m.external) * 10) / 10;
  const tail =
    rest >= 0
      ? `+ code, Node and native ${rest}`
      : `(${-rest} of the heap and buffers reserved but not yet resident)`;
  return `- ${name}: RSS ${m.rss} MB = V8 heap ${m.heapTotal} (${m.heapUsed} in use) + Buffers and WebAssembly ${m.external} ${tail}`;
}
