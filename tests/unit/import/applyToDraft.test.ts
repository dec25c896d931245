import { createPinia, setActivePinia } from 'pinia'
import * as XLSX from 'xlsx'
import { beforeEach, describe, expect, it } from 'vitest'
import { carryOver, createReport, planImport, planLastYear } from '../../../src/domain'
import { readImportFile } from '../../../src/io/excel/read'
import { memoryStorage, setStorage } from '../../../src/io/storage'
import { useDraftStore } from '../../../src/stores/draft'
import { useFindingsStore } from '../../../src/stores/findings'
import { table3 } from './officialSheets'

/** What the dialog does on confirm, from file bytes to the draft store. */
function importInto(draft: ReturnType<typeof useDraftStore>, bytes: Uint8Array, name: string) {
  const outcome = readImportFile(bytes, name)
  if (!outcome.ok) return outcome.error
  draft.replaceReport(planImport(outcome.result, draft.report).report, `导入“${name}”`)
  return 'applied'
}

const xlsx = (rows: readonly (readonly string[])[]) => {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), 'S')
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
}

beforeEach(() => {
  setStorage(memoryStorage())
  setActivePinia(createPinia())
})

function openDraft() {
  const draft = useDraftStore()
  draft.createDraft(
    createReport({
      agencyName: '某县司法局',
      agencyKind: 'department',
      level: 'county',
      year: 2024,
      scope: 'self',
    }),
  )
  draft.setCell('t2.regulations.issued', '0')
  return draft
}

describe('applying an import to the draft', () => {
  it('is one undo step, and undo restores the draft exactly', () => {
    const draft = openDraft()
    const before = draft.report
    const rows = table3(2021, (k) => (k === 1 || k === 7 ? '5' : '0'))
    expect(importInto(draft, xlsx(rows), 'a.xlsx')).toBe('applied')
    expect(draft.report!.cells['t3.newReceived.naturalPerson']).toBe(5)
    expect(draft.report!.cells['t2.regulations.issued']).toBe(0)
    expect(draft.undoLabel).toBe('导入“a.xlsx”')
    draft.undo()
    expect(draft.report).toBe(before)
  })

  it.each([
    ['not a report', xlsx([['姓名'], ['张三']]), 'b.xlsx'],
    ['corrupt', xlsx(table3(2021)).slice(0, 500), 'c.xlsx'],
    ['empty', new Uint8Array(0), 'd.csv'],
    ['too large', new Uint8Array(21 * 1024 * 1024), 'e.xlsx'],
  ])('a %s file leaves the draft and its history untouched', (_, bytes, name) => {
    const draft = openDraft()
    const before = draft.report
    const message = importInto(draft, bytes, name)
    expect(message).not.toBe('applied')
    expect(draft.report).toBe(before)
    expect(draft.undoLabel).toBe('填写“表二 规章 · 本年制发件数”')
  })

  it('last year beside the draft feeds the cross-year rule; a new year starts from it', () => {
    const draft = openDraft()
    const findings = useFindingsStore()
    const outcome = readImportFile(xlsx(table3(2021, (k) => (k === 169 ? '3' : '0'))), 'l.xlsx')
    if (!outcome.ok) throw new Error(outcome.error)
    const last = planLastYear(outcome.result, draft.report).report
    expect(last.meta.year).toBe(2023)
    draft.setLastYear(last)
    draft.setCell('t3.carriedIn.naturalPerson', '2')
    expect(findings.findings.filter((f) => f.ruleId === 'X-CARRY').map((f) => f.cells)).toEqual([
      ['t3.carriedIn.naturalPerson'],
    ])
    const next = carryOver(last).report
    expect(next.meta.year).toBe(2024)
    expect(next.cells['t3.carriedIn.naturalPerson']).toBe(3)
  })
})
