import { afterEach, describe, expect, it, vi } from 'vitest'
import { importFile } from '../../../src/io/excel'
import { backupFile } from '../../../src/io/backup'
import { PAGE_UPDATED } from '../../../src/io/errors'
import { TIMEOUT_MESSAGE, WORKER_FAILED } from '../../../src/io/excel/limits'
import { writeWorkbook } from '../../../src/io/excel/workbook'
import { seedReport } from '../../fixtures/seed2020'

/** A stand-in for the browser's Worker: answers (or not) as the test says. */
class FakeWorker {
  static behave: (w: FakeWorker) => void = () => {}
  static made: FakeWorker[] = []
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: ((e: Event | { message: string }) => void) | null = null
  terminated = false
  constructor() {
    FakeWorker.made.push(this)
  }
  postMessage() {
    FakeWorker.behave(this)
  }
  terminate() {
    this.terminated = true
  }
}

function fakeWorker(behave: (w: FakeWorker) => void): FakeWorker[] {
  FakeWorker.behave = behave
  FakeWorker.made = []
  vi.stubGlobal('Worker', FakeWorker)
  return FakeWorker.made
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const seedFile = () =>
  new File([writeWorkbook(seedReport())], 'seed.xlsx', { type: 'application/octet-stream' })

describe('importFile', () => {
  it('refuses a file over 20 MB before reading it', async () => {
    const big = new File([new Uint8Array(21 * 1024 * 1024)], 'big.xlsx')
    const read = vi.spyOn(big, 'arrayBuffer')
    expect(await importFile(big)).toEqual({
      ok: false,
      error:
        '文件大小为 21.0 MB，超过 20 MB 的上限，没有读取。年度报告的表格通常不到 1 MB，请确认选择的文件是否正确。',
    })
    expect(read).not.toHaveBeenCalled()
  })

  it('reads a JSON backup without the spreadsheet parser', async () => {
    const { text, fileName } = backupFile(seedReport())
    const made = fakeWorker(() => {})
    const outcome = await importFile(new File([text], fileName))
    expect(outcome.ok && outcome.result.report).toEqual(seedReport())
    expect(made).toHaveLength(0)
  })

  it('parses in the page when workers are unavailable (a page opened from file://)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const outcome = await importFile(seedFile())
    expect(outcome.ok && outcome.result.report).toEqual(seedReport())
  })

  it('gives up on a worker that takes too long, and stops it', async () => {
    const made = fakeWorker(() => {})
    expect(await importFile(seedFile(), { timeoutMs: 20 })).toEqual({
      ok: false,
      error: TIMEOUT_MESSAGE,
    })
    expect(made[0]!.terminated).toBe(true)
  })

  it('passes on what the worker answers, and a crashed worker as one sentence', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const answer = { ok: false, error: '示例' }
    fakeWorker((w) => setTimeout(() => w.onmessage?.({ data: answer })))
    expect(await importFile(seedFile())).toEqual(answer)
    const made = fakeWorker((w) => setTimeout(() => w.onerror?.({ message: 'out of memory' })))
    expect(await importFile(seedFile())).toEqual({ ok: false, error: WORKER_FAILED })
    expect(made[0]!.terminated).toBe(true)
    expect(log).toHaveBeenCalledTimes(1)
  })

  it('a worker whose script is gone (a deploy since the page loaded) asks for a reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    fakeWorker((w) => setTimeout(() => w.onerror?.(new Event('error'))))
    expect(await importFile(seedFile())).toEqual({ ok: false, error: PAGE_UPDATED })
  })
})
