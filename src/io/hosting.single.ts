/**
 * ./hosting.ts for the single-file edition. The build puts the GB2312 subset fonts into the HTML
 * as gzipped base64 in `<script type="application/octet-stream" data-file="fonts/…">` blocks (never
 * run as code) and inlines the Excel worker. Anything not embedded (the full fonts for rare
 * characters) is fetched as usual, which fails from file:// and is reported by the caller.
 */
import DocumentWorker from './document/worker.ts?worker&inline'
import ExcelWorker from './excel/worker.ts?worker&inline'

export const EMBEDDED_FILE_TYPE = 'application/octet-stream'

function embeddedFile(path: string): Response | undefined {
  const block = document.querySelector(`script[type="${EMBEDDED_FILE_TYPE}"][data-file="${path}"]`)
  if (!block?.textContent) return undefined
  const packed = Uint8Array.from(atob(block.textContent), (c) => c.charCodeAt(0))
  return new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')))
}

export const fetchAppFile = async (path: string): Promise<Response> =>
  embeddedFile(path) ?? fetch(new URL(path, document.baseURI))

export const startExcelWorker = (): Worker => new ExcelWorker()

export const startDocumentWorker = (): Worker => new DocumentWorker()
