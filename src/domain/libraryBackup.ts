/**
 * A backup of every draft (「备份」) read back, and what restoring it would do against the drafts
 * stored here. Loaded only with the backup code (src/io/backup.ts), not at start.
 */
import type { Report } from './report'
import { isRecord, own, restoreReport } from './restore'

/** The tag of a backup of every draft (「备份」), as opposed to one report's JSON. */
export const LIBRARY_BACKUP_TYPE = 'nianbao-backup'

/** One draft in a backup of the drafts library, with its last-year report. */
export interface BackupDraft {
  readonly id: string
  readonly title: string
  readonly customTitle?: string
  readonly revision: number
  /** ISO time of the draft's last save. */
  readonly savedAt: string
  readonly report: Report
  readonly lastYear: Report | null
}

export type LibraryRestoreResult =
  | { ok: true; drafts: BackupDraft[]; skipped: string[]; createdAt: string }
  | { ok: false; error: string }

export const isLibraryBackup = (raw: unknown): boolean =>
  isRecord(raw) && own(raw, 'type') === LIBRARY_BACKUP_TYPE

/**
 * Reads a backup of every draft. Each report goes through restoreReport; a draft that cannot be
 * read (or was written by a newer version) is listed in `skipped` with its reason.
 */
export function restoreLibraryBackup(raw: unknown): LibraryRestoreResult {
  if (!isLibraryBackup(raw)) return { ok: false, error: '这不是本工具的草稿备份文件。' }
  const record = raw as Record<string, unknown>
  const list = own(record, 'drafts')
  if (!Array.isArray(list)) return { ok: false, error: '备份文件中没有草稿列表，无法恢复。' }
  const drafts: BackupDraft[] = []
  const skipped: string[] = []
  const seen = new Set<string>()
  list.forEach((entry: unknown, i) => {
    const where = `第 ${i + 1} 份草稿`
    if (!isRecord(entry)) return void skipped.push(`${where}：不是草稿数据`)
    const id = own(entry, 'id')
    const title = own(entry, 'title')
    const label = typeof title === 'string' && title ? `“${title}”` : where
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || seen.has(id))
      return void skipped.push(`${label}：草稿编号无效`)
    const restored = restoreReport(own(entry, 'report'))
    if (!restored.ok) return void skipped.push(`${label}：${restored.error}`)
    const previous = own(entry, 'lastYear')
    const lastYear = previous == null ? null : restoreReport(previous)
    if (lastYear && !lastYear.ok)
      skipped.push(`${label}的上年报告：${lastYear.error}（草稿本身照常恢复）`)
    const revision = own(entry, 'revision')
    const savedAt = own(entry, 'savedAt')
    const customTitle = own(entry, 'customTitle')
    seen.add(id)
    drafts.push({
      id,
      title: typeof title === 'string' && title ? title : `${restored.report.meta.year}年度报告`,
      ...(typeof customTitle === 'string' && customTitle ? { customTitle } : {}),
      revision:
        typeof revision === 'number' && Number.isInteger(revision) && revision >= 0 ? revision : 0,
      savedAt:
        typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt))
          ? savedAt
          : new Date(0).toISOString(),
      report: restored.report,
      lastYear: lastYear?.ok ? lastYear.report : null,
    })
  })
  const createdAt = own(record, 'createdAt')
  return {
    ok: true,
    drafts,
    skipped,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
  }
}

/** What restoring a backup does with one of its drafts. */
export type RestoreAction = 'add' | 'replace' | 'keepLocal' | 'same' | 'localIsNewerVersion'

export interface RestoreStep {
  readonly draft: BackupDraft
  readonly action: RestoreAction
}

/** A draft as stored on this machine, for comparing with the backup's copy. */
export interface LocalDraft {
  readonly id: string
  readonly revision: number
  readonly updatedAt: string
  /** null when this build cannot read it (saved by a newer version). */
  readonly report: Report | null
  readonly lastYear: Report | null
}

/**
 * Adds what is missing, replaces only what the backup holds a later save of, and never replaces a
 * draft saved later on this machine (or by a newer version of the app).
 */
export function planRestore(
  drafts: readonly BackupDraft[],
  local: readonly LocalDraft[],
): RestoreStep[] {
  const byId = new Map(local.map((d) => [d.id, d]))
  return drafts.map((draft): RestoreStep => {
    const mine = byId.get(draft.id)
    if (!mine) return { draft, action: 'add' }
    if (!mine.report) return { draft, action: 'localIsNewerVersion' }
    if (
      JSON.stringify(mine.report) === JSON.stringify(draft.report) &&
      JSON.stringify(mine.lastYear) === JSON.stringify(draft.lastYear)
    )
      return { draft, action: 'same' }
    const backupTime = Date.parse(draft.savedAt)
    const localTime = Date.parse(mine.updatedAt)
    const backupIsLater =
      backupTime > localTime || (backupTime === localTime && draft.revision > mine.revision)
    return { draft, action: backupIsLater ? 'replace' : 'keepLocal' }
  })
}
