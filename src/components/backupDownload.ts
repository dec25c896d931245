/**
 * 「备份」: every draft (with its last-year report) as one JSON file in the Downloads folder; and
 * one report's JSON, for keeping this window's content when another window's save won.
 */
import type { Report } from '../domain'
import type { DraftStore } from '../stores/draft'

async function backupModules() {
  const [backup, files] = await Promise.all([import('../io/backup'), import('../io/fileName')])
  return { ...backup, ...files }
}

/** Downloads the library backup; returns the status line for the user. */
export async function downloadLibraryBackup(draft: DraftStore): Promise<string> {
  const drafts = draft.backupDrafts()
  if (!drafts.length) return '还没有可备份的草稿'
  const { libraryBackupFile, saveFile } = await backupModules()
  const { fileName, text } = libraryBackupFile(drafts)
  saveFile(text, fileName, 'application/json')
  return `已下载备份“${fileName}”（${drafts.length} 份草稿）`
}

export async function downloadReportBackup(report: Report): Promise<string> {
  const { backupFile, saveFile } = await backupModules()
  const { fileName, text } = backupFile(report)
  saveFile(text, fileName, 'application/json')
  return `已下载备份“${fileName}”`
}
