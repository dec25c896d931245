/**
 * A unit's file as the aggregation sees it: the report it holds (in its own layout and year), or
 * why it could not be read. Built from an import outcome, so every source the importer reads
 * (our Excel and JSON exports, official-layout workbooks, CSV) can be summed.
 */
import { formats } from '../formats'
import { reportFromImport, type ImportOutcome, type ImportResult } from '../import'
import { recomputeTotals, type Report } from '../report'

export interface UnitInput {
  /** Unique within one aggregation (the view numbers the files it reads). */
  readonly id: string
  /** The file name, shown beside the unit and in messages. */
  readonly source: string
  /** The unit's report; absent when the file could not be read (`error` says why). */
  readonly report?: Report
  readonly error?: string
  /** False when the file names no year: the unit is taken to be of the region's year. */
  readonly yearKnown?: boolean
  /** Notes from reading the file (cells not imported, labels matched loosely …). */
  readonly notes?: readonly string[]
}

/** `某某局2024年政府信息公开工作年度报告（备份）.xlsx` → `某某局`: a name for a file with none inside. */
export function agencyNameFromFileName(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/\d{4}\s*年度?/, '')
    .replace(/政府信息公开(工作)?(年度)?报告.*$/, '')
    .replace(/[-_\s]+$/, '')
    .trim()
}

/**
 * The report a file holds, in the layout its tables have. A file whose title names a year that
 * its tables' layout does not cover (a 2023 report filled in the 2019 layout) keeps the year of
 * its title, so the aggregation can migrate it rather than mistake it for a 2020 report.
 */
export function unitFromImport(id: string, source: string, outcome: ImportOutcome): UnitInput {
  if (!outcome.ok) return { id, source, error: outcome.error }
  const result: ImportResult = outcome.result
  const notes = [
    ...result.rejected.map((r) => `${r.address}（${r.cellName}）“${r.text}”未读入：${r.reason}`),
    ...result.warnings,
  ]
  if (result.report) return { id, source, report: result.report, yearKnown: true, notes }
  const format = formats[result.formatId]
  const year = result.year ?? format.lastYear ?? format.firstYear
  const base = {
    agencyName: result.meta?.agencyName ?? agencyNameFromFileName(source),
    agencyKind: 'other',
    level: 'county',
    scope: 'self',
    year,
  } as const
  const report = reportFromImport(result, base, year)
  return {
    id,
    source,
    // Totals the file left blank are computed from its parts, as the editor would show them.
    report: { ...report, meta: { ...report.meta, year }, cells: recomputeTotals(report) },
    yearKnown: result.year !== undefined,
    notes,
  }
}
