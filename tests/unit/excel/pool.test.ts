/**
 * Reading many files for 汇总: a few workers, each reused from file to file; a hung worker costs
 * one file; cancel stops everything. Then real files (no Worker in Node: parsed in the page path)
 * through unitFromImport and aggregate, bad ones listed with the reader's own reasons.
 */
import * as XLSX from 'xlsx'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { aggregate, unitFromImport, type ImportOutcome } from '../../../src/domain'
import { backupFile } from '../../../src/io/backup'
import { TIMEOUT_MESSAGE, UNREADABLE } from '../../../src/io/excel/limits'
import { readFiles } from '../../../src/io/excel/pool'
import { writeWorkbook } from '../../../src/io/excel/workbook'
import { largeReport } from '../../fixtures/large2021'
import { table2, table3, table4 } from '../import/officialSheets'

class FakeWorker {
  static made: FakeWorker[] = []
  static answer: (w: FakeWorker, fileName: string) => void = () => {}
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: (() => void) | null = null
  terminated = false
  files: string[] = []
  constructor() {
    FakeWorker.made.push(this)
  }
  postMessage(message: { fileName: string }) {
    this.files.push(message.fileName)
    FakeWorker.answer(this, message.fileName)
  }
  terminate() {
    this.terminated = true
  }
}

function fakeWorkers(answer: (w: FakeWorker, fileName: string) => void) {
  FakeWorker.made = []
  FakeWorker.answer = answer
  vi.stubGlobal('Worker', FakeWorker)
  return FakeWorker.made
}
afterEach(() => vi.unstubAllGlobals())

const files = (n: number) => Array.from({ length: n }, (_, i) => new File([`x${i}`], `${i}.xlsx`))
const reply = (w: FakeWorker, error: string) =>
  setTimeout(() => w.onmessage?.({ data: { ok: false, error } }))

describe('readFiles', () => {
  it('reads every file with a pool of reused workers, and stops them at the end', async () => {
    const made = fakeWorkers((w, name) => reply(w, `read ${name}`))
    const seen: [number, ImportOutcome][] = []
    await readFiles(files(7), { size: 2, onOutcome: (i, o) => seen.push([i, o]) })
    expect(seen.map(([i]) => i).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(seen.every(([i, o]) => !o.ok && o.error === `read ${i}.xlsx`)).toBe(true)
    expect(made).toHaveLength(2)
    expect(made[0]!.files.length + made[1]!.files.length).toBe(7)
    expect(made.every((w) => w.terminated)).toBe(true)
  })

  it('a file that hangs its worker times out alone; a fresh worker reads the rest', async () => {
    const made = fakeWorkers((w, name) => {
      if (name !== '1.xlsx') reply(w, 'ok')
    })
    const seen = new Map<number, ImportOutcome>()
    await readFiles(files(4), { size: 1, timeoutMs: 30, onOutcome: (i, o) => seen.set(i, o) })
    expect(seen.get(1)).toEqual({ ok: false, error: TIMEOUT_MESSAGE })
    expect([0, 2, 3].map((i) => seen.get(i))).toEqual(Array(3).fill({ ok: false, error: 'ok' }))
    expect(made).toHaveLength(2)
    expect(made[0]!.terminated).toBe(true)
  })

  it('cancel: no more outcomes, every worker stopped', async () => {
    const controller = new AbortController()
    const made = fakeWorkers((w) => {
      if (FakeWorker.made.flatMap((x) => x.files).length === 3) controller.abort()
      else reply(w, 'ok')
    })
    const seen: number[] = []
    await readFiles(files(10), {
      size: 2,
      signal: controller.signal,
      onOutcome: (i) => seen.push(i),
    })
    expect(seen.length).toBeLessThan(3)
    expect(made.every((w) => w.terminated)).toBe(true)
  })
})

describe('files of a region summed (real reader)', () => {
  const xlsx = (rows: string[][]) => {
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '年报')
    return XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
  }

  it('our Excel export, a JSON backup, an old-layout workbook of 2024; a corrupt file and a non-report', async () => {
    const own = largeReport()
    own.meta.agencyName = '示例市甲区人民政府'
    const backup = largeReport()
    backup.meta.agencyName = '示例市乙区人民政府'
    backup.cells['t2.licensing.decisions'] = 14
    // A 2024 report typed into the old 2019 template: every cell 1 (k-th cell gets "1").
    const old = [
      ['示例市丙区人民政府2024年政府信息公开工作年度报告'],
      ...table2(2019, () => '1'),
      ...table3(2019, () => '0'),
      ...table4(() => '0'),
    ].map((r) => [...r])
    const input = [
      new File([writeWorkbook(own)], '甲区.xlsx'),
      new File([backupFile(backup).text], '乙区.json'),
      new File([xlsx(old)], '丙区.xlsx'),
      new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5])], '丁区.xlsx'),
      new File(
        [
          xlsx([
            ['姓名', '电话'],
            ['张三', '123'],
          ]),
        ],
        '通讯录.xlsx',
      ),
    ]
    const outcomes: ImportOutcome[] = []
    await readFiles(input, { onOutcome: (i, o) => (outcomes[i] = o) })
    const units = outcomes.map((o, i) => unitFromImport(String(i), input[i]!.name, o))
    const result = aggregate(units)
    expect(result.units.map((u) => [u.source, u.agencyName, u.year, u.formatId, u.status])).toEqual(
      [
        ['甲区.xlsx', '示例市甲区人民政府', 2024, 'gov2021', 'ok'],
        ['乙区.json', '示例市乙区人民政府', 2024, 'gov2021', 'ok'],
        ['丙区.xlsx', '示例市丙区人民政府', 2024, 'gov2019', expect.any(String)],
        ['丁区.xlsx', '', undefined, undefined, 'unreadable'],
        ['通讯录.xlsx', '', undefined, undefined, 'unreadable'],
      ],
    )
    expect(result.units[3]!.reason).toBe(UNREADABLE)
    expect(result.units[4]!.reason).toContain('没有在文件中找到年度报告的表格')
    const oldUnit = result.units[2]!
    expect(oldUnit.notes).toContain(
      '表格是国办公开办函〔2019〕60号的旧格式，已按 2021 年格式换算后汇总',
    )
    // 186432 (甲) + 14 (乙) + 1 (丙, 处理决定数量 of 行政许可) — when 丙 is summed.
    const summed = aggregate(units, { include: { '2': true } })
    expect(summed.report!.cells['t2.licensing.decisions']).toBe(186432 + 14 + 1)
  })
})
