/**
 * The fast path for our own export (its data sheet alone) gives exactly what reading every
 * sheet gives, and leaves any other workbook — even one with a sheet named 数据 — to the full read.
 */
import * as XLSX from 'xlsx'
import { expect, it } from 'vitest'
import { importGrids } from '../../../src/domain'
import { readGrids, readImportFile } from '../../../src/io/excel/read'
import { writeWorkbook } from '../../../src/io/excel/workbook'
import { largeReport } from '../../fixtures/large2021'
import { table3 } from '../import/officialSheets'

it('our export: the same outcome as reading every sheet', () => {
  const bytes = writeWorkbook(XLSX, largeReport())
  const fast = readImportFile(bytes, '示例市.xlsx')
  expect(fast).toEqual(importGrids(readGrids(bytes)))
  expect(fast.ok && fast.result.report).toEqual(largeReport())
})

it('a colleague’s workbook with a sheet named 数据 is read by its labels', () => {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['编号', '数据'],
      ['1', '2'],
    ]),
    '数据',
  )
  const rows = table3(2021, () => '0').map((r) => [...r])
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '表三')
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
  const outcome = readImportFile(bytes, '同事.xlsx')
  expect(outcome.ok && outcome.result.source).toBe('labels')
  expect(outcome.ok && outcome.result.tables.find((t) => t.key === 't3')?.located).toBe(175)
})
