/**
 * One way back from stored JSON to a Report, for autosave, JSON backups and the Excel data sheet:
 * strict on write (we only ever write `Report`), lenient on read (missing fields get defaults,
 * unknown fields are ignored), and one friendly Chinese error when the data is not a report.
 */
import { restoreExplanations } from './explanations'
import { formatById, listCells } from './formats'
import {
  AGENCY_KINDS,
  LEVELS,
  NARRATIVE_KEYS,
  parseCellInput,
  REPORT_TYPE,
  SCHEMA_VERSION,
  SCOPES,
  TABLE_KEYS,
  type ImportRecord,
  type PrintedLabel,
  type Report,
  type ReportMeta,
} from './report'
import { isCalendarDate } from './text'

export type RestoreResult =
  { ok: true; report: Report; warnings: string[] } | { ok: false; error: string }

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads own properties only, so `__proto__` or `constructor` keys in the data do nothing. */
export const own = (obj: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(obj, key) ? obj[key] : undefined

const pick = <T extends string>(value: unknown, allowed: Record<T, string>, fallback: T): T =>
  typeof value === 'string' && Object.hasOwn(allowed, value) ? (value as T) : fallback

export function restoreReport(raw: unknown): RestoreResult {
  if (!isRecord(raw) || own(raw, 'type') !== REPORT_TYPE) {
    return { ok: false, error: '这不是本工具保存的年报数据。' }
  }
  const version = own(raw, 'schemaVersion')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: '年报数据缺少有效的版本号，无法读取。' }
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      error: `这份数据由更新版本的年报助手保存（数据版本 ${version}），请使用新版本打开。`,
    }
  }
  const format = formatById(String(own(raw, 'formatId')))
  if (!format) return { ok: false, error: '年报数据的表格格式无法识别。' }

  const warnings: string[] = []
  const rawMeta = isRecord(own(raw, 'meta')) ? (own(raw, 'meta') as Record<string, unknown>) : {}
  const year = Number(own(rawMeta, 'year'))
  if (!Number.isInteger(year) || year < format.firstYear || year > (format.lastYear ?? 9999)) {
    return { ok: false, error: '年报数据中的报告年度与表格格式不符。' }
  }
  const issuedOn = own(rawMeta, 'issuedOn')
  const agencyName = own(rawMeta, 'agencyName')
  const meta: ReportMeta = {
    agencyName: typeof agencyName === 'string' ? agencyName : '',
    agencyKind: pick(own(rawMeta, 'agencyKind'), AGENCY_KINDS, 'other'),
    level: pick(own(rawMeta, 'level'), LEVELS, 'county'),
    year,
    scope: pick(own(rawMeta, 'scope'), SCOPES, 'self'),
    ...(typeof issuedOn === 'string' && isCalendarDate(issuedOn) ? { issuedOn } : {}),
    ...(own(rawMeta, 'levelUnconfirmed') === true ? { levelUnconfirmed: true } : {}),
  }

  const rawCells = isRecord(own(raw, 'cells')) ? (own(raw, 'cells') as Record<string, unknown>) : {}
  const cells: Report['cells'] = {}
  for (const cell of listCells(format)) {
    const value = own(rawCells, cell.id)
    if (value === null || value === undefined) {
      cells[cell.id] = null
      continue
    }
    const parsed =
      typeof value === 'number' || typeof value === 'string'
        ? parseCellInput(value, cell)
        : ({ ok: false, reason: '不是数字' } as const)
    if (parsed.ok) cells[cell.id] = parsed.value
    else {
      cells[cell.id] = null
      warnings.push(`${cell.name}：${parsed.reason}，已留空`)
    }
  }

  const rawNarrative = isRecord(own(raw, 'narrative'))
    ? (own(raw, 'narrative') as Record<string, unknown>)
    : {}
  const narrative = Object.fromEntries(
    NARRATIVE_KEYS.map((k) => {
      const text = own(rawNarrative, k)
      return [k, typeof text === 'string' ? text : '']
    }),
  ) as Report['narrative']

  const rawModes = isRecord(own(raw, 'totalsMode'))
    ? (own(raw, 'totalsMode') as Record<string, unknown>)
    : {}
  const totalsMode = Object.fromEntries(
    TABLE_KEYS.map((t) => [t, own(rawModes, t) === 'manual' ? 'manual' : 'computed']),
  ) as Report['totalsMode']

  const known = new Set(Object.keys(cells))
  const { explanations, dropped } = restoreExplanations(own(raw, 'explanations'), (id) =>
    known.has(id),
  )
  if (dropped) warnings.push(`${dropped} 条说明无法读取，已略过`)

  const importRecord = restoreImportRecord(own(raw, 'imported'))
  return {
    ok: true,
    report: {
      type: REPORT_TYPE,
      schemaVersion: SCHEMA_VERSION,
      formatId: format.id,
      meta,
      cells,
      narrative,
      totalsMode,
      ...(explanations.length ? { explanations } : {}),
      ...(importRecord ? { imported: importRecord } : {}),
    },
    warnings,
  }
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined

function restoreImportRecord(raw: unknown): ImportRecord | undefined {
  if (!isRecord(raw)) return undefined
  const title = own(raw, 'title')
  const headings = strings(own(raw, 'headings'))
  const labels = Array.isArray(own(raw, 'labels')) ? (own(raw, 'labels') as unknown[]) : []
  return {
    published: own(raw, 'published') === true,
    ...(typeof title === 'string' ? { title } : {}),
    ...(headings ? { headings } : {}),
    labels: labels.flatMap((l): PrintedLabel[] => {
      if (!isRecord(l)) return []
      const tableKey = own(l, 'tableKey')
      const text = own(l, 'text')
      return (tableKey === 't2' || tableKey === 't3') && typeof text === 'string'
        ? [{ tableKey, text }]
        : []
    }),
  }
}
