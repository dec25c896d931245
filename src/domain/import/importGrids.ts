/**
 * Turns the sheets of any file into what can be imported: our own data sheet exactly, or any
 * sheet that reproduces the official tables by their labels. Nothing here changes a draft; the
 * result is what the preview shows and what `buildImportedReport` applies.
 */
import {
  cellMap,
  formats,
  listCells,
  sectionHeading,
  tablesOf,
  type FormatId,
  type FormatSpec,
  type TableKey,
} from '../formats'
import {
  formatCellValue,
  NARRATIVE_KEYS,
  parseCellInput,
  type Narrative,
  type Report,
  type ReportMeta,
} from '../report'
import { restoreReport } from '../restore'
import { excerpt } from '../text'
import type { SeenLabel } from '../rules'
import { dataSheetToRaw } from './dataSheet'
import { cellText, sheetAddress, type Grid } from './grid'
import { locateTable, type LocatedTable, type LooseMatch } from './locate'
import { INFO_SHEET_NAME, readInfoSheet } from './infoSheet'
import { normalizeLabel } from '../labels'
import { totalsModeFor } from './importPlan'
import { indexSheet, type SheetIndex } from './sheetIndex'

export interface TableSummary {
  readonly key: TableKey
  readonly shortName: string
  /** Sheet the table was found in; undefined when the file does not contain it. */
  readonly sheet?: string
  /** Cells whose row and column labels were both found. */
  readonly located: number
  /** Of those, cells that hold a number (not blank and not rejected). */
  readonly filled: number
  readonly total: number
}

export interface RejectedCell {
  /** `Sheet!C7` */
  readonly address: string
  readonly cellId: string
  readonly cellName: string
  readonly text: string
  readonly reason: string
}

export interface ImportResult {
  /** 'exact': our own file (data sheet or JSON backup); 'labels': tables found by their labels. */
  readonly source: 'exact' | 'labels'
  readonly formatId: FormatId
  /** Report year named in the file (our data, or a title like `XX局2020年政府信息公开工作年度报告`). */
  readonly year?: number
  readonly meta?: Partial<ReportMeta>
  readonly narrative?: Partial<Narrative>
  /** Located cells only; a blank or `/` becomes null. */
  readonly cells: Readonly<Record<string, number | null>>
  /** Our own file: the whole report, exactly as saved. */
  readonly report?: Report
  readonly tables: readonly TableSummary[]
  readonly looseMatches: readonly LooseMatch[]
  readonly rejected: readonly RejectedCell[]
  /** Official labels of found tables that are missing from the file. */
  readonly missing: readonly string[]
  /** Row and column labels of tables 二 and 三 as the file prints them (checkImportedLabels). */
  readonly seenLabels: readonly SeenLabel[]
  /** The report title as printed (checkImportedTitle). */
  readonly title?: string
  /** Section headings (`一、…` to `六、…`) in the order printed (checkImportedHeadings). */
  readonly headings?: readonly string[]
  readonly warnings: readonly string[]
  /** Our own export, edited since: what the printed sheets changed (they win over 「数据」). */
  readonly editedSinceExport?: readonly ExportEdit[]
}

/** A cell or text of our own export changed in the printed sheets after it was exported. */
export interface ExportEdit {
  /** `表三!D4`, `报告信息!B12` */
  readonly address: string
  /** The cell's name or the section's heading. */
  readonly name: string
  /** As the data sheet has it (what was exported) and as printed now (what is imported). */
  readonly before: string
  readonly after: string
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; error: string }

export const NOT_A_REPORT =
  '没有在文件中找到年度报告的表格（表二、表三、表四的行列标题），请确认选择的是政府信息公开工作年度报告的 Excel、CSV 或本工具导出的文件。'

export const UNSAVED_FORMULA = '公式没有保存计算结果，请在 Excel/WPS 中打开并保存后再导入'

const FORMULA_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/

export function summarizeExact(report: Report, warnings: readonly string[] = []): ImportResult {
  const format = formats[report.formatId]
  return {
    source: 'exact',
    formatId: report.formatId,
    year: report.meta.year,
    meta: report.meta,
    narrative: report.narrative,
    cells: report.cells,
    report,
    tables: tablesOf(format).map((t) => {
      const ids = listCells(format).filter((c) => c.tableKey === t.key)
      return {
        key: t.key,
        shortName: t.shortName,
        located: ids.length,
        filled: ids.filter((c) => report.cells[c.id] !== null).length,
        total: ids.length,
      }
    }),
    looseMatches: [],
    rejected: [],
    missing: [],
    seenLabels: [],
    warnings,
  }
}

interface FormatMatch {
  readonly format: FormatSpec
  readonly located: LocatedTable[]
  readonly score: number
}

function matchFormat(sheets: readonly SheetIndex[], format: FormatSpec): FormatMatch {
  const located = tablesOf(format).flatMap((t) => locateTable(sheets, t) ?? [])
  return {
    format,
    located,
    score: located.reduce((n, t) => n + t.cells.length - t.approximate, 0),
  }
}

const TITLE = /^\s*(.*?)\s*(\d{4})\s*年度?\s*政府信息公开工作\s*年度报告\s*$/

export interface ReportTitle {
  readonly agencyName?: string
  readonly year: number
}

/** `乐清市新居民服务中心2020年政府信息公开工作年度报告` → agency and year. */
export function parseReportTitle(text: string): ReportTitle | undefined {
  const m = TITLE.exec(text)
  if (!m) return undefined
  const year = Number(m[2])
  if (year < 2019 || year > 2100) return undefined
  return { year, ...(m[1] ? { agencyName: m[1] } : {}) }
}

/** The first title found, with the text as printed (for the printed-title check M-TITLE). */
function detectTitle(sheets: readonly SheetIndex[]): Partial<ReportTitle> & { title?: string } {
  for (const sheet of sheets) {
    for (const cell of sheet.labels) {
      const parsed = parseReportTitle(cell.text)
      if (parsed) return { ...parsed, title: cell.text.trim() }
    }
  }
  return {}
}

const HEADING = /^[一二三四五六七八]、\S{2,30}$/

/** Lines that look like the report's numbered section headings, in the order printed. */
function detectHeadings(sheets: readonly SheetIndex[]): string[] {
  return sheets.flatMap((sheet) =>
    sheet.labels.map((cell) => cell.text.trim()).filter((text) => HEADING.test(text)),
  )
}

/**
 * Narrative sections printed under their official headings: the text in the rows below a
 * heading, up to the next heading or two blank rows (one blank row is a paragraph break).
 */
function detectNarrative(sheets: readonly SheetIndex[], format: FormatSpec): Partial<Narrative> {
  const headings = new Map(format.sections.map((s) => [normalizeLabel(s.heading), s]))
  const out: Partial<Narrative> = {}
  for (const sheet of sheets) {
    for (const cell of sheet.labels) {
      const section = headings.get(cell.norm)
      if (section?.kind !== 'narrative' || out[section.key] !== undefined) continue
      const lines: string[] = []
      let blanks = 0
      for (let row = cell.row + 1; row < sheet.grid.rows.length && blanks < 2; row++) {
        const text = (sheet.grid.rows[row] ?? []).slice(cell.col).find((t) => t.trim()) ?? ''
        if (headings.has(normalizeLabel(text))) break
        blanks = text.trim() ? 0 : blanks + 1
        if (blanks < 2) lines.push(text.trim())
      }
      const paragraphs = lines.join('\n').trim()
      if (paragraphs) out[section.key] = paragraphs
    }
  }
  return out
}

function readValues(format: FormatSpec, located: readonly LocatedTable[]) {
  const specs = cellMap(format)
  const cells: Record<string, number | null> = {}
  const rejected: RejectedCell[] = []
  for (const table of located) {
    for (const { cellId, row, col } of table.cells) {
      const spec = specs.get(cellId)!
      const text = cellText(table.sheet.grid, row, col)
      const parsed = table.sheet.grid.unsavedFormulas?.has(`${row}:${col}`)
        ? ({ ok: false, reason: UNSAVED_FORMULA } as const)
        : FORMULA_ERROR.test(text.trim())
          ? ({ ok: false, reason: `公式错误（${text.trim()}）` } as const)
          : parseCellInput(text, spec)
      if (parsed.ok) {
        cells[cellId] = parsed.value
        continue
      }
      rejected.push({
        address: sheetAddress(table.sheet.grid, row, col),
        cellId,
        cellName: spec.name,
        text,
        reason: parsed.reason,
      })
    }
  }
  return { cells, rejected }
}

/** A section's text in a preview line, shortened so it stays one line. */
const PREVIEW_CHARS = 30

const withoutTrailingBreaks = (text: string) => text.replace(/\n+$/, '')
/** The data sheet's chunk size: a longer paragraph may be split over rows of 「报告信息」. */
const LONG_PARAGRAPH = /[^\n]{30000}/

/** The same section text, allowing for the export's layout (trailing breaks, split paragraphs). */
const sameText = (printed: string, exported: string) =>
  withoutTrailingBreaks(printed) === withoutTrailingBreaks(exported) ||
  (LONG_PARAGRAPH.test(exported) && printed.replace(/\n/g, '') === exported.replace(/\n/g, ''))

/**
 * Our own export as a colleague may have changed it in Excel/WPS: the printed table sheets and
 * the 「报告信息」 texts win over the data sheet, and every difference is listed. A printed cell
 * that is not a number keeps the exported value and is listed as not imported.
 */
function exactWithEdits(
  exported: Report,
  warnings: readonly string[],
  grids: readonly Grid[],
  dataGrid: Grid,
): ImportResult {
  const format = formats[exported.formatId]
  const info = grids.find((g) => g.name === INFO_SHEET_NAME)
  const printed = grids.filter((g) => g !== dataGrid && g !== info).map(indexSheet)
  const { located } = matchFormat(printed, format)
  const { cells: read, rejected } = readValues(format, located)
  const specs = cellMap(format)
  const edits: ExportEdit[] = []
  const cells = { ...exported.cells }
  const editedCells: Record<string, number | null> = {}
  for (const table of located) {
    for (const { cellId, row, col } of table.cells) {
      const value = read[cellId]
      if (value === undefined || value === exported.cells[cellId]) continue
      edits.push({
        address: sheetAddress(table.sheet.grid, row, col),
        name: specs.get(cellId)!.name,
        before: formatCellValue(exported.cells[cellId]),
        after: formatCellValue(value),
      })
      cells[cellId] = editedCells[cellId] = value
    }
  }
  const texts = info ? readInfoSheet(info, format) : { narrative: {} }
  const narrative = { ...exported.narrative }
  for (const key of NARRATIVE_KEYS) {
    const found = texts.narrative[key]
    if (!found || sameText(found.text, exported.narrative[key])) continue
    edits.push({
      address: found.address,
      name: sectionHeading(format, key),
      before: excerpt(exported.narrative[key], PREVIEW_CHARS),
      after: excerpt(found.text, PREVIEW_CHARS),
    })
    narrative[key] = found.text
  }
  const agency = texts.agencyName
  const meta =
    agency && agency.text.trim() && agency.text !== exported.meta.agencyName
      ? { ...exported.meta, agencyName: agency.text.trim() }
      : exported.meta
  if (meta !== exported.meta && agency) {
    edits.push({
      address: agency.address,
      name: '机关名称',
      before: exported.meta.agencyName,
      after: meta.agencyName,
    })
  }
  if (!edits.length && !rejected.length) return summarizeExact(exported, warnings)
  const edited: Report = { ...exported, meta, cells, narrative }
  const report = { ...edited, totalsMode: totalsModeFor(edited, editedCells) }
  return { ...summarizeExact(report, warnings), rejected, editedSinceExport: edits }
}

/** Reads the sheets of a file: our data sheet exactly, otherwise the tables by their labels. */
export function importGrids(grids: readonly Grid[]): ImportOutcome {
  for (const grid of grids) {
    const raw = dataSheetToRaw(grid)
    if (raw === undefined) continue
    const restored = restoreReport(raw)
    if (!restored.ok) return { ok: false, error: restored.error }
    return { ok: true, result: exactWithEdits(restored.report, restored.warnings, grids, grid) }
  }

  const sheets = grids.map(indexSheet)
  const [best] = (Object.values(formats) as FormatSpec[])
    .map((f) => matchFormat(sheets, f))
    // More located cells wins; on a tie the current format.
    .sort((a, b) => b.score - a.score || (a.format.id === 'gov2021' ? -1 : 1))
  if (!best || best.score === 0) return { ok: false, error: NOT_A_REPORT }

  const { format, located } = best
  const { cells, rejected } = readValues(format, located)
  const title = detectTitle(sheets)
  const narrative = detectNarrative(sheets, format)
  const warnings = located.flatMap((l) => l.notes)
  if (title.year !== undefined && title.year >= 2021 !== (format.id === 'gov2021')) {
    warnings.push(
      `文件标题写的是${title.year}年，但表格是${format.basis}的格式；导入时按表格格式处理。`,
    )
  }
  const result: ImportResult = {
    source: 'labels',
    formatId: format.id,
    ...(title.year !== undefined ? { year: title.year } : {}),
    ...(title.agencyName ? { meta: { agencyName: title.agencyName } } : {}),
    ...(title.title ? { title: title.title } : {}),
    ...(Object.keys(narrative).length ? { narrative, headings: detectHeadings(sheets) } : {}),
    cells,
    tables: tablesOf(format).map((t) => {
      const found = located.find((l) => l.tableKey === t.key)
      const ids = found?.cells.map((c) => c.cellId) ?? []
      return {
        key: t.key,
        shortName: t.shortName,
        ...(found ? { sheet: found.sheet.grid.name } : {}),
        located: ids.length,
        filled: ids.filter((id) => cells[id] !== undefined && cells[id] !== null).length,
        total: listCells(format).filter((c) => c.tableKey === t.key).length,
      }
    }),
    looseMatches: located.flatMap((l) => l.loose),
    rejected,
    missing: located.flatMap((l) => {
      const table = tablesOf(format).find((t) => t.key === l.tableKey)!
      return l.missing.map((m) => `${table.shortName}${m}`)
    }),
    seenLabels: located.flatMap(({ tableKey, seen }) =>
      tableKey === 't4' ? [] : seen.map((text): SeenLabel => ({ tableKey, text })),
    ),
    warnings,
  }
  return { ok: true, result }
}
