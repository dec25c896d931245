/**
 * How the app reaches what ships beside it (the PDF fonts, the Excel worker). A hosted build
 * fetches files next to index.html and starts workers from URLs. The single-file edition
 * (`vite build --mode single`, for file://) swaps in ./hosting.single.ts, which carries them
 * inside the HTML: a file:// page can neither fetch files beside it nor start workers from them.
 */
export const fetchAppFile = (path: string): Promise<Response> =>
  fetch(new URL(path, document.baseURI))

export const startExcelWorker = (): Worker =>
  new Worker(new URL('./excel/worker.ts', import.meta.url), { type: 'module' })

/** Word documents and web pages: a worker without SheetJS (src/io/document/worker.ts). */
export const startDocumentWorker = (): Worker =>
  new Worker(new URL('./document/worker.ts', import.meta.url), { type: 'module' })
