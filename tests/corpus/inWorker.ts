/**
 * Runs the import path in a worker thread with a hard time limit, as the app does in the browser
 * (src/io/excel/index.ts): a hostile file that made the parser loop fails the test instead of
 * hanging it. The worker is bundled once (Vite, SSR build) into node_modules/.cache.
 */
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import type { ImportOutcome } from '../../src/domain'

const root = fileURLToPath(new URL('../..', import.meta.url))
const outDir = `${root}node_modules/.cache/nianbao-corpus`
let bundled: Promise<string> | undefined

function bundle(): Promise<string> {
  bundled ??= import('vite').then(async ({ build }) => {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: {
        ssr: fileURLToPath(new URL('./readerWorker.ts', import.meta.url)),
        outDir,
        emptyOutDir: true,
        rollupOptions: { output: { format: 'es', entryFileNames: 'reader.mjs' } },
      },
    })
    return `${outDir}/reader.mjs`
  })
  return bundled
}

export type TimedOutcome =
  { timedOut: false; outcome: ImportOutcome; prototypeClean: boolean } | { timedOut: true }

export async function readImportFileInWorker(
  bytes: Uint8Array,
  fileName: string,
  limitMs: number,
): Promise<TimedOutcome> {
  const worker = new Worker(await bundle(), { workerData: { bytes, fileName } })
  try {
    return await new Promise<TimedOutcome>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ timedOut: true }), limitMs)
      worker.once('message', (answer: { outcome: ImportOutcome; prototypeClean: boolean }) => {
        clearTimeout(timer)
        resolve({ timedOut: false, ...answer })
      })
      worker.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
  } finally {
    await worker.terminate()
  }
}
