/**
 * Where an export's time goes, as `pdf:<stage>` measures on the performance timeline (font fetch,
 * cmap, wasm, subset, addFont, layout, output). Cheap enough to keep always on: the browser bench
 * (bench/pdf-browser.bench.ts) reads them, and so can anyone in the browser's performance panel.
 */
export const STAGE_PREFIX = 'pdf:'

export function measureSince(stage: string, start: number): void {
  performance.measure(STAGE_PREFIX + stage, { start, end: performance.now() })
}

export function timed<T>(stage: string, work: () => T): T {
  const start = performance.now()
  const result = work()
  if (result instanceof Promise) {
    return result.finally(() => measureSince(stage, start)) as T
  }
  measureSince(stage, start)
  return result
}
