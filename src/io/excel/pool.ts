/**
 * Many files (汇总 of a region's units) read by a small pool of the import workers, each kept
 * running from one file to the next: the page stays responsive, SheetJS loads once per worker,
 * and a file that hangs or crashes its worker costs only that file.
 */
import type { ImportOutcome } from '../../domain'
import { readBackup } from '../backup'
import { startExcelWorker } from '../hosting'
import { MAX_IMPORT_BYTES, TIMEOUT_MESSAGE, tooLargeMessage, WORKER_FAILED } from './limits'

export interface ReadManyOptions {
  /** Workers at once; default one per core but one (the page needs little), 2 to 4. */
  readonly size?: number
  /** Per file; default 30 s. */
  readonly timeoutMs?: number
  /** Stops reading: running workers are terminated, files not yet read are not reported. */
  readonly signal?: AbortSignal
  /** Called once per file read, in the order they finish. */
  readonly onOutcome: (index: number, outcome: ImportOutcome) => void
}

export const CANCELLED = '已取消读取'

const defaultSize = () =>
  Math.min(4, Math.max(2, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1))

const DEFAULT_TIMEOUT_MS = 30_000

/** What needs no spreadsheet parser: a file over the limit, a JSON backup (as importFile). */
async function readWithoutWorker(file: File): Promise<ImportOutcome | undefined> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: tooLargeMessage(file.size) }
  if (/\.json$/i.test(file.name)) return readBackup(await file.text())
  return undefined
}

/** A page opened from file:// may not start workers: parse here instead. */
async function parseInPage(bytes: ArrayBuffer, fileName: string): Promise<ImportOutcome> {
  const { readImportFile } = await import('./read')
  return readImportFile(new Uint8Array(bytes), fileName)
}

/**
 * One file through a running worker, which stays up for the next file. `healthy` is false when
 * it timed out or crashed: it must then be terminated (and another started).
 */
function askWorker(
  worker: Worker,
  bytes: ArrayBuffer,
  fileName: string,
  timeoutMs: number,
): Promise<{ outcome: ImportOutcome; healthy: boolean }> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ outcome: { ok: false, error: TIMEOUT_MESSAGE }, healthy: false }),
      timeoutMs,
    )
    worker.onmessage = (event: MessageEvent<ImportOutcome>) => {
      clearTimeout(timer)
      resolve({ outcome: event.data, healthy: true })
    }
    worker.onerror = () => {
      clearTimeout(timer)
      resolve({ outcome: { ok: false, error: WORKER_FAILED }, healthy: false })
    }
    worker.postMessage({ bytes, fileName }, [bytes])
  })
}

/** Reads every file; resolves when all are read or the signal aborts. */
export async function readFiles(files: readonly File[], options: ReadManyOptions): Promise<void> {
  const { signal, onOutcome } = options
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const size = Math.min(files.length, options.size ?? defaultSize())
  let next = 0
  const running = new Set<Worker>()
  const stopAll = () => running.forEach((w) => w.terminate())
  signal?.addEventListener('abort', stopAll, { once: true })

  async function slot() {
    let worker: Worker | undefined
    let noWorkers = false
    try {
      while (next < files.length && !signal?.aborted) {
        const index = next++
        const file = files[index]!
        let outcome = await readWithoutWorker(file)
        if (!outcome) {
          const bytes = await file.arrayBuffer()
          if (signal?.aborted) return
          if (!worker && !noWorkers) {
            try {
              worker = startExcelWorker()
              running.add(worker)
            } catch {
              noWorkers = true
            }
          }
          if (!worker) outcome = await parseInPage(bytes, file.name)
          else {
            const answer = await askWorker(worker, bytes, file.name, timeoutMs)
            outcome = answer.outcome
            if (!answer.healthy) {
              worker.terminate()
              running.delete(worker)
              worker = undefined
            }
          }
        }
        if (signal?.aborted) return
        onOutcome(index, outcome)
      }
    } finally {
      if (worker) {
        worker.terminate()
        running.delete(worker)
      }
    }
  }

  // An abort ends the wait at once, even while a worker is still busy with a file.
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  await Promise.race([Promise.all(Array.from({ length: size }, slot)), aborted])
  signal?.removeEventListener('abort', stopAll)
  stopAll()
}
