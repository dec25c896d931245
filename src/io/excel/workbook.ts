/**
 * The Excel export: a sheet per table in the official layout (the same `tableLayout` grid the
 * editor and PDF draw), a sheet with the report information and narrative, and the data sheet
 * that makes our own files re-import exactly. Text that a spreadsheet could run as a formula is
 * neutralised everywhere.
 */
import type * as XLSXModule from 'xlsx'
import {
  AGENCY_KINDS,
  DATA_SHEET_NAME,
  formatOf,
  INFO_SHEET_NAME,
  LEVELS,
  neutraliseFormula,
  reportTitle,
  reportToDataRows,
  SCOPES,
  tableLayout,
  tablesOf,
  type Report,
} from '../../domain'
import { safeFileName } from '../fileName'

type XLSX = typeof XLSXModule
type Value = string | number | null
/** Excel refuses longer cells; one narrative paragraph rarely comes close. */
const MAX_CELL_TEXT = 32_000

const text = (value: string) => neutraliseFormula(value)

/** Width in characters for each column: its longest unmerged text, within sensible bounds. */
function columnWidths(rows: readonly Value[][], merged: ReadonlySet<string>, min = 8, max = 40) {
  const width = Math.max(...rows.map((r) => r.length))
  return Array.from({ length: width }, (_, col) => {
    const longest = Math.max(
      0,
      ...rows.map((r, row) =>
        merged.has(`${row}:${col}`) ? 0 : [...String(r[col] ?? '')].length * 1.8,
      ),
    )
    return { wch: Math.round(Math.min(max, Math.max(min, longest))) }
  })
}

function tableSheet(
  X: XLSX,
  report: Report,
  heading: string,
  table: ReturnType<typeof tablesOf>[number],
) {
  const layout = tableLayout(table)
  const top = 1 // the section heading sits above the table
  const rows: Value[][] = [[text(heading)]]
  const merges: XLSXModule.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: layout.width - 1 } }]
  const merged = new Set<string>(['0:0'])
  layout.rows.forEach((layoutRow) => {
    for (const cell of layoutRow.cells) {
      const r = cell.row + top
      const row = (rows[r] ??= [])
      row[cell.col] = cell.cellId ? (report.cells[cell.cellId] ?? null) : text(cell.text)
      if (cell.rowSpan > 1 || cell.colSpan > 1) {
        merges.push({
          s: { r, c: cell.col },
          e: { r: r + cell.rowSpan - 1, c: cell.col + cell.colSpan - 1 },
        })
        merged.add(`${r}:${cell.col}`)
      }
    }
  })
  const filled = Array.from({ length: rows.length }, (_, r) =>
    Array.from({ length: layout.width }, (_, c) => rows[r]?.[c] ?? null),
  )
  const sheet = X.utils.aoa_to_sheet(filled)
  sheet['!merges'] = merges
  sheet['!cols'] = columnWidths(filled, merged)
  return sheet
}

function paragraphs(value: string): string[] {
  return value
    .split('\n')
    .flatMap((p) =>
      Array.from({ length: Math.max(1, Math.ceil(p.length / MAX_CELL_TEXT)) }, (_, i) =>
        p.slice(i * MAX_CELL_TEXT, (i + 1) * MAX_CELL_TEXT),
      ),
    )
}

function infoSheet(X: XLSX, report: Report) {
  const { meta } = report
  const format = formatOf(report)
  const rows: Value[][] = [
    [text(reportTitle(meta))],
    ['机关名称', text(meta.agencyName)],
    ['报告年度', meta.year],
    ['机关类型', AGENCY_KINDS[meta.agencyKind]],
    ['层级', LEVELS[meta.level]],
    ['统计范围', SCOPES[meta.scope]],
    ['成文日期', meta.issuedOn ?? ''],
    ['表格格式', format.basis],
  ]
  for (const section of format.sections) {
    if (section.kind !== 'narrative') continue
    rows.push(
      [],
      [section.heading],
      ...paragraphs(report.narrative[section.key]).map((p) => ['', text(p)]),
    )
  }
  const sheet = X.utils.aoa_to_sheet(rows)
  sheet['!cols'] = [{ wch: 12 }, { wch: 100 }]
  return sheet
}

export const excelFileName = (report: Report) => safeFileName(`${reportTitle(report.meta)}.xlsx`)

export function buildWorkbook(X: XLSX, report: Report): XLSXModule.WorkBook {
  const book = X.utils.book_new()
  for (const section of formatOf(report).sections) {
    if (section.kind !== 'table') continue
    X.utils.book_append_sheet(
      book,
      tableSheet(X, report, section.heading, section.table),
      section.heading,
    )
  }
  X.utils.book_append_sheet(book, infoSheet(X, report), INFO_SHEET_NAME)
  const data = X.utils.aoa_to_sheet(reportToDataRows(report))
  data['!cols'] = [{ wch: 44 }, { wch: 16 }, { wch: 48 }]
  X.utils.book_append_sheet(book, data, DATA_SHEET_NAME)
  book.Props = { Title: reportTitle(report.meta), Author: report.meta.agencyName }
  return book
}

/** The workbook as .xlsx bytes. */
export function writeWorkbook(X: XLSX, report: Report): Uint8Array<ArrayBuffer> {
  const options = { type: 'array', bookType: 'xlsx', compression: true } as const
  return new Uint8Array(X.write(buildWorkbook(X, report), options) as ArrayBuffer)
}
