/**
 * 「导出明细」: the aggregation's breakdown (one row per unit, one column per cell, the totals
 * row) as an Excel file. SheetJS loads only when the user exports.
 */
import { breakdownRows, type AggregateResult } from '../../domain'
import { safeFileName, saveFile } from '../fileName'

export const BREAKDOWN_SHEET = '汇总明细'

/** The workbook's bytes, or null when nothing is summed yet. */
export async function breakdownWorkbook(
  result: AggregateResult,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const table = breakdownRows(result)
  if (!table) return null
  const X = await import('xlsx')
  const sheet = X.utils.aoa_to_sheet(
    [...table.header, ...table.rows, table.totals].map((r) => [...r]),
  )
  sheet['!cols'] = table.header[0]!.map((_, i) => ({ wch: i < 2 ? 24 : 12 }))
  // Titles and the unit columns stay in view while scrolling a 300 × 200 table.
  sheet['!freeze'] = { xSplit: 1, ySplit: 2 }
  const book = X.utils.book_new()
  X.utils.book_append_sheet(book, sheet, BREAKDOWN_SHEET)
  return new Uint8Array(X.write(book, { type: 'array', bookType: 'xlsx', compression: true }))
}

/** Writes the breakdown and hands it to the browser's download; returns the file name. */
export async function exportBreakdown(result: AggregateResult): Promise<string | null> {
  const bytes = await breakdownWorkbook(result)
  if (!bytes || !result.report) return null
  const { agencyName, year } = result.report.meta
  const fileName = safeFileName(`${agencyName || '本行政区域'}${year}年度报告汇总明细.xlsx`)
  saveFile(bytes, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  return fileName
}
