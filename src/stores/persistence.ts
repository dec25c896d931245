/**
 * How drafts are laid out in storage. One index (which drafts exist, which one is open) plus one
 * key per draft holding the Report JSON (type tag + schemaVersion, read back by restoreReport)
 * with two extra fields: `revision` (how many times it was saved, to spot another window's newer
 * save) and `savedAt`. Older builds read the report and ignore the extra fields.
 * Anything that cannot be read is copied aside under an `unreadable` key, never deleted; data
 * written by a newer version of the app is left exactly where it is.
 */
// Not the '../domain' barrel: this module is in the entry chunk (see src/stores/draft.ts).
import type { Report } from '../domain'
import { REPORT_TYPE, reportTitle, SCHEMA_VERSION } from '../domain/report'
import { restoreReport } from '../domain/restore'
import type { KeyValueStorage } from '../io/storage'

export const INDEX_KEY = 'nianbao.drafts'
export const INDEX_VERSION = 1
const DRAFT_PREFIX = 'nianbao.draft.'
const LAST_YEAR_SUFFIX = '.lastYear'
export const draftKey = (id: string) => `${DRAFT_PREFIX}${id}`
export const lastYearKey = (id: string) => `${DRAFT_PREFIX}${id}${LAST_YEAR_SUFFIX}`
export const ASIDE_PREFIX = 'nianbao.unreadable.'

/** The draft id a storage key belongs to (its report, not its last-year report), or null. */
export const draftIdOfKey = (key: string | null): string | null =>
  key?.startsWith(DRAFT_PREFIX) && !key.endsWith(LAST_YEAR_SUFFIX)
    ? key.slice(DRAFT_PREFIX.length)
    : null

export interface DraftSummary {
  readonly id: string
  readonly title: string
  readonly year: number
  readonly updatedAt: string
  /** The revision last saved (0 for drafts saved before revisions existed). */
  readonly revision?: number
  /** A name the user gave the draft; it wins over the title made from the report information. */
  readonly customTitle?: string
  /** Saved by a newer version of the app: listed, never opened, moved or overwritten here. */
  readonly newer?: boolean
}

export interface DraftIndex {
  readonly schemaVersion: number
  readonly activeId: string | null
  readonly drafts: readonly DraftSummary[]
}

export const emptyIndex = (): DraftIndex => ({
  schemaVersion: INDEX_VERSION,
  activeId: null,
  drafts: [],
})

const autoTitle = (report: Pick<Report, 'meta'>) =>
  report.meta.agencyName ? reportTitle(report.meta) : `${report.meta.year}年度报告（未命名）`

export const summaryOf = (
  id: string,
  report: Report,
  now = new Date(),
  extra: { revision?: number; customTitle?: string } = {},
): DraftSummary => ({
  id,
  title: extra.customTitle || autoTitle(report),
  year: report.meta.year,
  updatedAt: now.toISOString(),
  ...(extra.revision !== undefined ? { revision: extra.revision } : {}),
  ...(extra.customTitle ? { customTitle: extra.customTitle } : {}),
})

export const newDraftId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/**
 * Copies unreadable data to a new key so the user (or support) can still recover it. When even
 * the copy cannot be written (quota full), the data stays under its own key, untouched: returns
 * undefined then.
 */
export function setAside(storage: KeyValueStorage, key: string, raw: string): string | undefined {
  const asideKey = `${ASIDE_PREFIX}${new Date().toISOString()}.${key}`
  try {
    storage.setItem(asideKey, raw)
  } catch {
    return undefined
  }
  storage.removeItem(key)
  return asideKey
}

export type ReadResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; asideKey?: string; newer?: boolean }

const parseJson = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isSummary = (d: unknown): d is DraftSummary =>
  isRecord(d) && typeof d.id === 'string' && typeof d.title === 'string'

/** Any index version is read (a newer one only adds fields); its entries are kept as they are. */
function isIndex(value: unknown): value is DraftIndex {
  return (
    isRecord(value) &&
    typeof value.schemaVersion === 'number' &&
    value.schemaVersion >= 1 &&
    (value.activeId === null || typeof value.activeId === 'string') &&
    Array.isArray(value.drafts) &&
    value.drafts.every(isSummary)
  )
}

export function readIndex(storage: KeyValueStorage): ReadResult<DraftIndex> {
  const raw = storage.getItem(INDEX_KEY)
  if (raw === null) return { ok: true, value: emptyIndex() }
  const parsed = parseJson(raw)
  if (isIndex(parsed)) return { ok: true, value: parsed }
  const asideKey = setAside(storage, INDEX_KEY, raw)
  return { ok: false, reason: '草稿目录无法读取', ...(asideKey ? { asideKey } : {}) }
}

export const withoutNewerMark = ({ newer: _, ...entry }: DraftSummary): DraftSummary => entry

/** `newer` is what this build found, not data: it is worked out afresh on every read. */
export function writeIndex(storage: KeyValueStorage, index: DraftIndex): void {
  const drafts = index.drafts.map(withoutNewerMark)
  storage.setItem(INDEX_KEY, JSON.stringify({ ...index, drafts }))
}

/** A report as stored, with its save counter. */
export interface StoredReport {
  readonly report: Report
  readonly revision: number
}

/** Written by a newer version of the app (a higher schemaVersion of our own data type). */
function isNewerData(parsed: unknown): boolean {
  return (
    isRecord(parsed) &&
    parsed.type === REPORT_TYPE &&
    typeof parsed.schemaVersion === 'number' &&
    parsed.schemaVersion > SCHEMA_VERSION
  )
}

export const isNewerText = (raw: string) => isNewerData(parseJson(raw))

export const NEWER_VERSION_REASON = '由新版本保存，请刷新页面'

/**
 * Reads a stored report. Unreadable text is set aside and the reason returned; data of a newer
 * version stays in place (`newer: true`).
 */
export function readStored(storage: KeyValueStorage, key: string): ReadResult<StoredReport> | null {
  const raw = storage.getItem(key)
  if (raw === null) return null
  const parsed = parseJson(raw)
  if (isNewerData(parsed)) return { ok: false, reason: NEWER_VERSION_REASON, newer: true }
  const restored =
    parsed === undefined
      ? ({ ok: false, error: '数据已损坏（不是有效的 JSON）' } as const)
      : restoreReport(parsed)
  if (restored.ok) {
    const revision = isRecord(parsed) ? parsed.revision : undefined
    return {
      ok: true,
      value: {
        report: restored.report,
        revision: typeof revision === 'number' && Number.isInteger(revision) ? revision : 0,
      },
    }
  }
  const asideKey = setAside(storage, key, raw)
  return { ok: false, reason: restored.error, ...(asideKey ? { asideKey } : {}) }
}

/** The revision stored under a draft's key right now (0 when absent or unreadable). */
export function storedRevision(raw: string | null): number {
  if (raw === null) return 0
  const parsed = parseJson(raw)
  const revision = isRecord(parsed) ? parsed.revision : undefined
  return typeof revision === 'number' && Number.isInteger(revision) ? revision : 0
}

export const storedText = (report: Report, revision: number, savedAt: Date) =>
  JSON.stringify({ ...report, revision, savedAt: savedAt.toISOString() })

/** A newer-version draft as listed: its index entry kept whole (fields we don't know included). */
export const newerSummary = (id: string, listed: DraftSummary | undefined): DraftSummary => ({
  ...(listed ?? { title: '一份由新版本保存的草稿', year: 0, updatedAt: new Date(0).toISOString() }),
  id,
  newer: true,
})

/** Lists drafts whose data is present even if the index lost them (e.g. an index set aside). */
export function orphanDraftIds(storage: KeyValueStorage, index: DraftIndex): string[] {
  const known = new Set(index.drafts.map((d) => d.id))
  return storage
    .keys()
    .map(draftIdOfKey)
    .filter((id): id is string => id !== null && !known.has(id))
}
