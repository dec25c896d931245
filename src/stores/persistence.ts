/**
 * How drafts are laid out in storage. One index (which drafts exist, which one is open) plus one
 * key per draft holding the Report JSON (type tag + schemaVersion, read back by restoreReport).
 * Anything that cannot be read is copied aside under an `unreadable` key, never deleted.
 */
import { reportTitle, restoreReport, type Report } from '../domain'
import type { KeyValueStorage } from '../io/storage'

export const INDEX_KEY = 'nianbao.drafts'
export const INDEX_VERSION = 1
export const draftKey = (id: string) => `nianbao.draft.${id}`
export const lastYearKey = (id: string) => `nianbao.draft.${id}.lastYear`
export const ASIDE_PREFIX = 'nianbao.unreadable.'

export interface DraftSummary {
  readonly id: string
  readonly title: string
  readonly year: number
  readonly updatedAt: string
}

export interface DraftIndex {
  readonly schemaVersion: typeof INDEX_VERSION
  readonly activeId: string | null
  readonly drafts: readonly DraftSummary[]
}

export const emptyIndex = (): DraftIndex => ({
  schemaVersion: INDEX_VERSION,
  activeId: null,
  drafts: [],
})

export const summaryOf = (id: string, report: Report, now = new Date()): DraftSummary => ({
  id,
  title: report.meta.agencyName
    ? reportTitle(report.meta)
    : `${report.meta.year}年度报告（未命名）`,
  year: report.meta.year,
  updatedAt: now.toISOString(),
})

export const newDraftId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** Copies unreadable data to a new key so the user (or support) can still recover it. */
export function setAside(storage: KeyValueStorage, key: string, raw: string): string {
  const asideKey = `${ASIDE_PREFIX}${new Date().toISOString()}.${key}`
  storage.setItem(asideKey, raw)
  storage.removeItem(key)
  return asideKey
}

export type ReadResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; asideKey?: string }

const parseJson = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

function isIndex(value: unknown): value is DraftIndex {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    v.schemaVersion === INDEX_VERSION &&
    (v.activeId === null || typeof v.activeId === 'string') &&
    Array.isArray(v.drafts) &&
    v.drafts.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as DraftSummary).id === 'string' &&
        typeof (d as DraftSummary).title === 'string',
    )
  )
}

export function readIndex(storage: KeyValueStorage): ReadResult<DraftIndex> {
  const raw = storage.getItem(INDEX_KEY)
  if (raw === null) return { ok: true, value: emptyIndex() }
  const parsed = parseJson(raw)
  if (isIndex(parsed)) return { ok: true, value: parsed }
  return {
    ok: false,
    reason: '草稿目录无法读取',
    asideKey: setAside(storage, INDEX_KEY, raw),
  }
}

/** Reads a stored report; on failure the stored text is set aside and the reason returned. */
export function readReport(storage: KeyValueStorage, key: string): ReadResult<Report> | null {
  const raw = storage.getItem(key)
  if (raw === null) return null
  const parsed = parseJson(raw)
  const restored =
    parsed === undefined
      ? ({ ok: false, error: '数据已损坏（不是有效的 JSON）' } as const)
      : restoreReport(parsed)
  if (restored.ok) return { ok: true, value: restored.report }
  return { ok: false, reason: restored.error, asideKey: setAside(storage, key, raw) }
}

/** Lists drafts whose data is present even if the index lost them (e.g. an index set aside). */
export function orphanDraftIds(storage: KeyValueStorage, index: DraftIndex): string[] {
  const known = new Set(index.drafts.map((d) => d.id))
  return storage
    .keys()
    .filter((k) => k.startsWith('nianbao.draft.') && !k.endsWith('.lastYear'))
    .map((k) => k.slice('nianbao.draft.'.length))
    .filter((id) => !known.has(id))
}
