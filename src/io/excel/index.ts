/**
 * Excel import and export for the app. Nothing here loads SheetJS until the user imports or
 * exports: the parser runs in a worker, the writer is a dynamic import.
 */
import type { ImportOutcome, Report } from '../../domain'
import { readBackup } from '../backup'
import { saveFile } from '../fileName'
import { startExcelWorker } from '../hosting'
import { MAX_IMPORT_BYTES, TIMEOUT_MESSAGE, tooLargeMessage, WORKER_FAILED } from './limits'

export interface ImportFileOptions {
  /** Give up (and stop the worker) after this long; default 30 s. */
  readonly timeoutMs?: number
}

/** Reads a file the user picked (Excel, WPS, CSV or JSON backup) into an import outcome. */
export async function importFile(
  file: File,
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  const early = await readWithoutWorker(file)
  if (early) return early
  const bytes = await file.arrayBuffer()
  let worker: Worker
  try {
    worker = startExcelWorker()
  } catch {
    return parseInPage(bytes, file.name)
  }
  try {
    return (await askWorker(worker, bytes, file.name, options.timeoutMs ?? DEFAULT_TIMEOUT_MS))
      .outcome
  } finally {
    worker.terminate()
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000

/** What needs no spreadsheet parser: a file over the limit, a JSON backup. */
export async function readWithoutWorker(file: File): Promise<ImportOutcome | undefined> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: tooLargeMessage(file.size) }
  if (/\.json$/i.test(file.name)) return readBackup(await file.text())
  return undefined
}

/** A page opened from file:// may not start workers: parse here instead. */
export async function parseInPage(bytes: ArrayBuffer, fileName: string): Promise<ImportOutcome> {
  const { readImportFile } = await import('./read')
  return readImportFile(new Uint8Array(bytes), fileName)
}

/**
 * One file through a running import worker. `healthy` is false when the worker timed out or
 * crashed: the caller must terminate it (and may start another).
 */
export function askWorker(
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

/** Builds the workbook and hands it to the browser's download; returns the file name. */
export async function exportExcel(report: Report): Promise<string> {
  const [X, { writeWorkbook, excelFileName }] = await Promise.all([
    import('xlsx'),
    import('./workbook'),
  ])
  const fileName = excelFileName(report)
  saveFile(
    writeWorkbook(X, report),
    fileName,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  return fileName
}
