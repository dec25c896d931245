/**
 * What an import does to the draft, computed before anything changes: the preview shows it and
 * confirming applies exactly this report (one undo step).
 */
import {
  cellMap,
  formats,
  formatForYear,
  gov2019,
  sectionHeading,
  tableOf,
  tablesOf,
  type TableKey,
} from '../formats'
import {
  createReport,
  NARRATIVE_KEYS,
  recomputeTotals,
  TABLE_KEYS,
  type AgencyKind,
  type ImportRecord,
  type Level,
  type Report,
  type ReportMeta,
} from '../report'
import { guessAgency } from '../agency'
import { migrate2019to2021 } from '../migrate'
import type { ImportResult } from './importGrids'

/** 机关名称, 类别, 层级 for the preview to show as editable fields. */
export interface AgencyFields {
  readonly agencyName: string
  readonly agencyKind: AgencyKind
  /** Undefined when the name cannot tell: the preview asks. */
  readonly level?: Level
  readonly candidates: readonly Level[]
  /** Read from the name printed in the file, to be confirmed (「由名称推断，请确认」). */
  readonly kindInferred: boolean
  readonly levelInferred: boolean
}

export interface ImportPlan {
  /** The draft after confirming. */
  readonly report: Report
  /** Present when the file names the agency but not its kind and level. */
  readonly agency?: AgencyFields
  /**
   * 'merge': recognised cells go into the current draft; 'replace': the draft is replaced;
   * 'new': no draft is open, a new one is created.
   */
  readonly mode: 'merge' | 'replace' | 'new'
  readonly changedCells: number
  /** Plain-Chinese lines for the preview, e.g. `表三：12 个单元格将改变`. */
  readonly changes: readonly string[]
}

/** A year that the detected layout can hold: the file's own, else the nearest sensible one. */
export function yearForImport(result: ImportResult, preferred: number): number {
  const fits = (year: number) => {
    try {
      return formatForYear(year).id === result.formatId
    } catch {
      return false
    }
  }
  if (result.year !== undefined && fits(result.year)) return result.year
  if (fits(preferred)) return preferred
  const format = formats[result.formatId]
  return preferred < format.firstYear ? format.firstYear : (format.lastYear ?? preferred)
}

/**
 * Tables whose imported totals disagree with their parts keep the file's totals (manual mode),
 * so the findings show the disagreement instead of silently replacing the numbers.
 */
function totalsModeFor(report: Report, imported: ImportResult): Report['totalsMode'] {
  const mode = { ...report.totalsMode }
  for (const table of TABLE_KEYS) {
    const computed = recomputeTotals(report, [table])
    const disagrees = Object.keys(computed).some(
      (id) =>
        imported.cells[id] !== undefined &&
        imported.cells[id] !== null &&
        computed[id] !== report.cells[id],
    )
    if (disagrees) mode[table] = 'manual'
  }
  return mode
}

/** A fresh report holding what the file contains, with `base` for what it does not say. */
export function reportFromImport(result: ImportResult, base: ReportMeta, year: number): Report {
  if (result.report) return result.report
  const report = createReport({ ...base, ...result.meta, year: yearForImport(result, year) })
  const filled: Report = {
    ...report,
    cells: { ...report.cells, ...result.cells },
    narrative: { ...report.narrative, ...result.narrative },
    imported: importRecordOf(result),
  }
  return { ...filled, totalsMode: totalsModeFor(filled, result) }
}

/** What the file printed, kept with the draft for the label, heading and title findings. */
export function importRecordOf(result: ImportResult): ImportRecord {
  return {
    // The narrative makes it a published report; a title row alone may head a working sheet.
    published: Boolean(result.narrative),
    ...(result.title ? { title: result.title } : {}),
    ...(result.headings ? { headings: result.headings } : {}),
    labels: result.seenLabels,
  }
}

function mergeInto(current: Report, result: ImportResult): Report {
  const merged: Report = {
    ...current,
    imported: importRecordOf(result),
    meta: current.meta.agencyName ? current.meta : { ...current.meta, ...result.meta },
    cells: { ...current.cells, ...result.cells },
    narrative: { ...current.narrative, ...result.narrative },
  }
  return { ...merged, totalsMode: totalsModeFor(merged, result) }
}

/** Totals of tables in computed mode as the draft store will show them after confirming. */
const settled = (report: Report): Report => ({ ...report, cells: recomputeTotals(report) })

/** With no draft open, a new draft starts from what the file says, for last year by default. */
const NEW_DRAFT_META: Omit<ReportMeta, 'year'> = {
  agencyName: '',
  agencyKind: 'other',
  level: 'county',
  scope: 'self',
}

/** A file with a title but no report information: kind and level guessed from the name. */
function agencyFields(result: ImportResult): AgencyFields | undefined {
  const name = result.meta?.agencyName
  if (result.source === 'exact' || !name) return undefined
  const guess = guessAgency(name)
  return {
    agencyName: name,
    agencyKind: guess.agencyKind,
    ...(guess.level ? { level: guess.level } : {}),
    candidates: guess.candidates,
    kindInferred: true,
    levelInferred: guess.level !== undefined,
  }
}

/**
 * The plan's report with the agency fields as the clerk confirmed them in the preview; a level
 * still not chosen stays unconfirmed (level-dependent rules then ask for it).
 */
export function withAgency(
  plan: ImportPlan,
  fields: { agencyName: string; agencyKind: AgencyKind; level?: Level },
): Report {
  const meta = { ...plan.report.meta }
  delete meta.levelUnconfirmed
  const level = fields.level ?? plan.agency?.candidates[0] ?? meta.level
  return {
    ...plan.report,
    meta: {
      ...meta,
      agencyName: fields.agencyName,
      agencyKind: fields.agencyKind,
      level,
      ...(fields.level ? {} : { levelUnconfirmed: true }),
    },
  }
}

export function planImport(
  result: ImportResult,
  current: Report | null,
  today = new Date(),
): ImportPlan {
  if (!current) {
    const year = today.getFullYear() - 1
    const agency = agencyFields(result)
    const base = agency
      ? {
          ...NEW_DRAFT_META,
          agencyKind: agency.agencyKind,
          level: agency.level ?? agency.candidates[0] ?? NEW_DRAFT_META.level,
          ...(agency.level ? {} : { levelUnconfirmed: true }),
          year,
        }
      : { ...NEW_DRAFT_META, year }
    const report = settled(reportFromImport(result, base, year))
    return {
      report,
      ...(agency ? { agency } : {}),
      mode: 'new',
      changedCells: Object.values(report.cells).filter((v) => v !== null).length,
      changes: [`将新建一份 ${report.meta.year} 年报告草稿。`],
    }
  }
  const sameLayout =
    result.source === 'labels' &&
    result.formatId === current.formatId &&
    (result.year === undefined || result.year === current.meta.year)
  const report = settled(
    sameLayout
      ? mergeInto(current, result)
      : reportFromImport(result, current.meta, current.meta.year),
  )
  return { ...describe(current, report), report, mode: sameLayout ? 'merge' : 'replace' }
}

function describe(current: Report, next: Report) {
  const changes: string[] = []
  if (next.formatId !== current.formatId || next.meta.year !== current.meta.year) {
    changes.push(
      `将以导入的 ${next.meta.year} 年报告（${formats[next.formatId].basis}格式）替换当前的 ${current.meta.year} 年草稿。`,
    )
  }
  const specs = cellMap(formats[next.formatId])
  const changedIds = [...specs.keys()].filter((id) => current.cells[id] !== next.cells[id])
  for (const table of tablesOf(formats[next.formatId])) {
    const n = changedIds.filter((id) => specs.get(id)!.tableKey === table.key).length
    if (n) changes.push(`${table.shortName}：${n} 个单元格将改变。`)
  }
  for (const table of TABLE_KEYS as TableKey[]) {
    if (next.totalsMode[table] === 'manual' && current.totalsMode[table] !== 'manual') {
      const name = tableOf(formats[next.formatId], table).shortName
      changes.push(`${name}：文件中的合计与分项之和不一致，保留文件中的合计（改为手动填写合计）。`)
    }
  }
  for (const key of NARRATIVE_KEYS) {
    if (next.narrative[key] !== current.narrative[key]) {
      changes.push(`“${sectionHeading(formats[next.formatId], key)}”的文字将被替换。`)
    }
  }
  if (next.meta.agencyName !== current.meta.agencyName) {
    changes.push(`机关名称将改为“${next.meta.agencyName}”。`)
  }
  if (!changes.length) changes.push('导入后草稿没有变化。')
  return { changes, changedCells: changedIds.length }
}

export interface LastYearPlan {
  /** Last year's report as the file has it (its own layout), kept read-only beside the draft. */
  readonly report: Report
  /** Plain-Chinese notes: a year that does not precede the draft, what 2019 → 2021 cannot map. */
  readonly notes: readonly string[]
}

/** The report a file holds, read as the year before the draft (or before last year). */
export function planLastYear(
  result: ImportResult,
  current: Report | null,
  today = new Date(),
): LastYearPlan {
  const year = current ? current.meta.year - 1 : today.getFullYear() - 2
  const base = current?.meta ?? { ...NEW_DRAFT_META, year }
  const report = settled(reportFromImport(result, base, year))
  const notes: string[] = []
  if (current && report.meta.year !== year) {
    notes.push(
      `文件是 ${report.meta.year} 年的报告，不是当前草稿（${current.meta.year} 年）的上一年度，跨年度校验的结果请谨慎看待。`,
    )
  }
  if (report.formatId === gov2019.id) {
    const { unmapped, notes: migrationNotes } = migrate2019to2021(report)
    // Only figures the file holds are lost; blank 2019-only cells lose nothing.
    const names = unmapped
      .filter((id) => report.cells[id] !== null)
      .map((id) => cellMap(gov2019).get(id)?.name ?? id)
    if (names.length) {
      notes.push(
        `以下2019年格式栏目在2021年格式中没有对应栏目，不会带入新年度：${names.join('、')}`,
      )
    }
    notes.push(...migrationNotes)
  }
  return { report, notes }
}
