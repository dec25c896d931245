/**
 * 汇总: a region's report as the cell-by-cell sum of its units' reports, and for every unit what
 * it contributes and why it is left out (unreadable, another year, a duplicate, errors).
 */
import {
  cellMap,
  formatForYear,
  gov2019,
  gov2021,
  listCells,
  type CellSpec,
  type FormatId,
  type FormatSpec,
} from '../formats'
import { migrate2019to2021 } from '../migrate'
import {
  createReport,
  formatCellValue,
  recomputeTotals,
  TABLE_KEYS,
  type AgencyKind,
  type Level,
  type Report,
} from '../report'
import { validate, type Finding } from '../rules'
import type { UnitInput } from './unit'

export type UnitStatus = 'ok' | 'errors' | 'duplicate' | 'otherYear' | 'unreadable'

export const UNIT_STATUS_LABELS = {
  ok: '可汇总',
  errors: '有错误',
  duplicate: '重复',
  otherYear: '年度不同',
  unreadable: '无法识别',
} as const satisfies Record<UnitStatus, string>

export interface AggregateUnit {
  readonly id: string
  readonly source: string
  /** 机关名称 from the file (or its name); '' when the file could not be read. */
  readonly agencyName: string
  readonly year?: number
  /** The layout of the file's tables (before any migration). */
  readonly formatId?: FormatId
  readonly status: UnitStatus
  /** Why the unit has its status, in plain Chinese ('' for 可汇总). */
  readonly reason: string
  readonly included: boolean
  /** `validate` on the unit's report as summed (after migration). */
  readonly findings: readonly Finding[]
  readonly errors: number
  readonly warnings: number
  /** Id of the earlier unit this one repeats. */
  readonly duplicateOf?: string
  /** Cells blank in this (included) unit while another included unit filled them. */
  readonly blankCells: readonly string[]
  /** What reading and migrating the file noted (figures that could not be carried …). */
  readonly notes: readonly string[]
}

export interface AggregateProblem {
  readonly unitId: string
  readonly cells: readonly string[]
  readonly message: string
}

export interface AggregateOptions {
  /** The region's report year; default the year most units have (the later one on a tie). */
  readonly year?: number
  /** 机关名称, 类别, 层级 of the region's report (default: blank name, 人民政府, 县级). */
  readonly agencyName?: string
  readonly agencyKind?: AgencyKind
  readonly level?: Level
  /** Per unit id: include or exclude on purpose; otherwise only 可汇总 units are summed. */
  readonly include?: Readonly<Record<string, boolean>>
  /** Sum a 2019-layout unit of a 2021+ year after migrating it (default), or refuse it. */
  readonly migrate2019?: boolean
  /**
   * Validate each unit (default). False sums without it — for units already checked where they
   * were read (a city summing its counties' region reports); their statuses then ignore errors.
   */
  readonly validateUnits?: boolean
}

export interface AggregateResult {
  /** The summed report (统计口径 本行政区域汇总); null when no year can be determined. */
  readonly report: Report | null
  readonly units: readonly AggregateUnit[]
  readonly problems: readonly AggregateProblem[]
  /** Per cell: included units that left it blank while another filled it. */
  readonly blanksByCell: ReadonlyMap<string, readonly string[]>
  /** Per readable unit of the region's year: its report as summed (migrated if need be). */
  readonly reports: ReadonlyMap<string, Report>
}

// Each unit is validated once per report object, however often the view re-aggregates.
const findingsCache = new WeakMap<Report, readonly Finding[]>()
const migrationCache = new WeakMap<Report, ReturnType<typeof migrate2019to2021>>()

/** `validate` of a unit's report, computed once per report object. */
export function unitFindings(report: Report): readonly Finding[] {
  let found = findingsCache.get(report)
  if (!found) {
    found = validate(report)
    findingsCache.set(report, found)
  }
  return found
}

function migrated(report: Report) {
  let result = migrationCache.get(report)
  if (!result) {
    result = migrate2019to2021(report)
    migrationCache.set(report, result)
  }
  return result
}

/** The year most units with a known year have; the later one on a tie. */
export function majorityYear(inputs: readonly UnitInput[]): number | undefined {
  const counts = new Map<number, number>()
  for (const u of inputs) {
    if (u.report && u.yearKnown !== false) {
      counts.set(u.report.meta.year, (counts.get(u.report.meta.year) ?? 0) + 1)
    }
  }
  let best: number | undefined
  for (const [year, n] of counts) {
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && year > best))
      best = year
  }
  return best
}

const unitLabel = (u: { agencyName: string; source: string }) =>
  u.agencyName ? `“${u.agencyName}”（${u.source}）` : `“${u.source}”`

const nameKey = (name: string) => name.replace(/[\s\u3000]+/g, '')

/** A unit brought to the region's year and layout, or why it cannot be. */
type Prepared =
  { ok: true; report: Report; notes: string[] } | { ok: false; status: UnitStatus; reason: string }

function prepare(
  input: UnitInput,
  year: number,
  target: FormatSpec,
  migrate2019: boolean,
): Prepared {
  const report = input.report
  if (!report) return { ok: false, status: 'unreadable', reason: input.error ?? '无法读取' }
  const notes: string[] = []
  let unitYear = report.meta.year
  if (input.yearKnown === false && unitYear !== year) {
    notes.push(`文件中没有写明报告年度，按 ${year} 年度汇总`)
    unitYear = year
  }
  if (unitYear !== year) {
    return {
      ok: false,
      status: 'otherYear',
      reason: `这是 ${report.meta.year} 年度的报告，本次汇总的是 ${year} 年度`,
    }
  }
  if (report.formatId === target.id) {
    return {
      ok: true,
      report: unitYear === report.meta.year ? report : withYear(report, year),
      notes,
    }
  }
  if (report.formatId === gov2019.id && target.id === gov2021.id) {
    if (!migrate2019) {
      return {
        ok: false,
        status: 'unreadable',
        reason: `表格是${gov2019.basis}的旧格式，${year} 年度应使用${gov2021.basis}格式，未汇总`,
      }
    }
    const result = migrated(report)
    const names = cellMap(gov2019)
    const lost = result.unmapped.filter((id) => report.cells[id] !== null)
    notes.push(`表格是${gov2019.basis}的旧格式，已按 2021 年格式换算后汇总`)
    if (lost.length) {
      notes.push(
        `旧格式中以下栏目在 2021 年格式中没有对应栏目，未计入：${lost.map((id) => names.get(id)!.name).join('、')}`,
      )
    }
    notes.push(...result.notes)
    return { ok: true, report: withYear(result.report, year), notes }
  }
  return {
    ok: false,
    status: 'otherYear',
    reason: `表格是${target.id === gov2019.id ? gov2021.basis : gov2019.basis}的格式，与 ${year} 年度的格式不同`,
  }
}

function withYear(report: Report, year: number): Report {
  // Cached by object: the same input always yields the same derived report.
  let cached = yearCache.get(report)
  if (!cached || cached.meta.year !== year) {
    cached = { ...report, meta: { ...report.meta, year } }
    yearCache.set(report, cached)
  }
  return cached
}
const yearCache = new WeakMap<Report, Report>()

const AMOUNT_SCALE = 10_000 // 万元 to 4 decimals = 1 元: amounts are summed in whole 元

/**
 * A unit's cells as one array in the format's cell order (amounts in whole 元), with a hash of
 * them; computed once per report object, so re-summing after a toggle reads no object keys.
 */
interface CellVector {
  readonly values: readonly (number | null)[]
  readonly hash: number
  /** Only reports with a non-zero figure can be "identical" (many small units report all 0). */
  readonly anyFigure: boolean
}
const vectorCache = new WeakMap<Report, CellVector>()

function vectorOf(report: Report, cells: readonly CellSpec[]): CellVector {
  const cached = vectorCache.get(report)
  if (cached && cached.values.length === cells.length) return cached
  const values: (number | null)[] = new Array(cells.length)
  let hash = 0x811c9dc5
  let anyFigure = false
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!
    const raw = report.cells[cell.id]
    const v =
      raw === null || raw === undefined
        ? null
        : cell.kind === 'amount'
          ? Math.round(raw * AMOUNT_SCALE)
          : raw
    values[i] = v
    if (v) anyFigure = true
    hash = Math.imul(hash ^ (v === null ? -1 : v), 0x01000193)
  }
  const vector = { values, hash, anyFigure }
  vectorCache.set(report, vector)
  return vector
}

const sameValues = (a: readonly (number | null)[], b: readonly (number | null)[]) =>
  a.length === b.length && a.every((v, i) => v === b[i])

export function aggregate(
  inputs: readonly UnitInput[],
  options: AggregateOptions = {},
): AggregateResult {
  const year = options.year ?? majorityYear(inputs)
  let target: FormatSpec | undefined
  if (year !== undefined) {
    try {
      target = formatForYear(year)
    } catch {
      target = undefined
    }
  }
  const units: AggregateUnit[] = []
  const problems: AggregateProblem[] = []
  if (year === undefined || !target) {
    for (const input of inputs) {
      const reason =
        input.error ?? (year === undefined ? '无法确定汇总年度' : `不支持 ${year} 年度`)
      units.push(unitOf(input, { ok: false, status: 'unreadable', reason }))
    }
    return {
      report: null,
      units,
      problems: units.map(excludedProblem),
      blanksByCell: new Map(),
      reports: new Map(),
    }
  }

  const cells = listCells(target)
  const byName = new Map<string, string>()
  const byHash = new Map<number, { id: string; values: readonly (number | null)[] }[]>()
  const reports = new Map<string, Report>()
  const vectors = new Map<string, CellVector>()
  const byId = new Map<string, AggregateUnit>()
  for (const input of inputs) {
    const prepared = prepare(input, year, target, options.migrate2019 ?? true)
    if (!prepared.ok) {
      // Still checked, so the table shows what is wrong with it beyond the year or layout.
      const checked = input.report && options.validateUnits !== false
      units.push({
        ...unitOf(input, prepared),
        ...(checked ? counted(unitFindings(input.report!)) : {}),
      })
      continue
    }
    const name = nameKey(prepared.report.meta.agencyName)
    const vector = vectorOf(prepared.report, cells)
    const sameName = name ? byName.get(name) : undefined
    if (name && !sameName) byName.set(name, input.id)
    let sameCells: string | undefined
    if (vector.anyFigure) {
      const bucket = byHash.get(vector.hash)
      sameCells = bucket?.find((b) => sameValues(b.values, vector.values))?.id
      if (!sameCells) {
        if (bucket) bucket.push({ id: input.id, values: vector.values })
        else byHash.set(vector.hash, [{ id: input.id, values: vector.values }])
      }
    }
    const original = sameName ?? sameCells
    const findings = options.validateUnits === false ? [] : unitFindings(prepared.report)
    const errors = findings.filter((f) => f.severity === 'error').length
    const earlier = original ? byId.get(original) : undefined
    const status: UnitStatus = earlier ? 'duplicate' : errors ? 'errors' : 'ok'
    const reason = earlier
      ? `与${unitLabel(earlier)}${sameName ? '机关名称相同' : '各表数字完全相同'}，疑似同一单位的重复文件`
      : errors
        ? `校验有 ${errors} 个错误（${[...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))].join('、')}），默认不汇总（可勾选后计入）`
        : ''
    const unit = unitOf(input, { ok: true, report: prepared.report, notes: prepared.notes })
    units.push({
      ...unit,
      status,
      reason,
      included: options.include?.[input.id] ?? status === 'ok',
      ...counted(findings),
      ...(earlier ? { duplicateOf: earlier.id } : {}),
    })
    reports.set(input.id, prepared.report)
    vectors.set(input.id, vector)
    byId.set(input.id, units.at(-1)!)
  }

  const included = units.filter((u) => u.included)
  // Units outside, cells inside: each unit's values are one array read front to back.
  const totals = new Array<number>(cells.length).fill(0)
  const filled = new Array<boolean>(cells.length).fill(false)
  const blanks: (string[] | undefined)[] = new Array(cells.length)
  for (const unit of included) {
    const values = vectors.get(unit.id)!.values
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!
      if (v === null) (blanks[i] ??= []).push(unit.id)
      else {
        totals[i]! += v
        filled[i] = true
      }
    }
  }
  const sums: Report['cells'] = {}
  const blanksByCell = new Map<string, string[]>()
  const blanksByUnit = new Map<string, string[]>()
  cells.forEach((cell, i) => {
    sums[cell.id] = filled[i]
      ? cell.kind === 'amount'
        ? totals[i]! / AMOUNT_SCALE
        : totals[i]!
      : null
    const list = blanks[i]
    if (!filled[i] || !list) return
    blanksByCell.set(cell.id, list)
    for (const id of list) {
      const cellsOfUnit = blanksByUnit.get(id)
      if (cellsOfUnit) cellsOfUnit.push(cell.id)
      else blanksByUnit.set(id, [cell.id])
    }
  })

  const report = regionReport(target, year, sums, included, options)
  const names = cellMap(target)
  const finalUnits = units.map((u) => {
    const blankCells = blanksByUnit.get(u.id) ?? []
    return blankCells.length ? { ...u, blankCells } : u
  })
  for (const u of finalUnits) {
    if (!u.included) problems.push(excludedProblem(u))
    else if (u.status !== 'ok') {
      problems.push({
        unitId: u.id,
        cells: [],
        message: `${unitLabel(u)}已按要求计入汇总，但它${UNIT_STATUS_LABELS[u.status]}：${u.reason}`,
      })
    }
    if (u.blankCells.length) {
      const shown = u.blankCells.slice(0, 5).map((id) => `“${names.get(id)!.name}”`)
      problems.push({
        unitId: u.id,
        cells: u.blankCells,
        message: `${unitLabel(u)}有 ${u.blankCells.length} 个栏目空白而其他单位有数，按 0 汇总：${shown.join('、')}${u.blankCells.length > 5 ? ' 等' : ''}`,
      })
    }
    if (u.included) {
      for (const note of u.notes)
        problems.push({ unitId: u.id, cells: [], message: `${unitLabel(u)}：${note}` })
    }
  }
  return { report, units: finalUnits, problems, blanksByCell, reports }
}

function unitOf(input: UnitInput, prepared: Prepared): AggregateUnit {
  const report = input.report
  return {
    id: input.id,
    source: input.source,
    agencyName: report?.meta.agencyName ?? '',
    ...(report && input.yearKnown !== false ? { year: report.meta.year } : {}),
    ...(report ? { formatId: report.formatId } : {}),
    status: prepared.ok ? 'ok' : prepared.status,
    reason: prepared.ok ? '' : prepared.reason,
    included: false,
    findings: [],
    errors: 0,
    warnings: 0,
    blankCells: [],
    notes: [...(input.notes ?? []), ...(prepared.ok ? prepared.notes : [])],
  }
}

const counted = (findings: readonly Finding[]) => ({
  findings,
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
})

const excludedProblem = (u: AggregateUnit): AggregateProblem => ({
  unitId: u.id,
  cells: [],
  message: `${unitLabel(u)}未计入汇总（${UNIT_STATUS_LABELS[u.status]}）：${u.reason || '已手动排除'}`,
})

/** The note on the units summed, for the region's draft (section 六, editable like any text). */
export function includedUnitsNote(units: readonly Pick<AggregateUnit, 'agencyName' | 'source'>[]) {
  const names = units.map((u) => u.agencyName || u.source)
  return `本报告表二至表四的数据由以下 ${names.length} 个单位的年度报告汇总：${names.join('、')}。`
}

function regionReport(
  format: FormatSpec,
  year: number,
  sums: Report['cells'],
  included: readonly AggregateUnit[],
  options: AggregateOptions,
): Report {
  const report = createReport({
    agencyName: options.agencyName ?? '',
    agencyKind: options.agencyKind ?? 'government',
    level: options.level ?? 'county',
    year,
    scope: 'aggregate',
  })
  const summed: Report = {
    ...report,
    formatId: format.id,
    cells: sums,
    narrative: { ...report.narrative, other: included.length ? includedUnitsNote(included) : '' },
  }
  // Totals that equal the sum of their parts stay computed; any other table keeps the summed
  // totals as typed, so the findings show where the units' own totals disagree.
  const totalsMode = { ...summed.totalsMode }
  for (const table of TABLE_KEYS) {
    const computed = recomputeTotals(summed, [table])
    if (Object.keys(computed).some((id) => computed[id] !== sums[id])) totalsMode[table] = 'manual'
  }
  return { ...summed, totalsMode }
}

/** A cell value for messages: blank is named, not shown as nothing. */
export const shownValue = (v: number | null | undefined) =>
  v === null || v === undefined ? '空白' : formatCellValue(v)
