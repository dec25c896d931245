/** 「导出 Word」: the docx writer (and the `docx` package) load on first use only. */
import type { Report } from '../../domain'
import { saveFile } from '../fileName'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Builds the .docx and hands it to the browser's download; returns the file name. */
export async function exportWord(report: Report): Promise<string> {
  const { writeDocx, wordFileName } = await import('./docx')
  const fileName = wordFileName(report)
  saveFile(await writeDocx(report), fileName, DOCX_TYPE)
  return fileName
}
