/**
 * Excel import and export for the app. SheetJS loads only in the import worker (the parser), or in
 * the page when no worker can start; the export is our own small writer (workbook.ts), a dynamic
 * import that needs no SheetJS.
 */
import type { ImportOutcome, Report } from '../../domain'
import { readBackup } from '../backup'
import { saveFile } from '../fileName'
import { PAGE_UPDATED, reportError } from '../errors'
import { startDocumentWorker, startExcelWorker } from '../hosting'
import { MAX_IMPORT_BYTES, TIMEOUT_MESSAGE, tooLargeMessage, WORKER_FAILED } from './limits'

/** Word documents and web pages go to the document worker, which carries no SheetJS. */
const DOCUMENT_FILE = /\.(docx|html?|xhtml)$/i

export interface ImportFileOptions {
  /** Give up (and stop the worker) after this long; default 30 s. */
  readonly timeoutMs?: number
}

/** Reads a file the user picked (Excel, WPS, CSV or JSON backup) into an import outcome. */
export async function importFile(
  file: File,
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: tooLargeMessage(file.size) }
  // A JSON backup needs no spreadsheet parser.
  if (/\.json$/i.test(file.name)) return readBackup(await file.text())
  const bytes = await file.arrayBuffer()
  let worker: Worker
  try {
    worker = DOCUMENT_FILE.test(file.name) ? startDocumentWorker() : startExcelWorker()
  } catch (error) {
    // A page opened from file:// may not start workers: parse here instead.
    reportError('启动导入线程失败，改在页面中读取', error)
    const { readImportFile } = await import('./read')
    return readImportFile(new Uint8Array(bytes), file.name)
  }
  try {
    return await new Promise<ImportOutcome>((resolve) => {
      const timer = setTimeout(
        () => resolve({ ok: false, error: TIMEOUT_MESSAGE }),
        options.timeoutMs ?? 30_000,
      )
      worker.onmessage = (event: MessageEvent<ImportOutcome>) => {
        clearTimeout(timer)
        resolve(event.data)
      }
      worker.onerror = (event: Event) => {
        clearTimeout(timer)
        // An error thrown inside the worker comes as an ErrorEvent (with a message); a plain
        // Event means its script could not be loaded: after a deploy, the page is older than
        // the server's files.
        const crashed = 'message' in event
        reportError('导入线程出错', crashed ? ((event as ErrorEvent).error ?? event) : event)
        resolve({ ok: false, error: crashed ? WORKER_FAILED : PAGE_UPDATED })
      }
      worker.postMessage({ bytes, fileName: file.name }, [bytes])
    })
  } finally {
    worker.terminate()
  }
}

/** Builds the workbook and hands it to the browser's download; returns the file name. */
export async function exportExcel(report: Report): Promise<string> {
  const { writeWorkbook, excelFileName } = await import('./workbook')
  const fileName = excelFileName(report)
  saveFile(
    writeWorkbook(report),
    fileName,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  return fileName
}
