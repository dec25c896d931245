/**
 * The Excel export: a sheet per table in the official layout (the same `tableLayout` grid the
 * editor and PDF draw, the same column widths as the PDF), a sheet with the report information and
 * narrative, and the hidden data sheet that makes our own files re-import exactly. Laid out to
 * print: borders, wrapped labels, row heights that show every merged label whole, A4 fitted to the
 * width with the header rows repeated. Text that a spreadsheet could run as a formula is
 * neutralised everywhere.
 */
import {
  AGENCY_KINDS,
  chunkText,
  DATA_SHEET_NAME,
  formatOf,
  INFO_SHEET_NAME,
  LEVELS,
  neutraliseFormula,
  reportTitle,
  reportToDataRows,
  SCOPES,
  tableLayout,
  type Report,
  type TableSpec,
} from '../../domain'
import { safeFileName } from '../fileName'
import { columnWidths, MARGIN, TEXT_WIDTH } from '../printGeometry'
import { STYLE, writeXlsx, type SheetCell, type SheetSpec, type StyleId } from './xlsxWriter'

/** Excel holds at most 32 767 characters in a cell; one narrative paragraph rarely comes close. */
const MAX_CELL_TEXT = 32_000
/** Excel's tallest row. */
const MAX_ROW_PT = 409

const PT_PER_MM = 72 / 25.4
const CELL_PT = 10.5
const LINE_PT = CELL_PT * 1.25
const PAD_PT = 3
/** The PDF's smallest table row (8 mm). */
const MIN_ROW_PT = 8 * PT_PER_MM

/** Excel's column width unit: characters of a 7-pixel digit plus 5 pixels of padding, at 96 dpi. */
const widthInChars = (mm: number) => (mm * (96 / 25.4) - 5) / 7
const inches = (mm: number) => Math.round((mm / 25.4) * 100) / 100

const text = (value: string) => neutraliseFormula(value)
const cell = (value: SheetCell['value'], style: StyleId): SheetCell => ({ value, style })

/** Estimated printed width in points: CJK and full-width forms one em, the rest about half. */
function textWidthPt(value: string, sizePt: number): number {
  let width = 0
  for (const ch of value) width += /[\u2E80-\uFFEF]|[\u{20000}-\u{3FFFF}]/u.test(ch) ? 1 : 0.55
  return width * sizePt
}

/** Lines `value` wraps to in a box `widthPt` wide (with a margin for the reader's own font). */
function lineCount(value: string, widthPt: number, sizePt = CELL_PT): number {
  const usable = Math.max(sizePt, (widthPt - 2 * PAD_PT) * 0.92)
  return value
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidthPt(line, sizePt) / usable)), 0)
}

const rowHeight = (lines: number, linePt = LINE_PT) =>
  Math.min(MAX_ROW_PT, lines * linePt + 2 * PAD_PT)

const PRINT_MARGINS = {
  left: inches(MARGIN.left),
  right: inches(MARGIN.right),
  top: inches(20),
  bottom: inches(20),
}

function tableSheet(report: Report, heading: string, table: TableSpec): SheetSpec {
  const layout = tableLayout(table)
  const widthsMm = columnWidths(table, layout.width)
  const widthsPt = widthsMm.map((w) => w * PT_PER_MM)
  const top = 1 // the section heading sits above the table
  const rows: (SheetCell | undefined)[][] = [[cell(text(heading), STYLE.heading)]]
  const merges = [{ r0: 0, c0: 0, r1: 0, c1: layout.width - 1 }]
  const heights: number[] = [rowHeight(1, 12 * 1.35)]
  const spanned: { row: number; rowSpan: number; need: number }[] = []

  layout.rows.forEach((layoutRow, i) => {
    const r = i + top
    // Every position of the table is bordered, merged or not, so the merged ranges print framed.
    rows[r] = Array.from({ length: layout.width }, () => cell(null, STYLE.label))
    heights[r] = MIN_ROW_PT
  })
  for (const layoutRow of layout.rows) {
    for (const c of layoutRow.cells) {
      const r = c.row + top
      const value = c.cellId ? (report.cells[c.cellId] ?? null) : text(c.text)
      const style =
        c.kind === 'value'
          ? STYLE.value
          : c.kind === 'rowHeader' && c.rowSpan === 1
            ? STYLE.rowLabel
            : STYLE.label
      rows[r]![c.col] = cell(value, style)
      if (c.rowSpan > 1 || c.colSpan > 1) {
        merges.push({ r0: r, c0: c.col, r1: r + c.rowSpan - 1, c1: c.col + c.colSpan - 1 })
      }
      const widthPt = widthsPt.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0)
      const need = rowHeight(lineCount(String(value ?? ''), widthPt))
      if (c.rowSpan === 1) heights[r] = Math.max(heights[r]!, need)
      else spanned.push({ row: r, rowSpan: c.rowSpan, need })
    }
  }
  // Merged labels stretch the rows they cover, as in the PDF: no label is cut off in print.
  for (const { row, rowSpan, need } of spanned) {
    const deficit = need - heights.slice(row, row + rowSpan).reduce((a, b) => a + b, 0)
    if (deficit > 0) for (let r = row; r < row + rowSpan; r++) heights[r]! += deficit / rowSpan
  }
  const headRows = layout.rows.filter((r) => r.kind === 'head').length
  return {
    name: heading,
    rows,
    merges,
    columns: widthsMm.map(widthInChars),
    heights,
    // One block (三, 四): its header rows head every page. Table 二's blocks each have their own.
    ...(table.blocks.length === 1 && headRows > 0 ? { repeatRows: [top, top + headRows - 1] } : {}),
    margins: PRINT_MARGINS,
  }
}

const LABEL_MM = 24
const BODY_MM = TEXT_WIDTH - LABEL_MM

function infoSheet(report: Report): SheetSpec {
  const { meta } = report
  const format = formatOf(report)
  const bodyPt = BODY_MM * PT_PER_MM
  const rows: (SheetCell | undefined)[][] = []
  const heights: (number | undefined)[] = []
  const add = (cells: (SheetCell | undefined)[], height?: number) => {
    rows.push(cells)
    heights.push(height)
  }
  const field = (label: string, value: string | number) =>
    add(
      [cell(label, STYLE.field), cell(value, STYLE.paragraph)],
      rowHeight(lineCount(String(value), bodyPt)),
    )

  add(
    [cell(text(reportTitle(meta)), STYLE.title)],
    rowHeight(lineCount(reportTitle(meta), bodyPt + LABEL_MM * PT_PER_MM, 16), 16 * 1.35),
  )
  field('机关名称', text(meta.agencyName))
  field('报告年度', meta.year)
  field('机关类型', AGENCY_KINDS[meta.agencyKind])
  field('层级', LEVELS[meta.level])
  field('统计范围', SCOPES[meta.scope])
  field('成文日期', meta.issuedOn ?? '')
  field('表格格式', format.basis)
  for (const section of format.sections) {
    if (section.kind !== 'narrative') continue
    add([])
    add([cell(section.heading, STYLE.heading)], rowHeight(1, 12 * 1.35))
    for (const paragraph of report.narrative[section.key].split('\n')) {
      for (const chunk of chunkText(paragraph, MAX_CELL_TEXT)) {
        // A blank line between paragraphs prints as a small gap.
        add(
          [undefined, cell(text(chunk), STYLE.paragraph)],
          chunk ? rowHeight(lineCount(chunk, bodyPt)) : LINE_PT / 2,
        )
      }
    }
  }
  return {
    name: INFO_SHEET_NAME,
    rows,
    merges: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
    columns: [widthInChars(LABEL_MM), widthInChars(BODY_MM)],
    heights,
    margins: PRINT_MARGINS,
  }
}

function dataSheet(report: Report): SheetSpec {
  return {
    name: DATA_SHEET_NAME,
    rows: reportToDataRows(report).map((row) => row.map((v) => cell(v, STYLE.plain))),
    columns: [44, 16, 48],
    // Not printed: it is the exact copy for re-import, not part of the report.
    hidden: true,
  }
}

export const excelFileName = (report: Report) => safeFileName(`${reportTitle(report.meta)}.xlsx`)

/** The sheets of the export, in order: the three tables, the information sheet, the data. */
export function workbookSheets(report: Report): SheetSpec[] {
  const tables = formatOf(report).sections.flatMap((s) =>
    s.kind === 'table' ? [tableSheet(report, s.heading, s.table)] : [],
  )
  return [...tables, infoSheet(report), dataSheet(report)]
}

/** The workbook as .xlsx bytes. */
export function writeWorkbook(report: Report): Uint8Array<ArrayBuffer> {
  return writeXlsx(workbookSheets(report), {
    title: reportTitle(report.meta),
    author: report.meta.agencyName,
  })
}
