import * as XLSX from 'xlsx'
import { expect, it } from 'vitest'
import { readImportFile } from '../src/io/excel/read'
import { writeWorkbook } from '../src/io/excel/workbook'
import { largeReport } from '../tests/fixtures/large2021'
import { offset, table2, table3, table4 } from '../tests/unit/import/officialSheets'
import { medianMs, record } from './record'

/** A colleague's workbook: the three tables in one sheet, shifted, under a title and headings. */
function colleagueRows(): string[][] {
  return [
    ['示例市人民政府2024年政府信息公开工作年度报告'],
    ['二、主动公开政府信息情况'],
    ...offset(table2(2021), 1, 1),
    ['三、收到和处理政府信息公开申请情况'],
    ...offset(table3(2021), 1, 1),
    ['四、政府信息公开行政复议、行政诉讼情况'],
    ...offset(table4(), 1, 1),
  ].map((r) => [...r])
}

function xlsx(sheets: Record<string, unknown[][]>): Uint8Array {
  const book = XLSX.utils.book_new()
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name)
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }))
}

/** The report plus a large detail sheet (an application register) that the importer must skip. */
function fiveMegabytes(): Uint8Array {
  const register = Array.from({ length: 50_000 }, (_, i) => [
    `YSQ-2024-${String(i).padStart(6, '0')}`,
    `申请人${(i * 7919) % 100_000}`,
    ['予以公开', '部分公开', '不予公开', '无法提供'][i % 4],
    (i * 104_729) % 1_000_003,
    `${2024}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    `关于${(i * 31) % 977}号地块规划许可信息的申请`,
  ])
  return xlsx({ 年报: colleagueRows(), 申请登记: register })
}

const MB = 1024 * 1024

it('Excel import and export', async () => {
  const report = largeReport()
  const own = writeWorkbook(report)
  const colleague = xlsx({ 年报: colleagueRows() })
  const big = fiveMegabytes()
  expect(big.byteLength).toBeGreaterThan(5 * MB)
  expect(readImportFile(big, 'big.xlsx').ok).toBe(true)

  record(
    'Excel export of the large report (median of 20)',
    await medianMs(() => writeWorkbook(report), 20, 3),
    'ms',
    `${(own.byteLength / 1024).toFixed(0)} KB`,
  )
  record(
    'Excel import of our own export (data sheet, median of 20)',
    await medianMs(() => readImportFile(own, 'own.xlsx'), 20, 3),
    'ms',
  )
  record(
    'Excel import of a colleague’s workbook by labels (median of 20)',
    await medianMs(() => readImportFile(colleague, 'colleague.xlsx'), 20, 3),
    'ms',
  )
  record(
    'Excel import of a workbook with a large extra sheet (median of 3)',
    await medianMs(() => readImportFile(big, 'big.xlsx'), 3, 1),
    'ms',
    `${(big.byteLength / MB).toFixed(1)} MB, 50 000 × 6 extra cells`,
  )
})
