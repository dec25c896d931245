/**
 * A colleague's workbook that happens to have a sheet named 数据 is not mistaken for our own
 * export: it is read by its labels.
 */
import * as XLSX from 'xlsx'
import { expect, it } from 'vitest'
import { readImportFile } from '../../../src/io/excel/read'
import { table3 } from '../import/officialSheets'

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
