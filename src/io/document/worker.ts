/// <reference lib="webworker" />
/**
 * Reads a Word document or web page off the main thread (as the Excel worker does for
 * spreadsheets), without SheetJS in it: a new worker per import starts in a fraction of the time.
 */
import {
  EMPTY_FILE,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  UNREADABLE,
  WORKER_FAILED,
} from '../excel/limits'
import { readDocumentFile } from './read'

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer; fileName: string }>) => {
  const { bytes, fileName } = event.data
  try {
    const data = new Uint8Array(bytes)
    self.postMessage(
      data.byteLength === 0
        ? { ok: false, error: EMPTY_FILE }
        : data.byteLength > MAX_IMPORT_BYTES
          ? { ok: false, error: tooLargeMessage(data.byteLength) }
          : (readDocumentFile(data, fileName) ?? { ok: false, error: UNREADABLE }),
    )
  } catch {
    self.postMessage({ ok: false, error: WORKER_FAILED })
  }
}
