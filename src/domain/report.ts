/**
 * The report model: plain JSON that autosave, backups and the Excel data sheet all store.
 * Cells are keyed by the stable ids of the format description; `null` means "not filled yet".
 */
import {
  cellMap,
  formatById,
  formatForYear,
  listCells,
  sumConstraints,
  type CellSpec,
  type FormatId,
  type FormatSpec,
  type NarrativeKey,
  type TableKey,
  type ValueKind,
} from './formats'
import { quote, toHalfWidth } from './text'
import type { Explanation } from './explanations'

export const REPORT_TYPE = 'nianbao-report'
export const SCHEMA_VERSION = 1

export const AGENCY_KINDS = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇人民政府或街道办事处',
  other: '其他',
} as const satisfies Record<string, string>
export type AgencyKind = keyof typeof AGENCY_KINDS

export const LEVELS = {
  national: '国务院部门',
  provincial: '省级',
  prefecture: '设区的市级',
  county: '县级',
  township: '乡镇级',
} as const satisfies Record<string, string>
export type Level = keyof typeof LEVELS

export const SCOPES = {
  self: '本机关',
  aggregate: '本行政区域汇总',
} as const satisfies Record<string, string>
export type Scope = keyof typeof SCOPES

export interface ReportMeta {
  agencyName: string
  agencyKind: AgencyKind
  level: Level
  year: number
  /** 成文日期, `YYYY-MM-DD`. */
  issuedOn?: string
  scope: Scope
  /**
   * Set when 层级 was guessed from the name (an import) and the clerk has not confirmed it yet:
   * level-dependent rules then ask instead of judging.
   */
  levelUnconfirmed?: boolean
}

/** A row or column label of table 二 or 三 as an imported file printed it. */
export interface PrintedLabel {
  readonly tableKey: 't2' | 't3'
  readonly text: string
}

/**
 * What an import saw in the file, kept with the draft so that the findings about how the file was
 * printed (labels, headings, title) survive a reload.
 */
export interface ImportRecord {
  /** A published report (with its narrative sections), not a working sheet. */
  readonly published: boolean
  readonly title?: string
  /** Section headings in the order printed; only for files that hold the narrative. */
  readonly headings?: readonly string[]
  readonly labels: readonly PrintedLabel[]
}

export type Narrative = Record<NarrativeKey, string>
export type TotalsMode = 'computed' | 'manual'

export interface Report {
  type: typeof REPORT_TYPE
  schemaVersion: typeof SCHEMA_VERSION
  formatId: FormatId
  meta: ReportMeta
  cells: Record<string, number | null>
  narrative: Narrative
  /** Per table: totals computed from their parts (default) or typed by hand. */
  totalsMode: Record<TableKey, TotalsMode>
  /** 「说明」 the clerk wrote for warnings and infos (absent when there are none). */
  explanations?: readonly Explanation[]
  /** Set by an import from a file other than our own. */
  imported?: ImportRecord
}

export const NARRATIVE_KEYS: readonly NarrativeKey[] = ['overview', 'problems', 'other']
export const TABLE_KEYS: readonly TableKey[] = ['t2', 't3', 't4']

/** An empty report (every cell blank) in the layout of `meta.year`. */
export function createReport(meta: ReportMeta): Report {
  const format = formatForYear(meta.year)
  return {
    type: REPORT_TYPE,
    schemaVersion: SCHEMA_VERSION,
    formatId: format.id,
    meta: { ...meta },
    cells: Object.fromEntries(listCells(format).map((c) => [c.id, null])),
    narrative: { overview: '', problems: '', other: '' },
    totalsMode: { t2: 'computed', t3: 'computed', t4: 'computed' },
  }
}

export function formatOf(report: Pick<Report, 'formatId'>): FormatSpec {
  const format = formatById(report.formatId)
  if (!format) throw new Error(`unknown format ${report.formatId}`)
  return format
}

/** `{机关名称}{年度}年政府信息公开工作年度报告` — the title the format and evaluators expect. */
export const reportTitle = (meta: Pick<ReportMeta, 'agencyName' | 'year'>) =>
  `${meta.agencyName}${meta.year}年政府信息公开工作年度报告`

// ---------------------------------------------------------------------------------------------
// Cell input

export type ParseResult = { ok: true; value: number | null } | { ok: false; reason: string }

/** What people write for "nothing to report" in a printed table. */
const BLANK_MARKS = new Set(['', '/', '／', '-', '－', '—', '——', '–', '无'])
const MAX_AMOUNT_DECIMALS = 4

/** The user's input quoted back in a reason, shortened so a pasted paragraph stays one line. */
const quoted = (text: string) => quote(text.trim(), 20)

/** Thousands separators in groups of three only: `1,234` and `1,234,567.5`, not `1,2,3`. */
const GROUPED_DIGITS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/
/** A space between two parts of one number (`1 2`, `1, 234`): which number was meant is unclear. */
const SPACE_INSIDE_NUMBER = /[\d.,，][\s\u3000]+[\d.,，]/
const LARGEST_EXACT = `可精确计算的最大整数（${Number.MAX_SAFE_INTEGER}）`

/**
 * Reads what a person typed or pasted into a cell: `1,234件` → 1234; `/`, `-`, `—`, `无`, blank →
 * null; refuses text, fractions of a count, negatives (except the 2019 signed `本年增/减`),
 * separators not in groups of three, spaces inside a number and counts beyond 2^53 − 1.
 */
export function parseCellInput(
  text: string | number | null | undefined,
  cell: Pick<CellSpec, 'kind' | 'unit'> | ValueKind,
): ParseResult {
  const { kind, unit } = typeof cell === 'string' ? { kind: cell, unit: undefined } : cell
  if (text === null || text === undefined) return { ok: true, value: null }
  if (typeof text === 'number') return checkNumber(text, String(text), kind)
  const written = toHalfWidth(text)
  if (SPACE_INSIDE_NUMBER.test(written)) {
    return { ok: false, reason: `${quoted(text)}的数字中间有空格，请删去空格后填写` }
  }
  const raw = written.replace(/[\s\u3000]+/g, '')
  if (BLANK_MARKS.has(raw)) return { ok: true, value: null }
  let body = raw.replace(/，/g, ',')
  if (kind === 'amount') {
    if (unit === '万元' && /\d元$/.test(body)) {
      return { ok: false, reason: `本栏单位为万元，${quoted(text)}请换算为万元后填写` }
    }
    body = body.replace(/万?元$/, '')
  } else {
    body = body.replace(/[件个项次条]$/, '')
  }
  if (body.includes(',')) {
    if (!GROUPED_DIGITS.test(body)) {
      return { ok: false, reason: `${quoted(text)}的千位分隔符位置不对（应每三位一个，如 1,234）` }
    }
    body = body.replace(/,/g, '')
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(body)) {
    return { ok: false, reason: `${quoted(text)}不是数字` }
  }
  return checkNumber(Number(body), body, kind)
}

function checkNumber(value: number, written: string, kind: ValueKind): ParseResult {
  if (!Number.isFinite(value)) return { ok: false, reason: `${quoted(written)}不是有效数字` }
  if (value < 0 && kind !== 'signedCount') return { ok: false, reason: '不能填写负数' }
  if (kind === 'amount') {
    const decimals = written.split('.')[1]?.length ?? 0
    if (decimals > MAX_AMOUNT_DECIMALS) {
      return { ok: false, reason: '金额以万元为单位，最多保留4位小数（精确到元）' }
    }
    if (value > 1e12) return { ok: false, reason: `金额${quoted(written)}过大，请核对单位` }
    return { ok: true, value: value === 0 ? 0 : value }
  }
  if (!Number.isInteger(value)) return { ok: false, reason: '件数必须是整数，不能有小数' }
  if (!Number.isSafeInteger(value)) {
    return { ok: false, reason: `${quoted(written)}过大：超过${LARGEST_EXACT}，请核对` }
  }
  return { ok: true, value: value === 0 ? 0 : value }
}

/** A cell as written back to a person (editor, PDF, messages): blank stays blank, no float noise. */
export const formatCellValue = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(Number(value.toFixed(MAX_AMOUNT_DECIMALS)))

// ---------------------------------------------------------------------------------------------
// Totals

const sumOrNull = (values: readonly (number | null | undefined)[]): number | null => {
  let seen = false
  let sum = 0
  for (const v of values) {
    if (v === null || v === undefined) continue
    seen = true
    sum += v
  }
  return seen ? sum : null
}

/**
 * Cells with every declared total recomputed from its parts, for the given tables (default: those
 * in computed mode). Blank parts count as 0; a total whose parts are all blank stays blank.
 */
export function recomputeTotals(
  report: Report,
  tables: readonly TableKey[] = TABLE_KEYS.filter((t) => report.totalsMode[t] === 'computed'),
): Report['cells'] {
  const cells = { ...report.cells }
  const constraints = sumConstraints(formatOf(report)).filter((c) => tables.includes(c.tableKey))
  // Totals may be parts of other totals (（七）总计 × 总计): settle them in a few passes.
  for (let pass = 0; pass < 3; pass++) {
    let changed = false
    for (const c of constraints) {
      const value = sumOrNull(c.parts.map((id) => cells[id]))
      if (cells[c.total] !== value) {
        cells[c.total] = value
        changed = true
      }
    }
    if (!changed) break
  }
  return cells
}

/**
 * Why `report` cannot be kept: a total it computes would exceed 2^53 − 1 and be shown rounded.
 * Undefined when every computed total is exact.
 */
export function totalOverflow(report: Report): string | undefined {
  const cells = recomputeTotals(report)
  const specs = cellMap(formatOf(report))
  for (const constraint of sumConstraints(formatOf(report))) {
    const total = cells[constraint.total]
    if (total === null || total === undefined || Number.isSafeInteger(total)) continue
    if (specs.get(constraint.total)?.kind === 'amount') continue
    const name = specs.get(constraint.total)?.name ?? constraint.total
    return `“${name}”的合计将超过${LARGEST_EXACT}，无法准确显示，请核对`
  }
  return undefined
}

/** True for cells the app computes (and the user cannot type) in the report's current mode. */
export function isComputedCell(
  report: Pick<Report, 'formatId' | 'totalsMode'>,
  cellId: string,
): boolean {
  const spec = cellMap(formatOf(report)).get(cellId)
  return Boolean(spec?.isTotal && report.totalsMode[spec.tableKey] === 'computed')
}

/**
 * Whether two reports hold the same content, without serialising them: the narrative is compared
 * as strings (an edit changes its length, so this is cheap even for very long text), the rest
 * field by field.
 */
export function sameReport(a: Report, b: Report): boolean {
  if (a === b) return true
  const json = (v: unknown) => JSON.stringify(v ?? null)
  const aCells = Object.keys(a.cells)
  return (
    a.formatId === b.formatId &&
    NARRATIVE_KEYS.every((k) => a.narrative[k] === b.narrative[k]) &&
    TABLE_KEYS.every((t) => a.totalsMode[t] === b.totalsMode[t]) &&
    aCells.length === Object.keys(b.cells).length &&
    aCells.every((id) => Object.hasOwn(b.cells, id) && a.cells[id] === b.cells[id]) &&
    json(a.meta) === json(b.meta) &&
    json(a.imported) === json(b.imported) &&
    json(a.explanations?.length ? a.explanations : null) ===
      json(b.explanations?.length ? b.explanations : null)
  )
}
