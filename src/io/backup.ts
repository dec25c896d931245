/**
 * JSON backups. One draft: exactly the Report the app stores, read back through restoreReport
 * (the same path as autosave and the Excel data sheet). Every draft (「备份」): the drafts with
 * their last-year reports, revisions and save times, read back by restoreLibraryBackup.
 */
import {
  reportTitle,
  restoreReport,
  summarizeExact,
  type ImportOutcome,
  type Report,
} from '../domain'
import {
  isLibraryBackup,
  LIBRARY_BACKUP_TYPE,
  restoreLibraryBackup,
  type BackupDraft,
  type LibraryRestoreResult,
} from '../domain/libraryBackup'

export { planRestore } from '../domain/libraryBackup'
import { safeFileName } from './fileName'

export function backupFile(report: Report): { fileName: string; text: string } {
  return {
    fileName: safeFileName(`${reportTitle(report.meta)}（备份）.json`),
    text: JSON.stringify(report, null, 2),
  }
}

export function readBackup(text: string): ImportOutcome {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: '这个 JSON 文件已损坏或不完整，无法读取。' }
  }
  const restored = restoreReport(raw)
  return restored.ok
    ? { ok: true, result: summarizeExact(restored.report, restored.warnings) }
    : { ok: false, error: restored.error }
}

export const LIBRARY_BACKUP_VERSION = 1
/** A backup of every draft may exceed one import's limit: a few hundred drafts with long text. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024

/** Local calendar day as YYYY-MM-DD, for the file name. */
const day = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

export function libraryBackupFile(
  drafts: readonly BackupDraft[],
  now = new Date(),
): { fileName: string; text: string } {
  return {
    fileName: `年报草稿备份（${drafts.length}份）${day(now)}.json`,
    text: JSON.stringify(
      {
        type: LIBRARY_BACKUP_TYPE,
        version: LIBRARY_BACKUP_VERSION,
        createdAt: now.toISOString(),
        drafts,
      },
      null,
      1,
    ),
  }
}

/** A backup of every draft read from the file's text; null when the text is not one. */
export function readLibraryBackup(text: string): LibraryRestoreResult | null {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return null
  }
  return isLibraryBackup(raw) ? restoreLibraryBackup(raw) : null
}
