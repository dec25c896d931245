/// <reference lib="webworker" />
/**
 * Parses an import file off the main thread, so a huge or hostile file cannot freeze the page;
 * the page terminates this worker when it takes too long.
 */
import { WORKER_FAILED } from './limits'
import { readImportFile } from './read'

export interface ImportRequest {
  readonly bytes: ArrayBuffer
  readonly fileName: string
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { bytes, fileName } = event.data
  try {
    self.postMessage(readImportFile(new Uint8Array(bytes), fileName))
  } catch (error) {
    console.error('[年报助手] 导入线程读取文件出错', error)
    self.postMessage({ ok: false, error: WORKER_FAILED })
  }
}
