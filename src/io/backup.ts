/**
 * JSON backup of a draft: exactly the Report the app stores, read back through restoreReport
 * (the same path as autosave and the Excel data sheet).
 */
import {
  reportTitle,
  restoreReport,
  summarizeExact,
  type ImportOutcome,
  type Report,
} from '../domain'
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
