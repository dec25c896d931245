/**
 * The import path of the app's Excel worker, as a Node worker: bytes and name in; the outcome and
 * whether Object.prototype is still clean out.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readImportFile } from '../../src/io/excel/read'

const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string }
const outcome = readImportFile(bytes, fileName)
const probe = {} as Record<string, unknown>
parentPort!.postMessage({
  outcome,
  prototypeClean:
    Object.keys(Object.prototype).length === 0 &&
    ['polluted', 'agencyName', 'isAdmin', 'year', 'type'].every((k) => probe[k] === undefined),
})
