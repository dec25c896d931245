/**
 * Benchmarks record their figures here; bench/run.mjs prints them as one table and keeps the
 * last results in bench/RESULTS.md.
 */
import { appendFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const RESULTS_FILE = fileURLToPath(new URL('./.results.jsonl', import.meta.url))

export function record(name: string, value: number, unit: string, note = ''): void {
  appendFileSync(RESULTS_FILE, JSON.stringify({ name, value, unit, note }) + '\n')
}

/** The middle value (the upper middle of an even count). */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Median wall time (ms) of `runs` calls of `fn` after `warmup` untimed calls. */
export async function medianMs(fn: () => unknown, runs = 50, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}
