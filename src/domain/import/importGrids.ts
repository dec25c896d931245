/**
 * Turns the sheets of any file into what can be imported: our own data sheet exactly, or any
 * sheet that reproduces the official tables by their labels. Nothing here changes a draft; the
 * result is what the preview shows and what `buildImportedReport` applies.
 */
import {
  cellMap,
  formats,
  listCells,
  tablesOf,
  type FormatId,
  type FormatSpec,
  type TableKey,
} from '../formats'
import { parseCellInput, type Narrative, type Report, type ReportMeta } from '../report'
import { restoreReport } from '../restore'
import type { SeenLabel } from '../rules'
import { dataSheetToRaw } from './dataSheet'
import { cellText, sheetAddress, type Grid } from './grid'
import { locateTable, type LocatedTable, type LooseMatch } from './locate'
import { normalizeLabel } from './normalize'
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
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; error: string }

export const NOT_A_REPORT =
  '没有在文件中找到年度报告的表格（表二、表三、表四的行列标题），请确认选择的是政府信息公开工作年度报告的 Excel、CSV 或本工具导出的文件。'

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

/** `乐清市新居民服务中心2020年政府信息公开工作年度报告` → agency and year. */
function detectTitle(sheets: readonly SheetIndex[]): {
  agencyName?: string
  year?: number
  title?: string
} {
  for (const sheet of sheets) {
    for (const cell of sheet.labels) {
      const m = TITLE.exec(cell.text)
      if (!m) continue
      const year = Number(m[2])
      if (year < 2019 || year > 2100) continue
      return { year, title: cell.text.trim(), ...(m[1] ? { agencyName: m[1] } : {}) }
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
      const parsed = FORMULA_ERROR.test(text.trim())
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

/** Reads the sheets of a file: our data sheet exactly, otherwise the tables by their labels. */
export function importGrids(grids: readonly Grid[]): ImportOutcome {
  for (const grid of grids) {
    const raw = dataSheetToRaw(grid)
    if (raw === undefined) continue
    const restored = restoreReport(raw)
    if (!restored.ok) return { ok: false, error: restored.error }
    return { ok: true, result: summarizeExact(restored.report, restored.warnings) }
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
