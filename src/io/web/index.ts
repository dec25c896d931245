/**
 * 「复制网页版」 and 「导出网页」: the report as inline-styled HTML for a site's CMS editor. The
 * builder is loaded on first use, so none of it is in the entry chunk.
 */
import type { Report } from '../../domain'
import { saveFile } from '../fileName'

/** Copies the report as `text/html` plus `text/plain`; resolves false when the browser refuses. */
export async function copyWebVersion(report: Report): Promise<boolean> {
  const { reportHtmlFragment, reportPlainText } = await import('./reportHtml')
  const html = reportHtmlFragment(report)
  const text = reportPlainText(report)
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ])
      return true
    } catch {
      // Permission refused or no user activation left: try the copy event below.
    }
  }
  let copied = false
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/html', html)
    event.clipboardData?.setData('text/plain', text)
    event.preventDefault()
    copied = Boolean(event.clipboardData)
  }
  document.addEventListener('copy', onCopy)
  try {
    document.execCommand('copy')
  } finally {
    document.removeEventListener('copy', onCopy)
  }
  return copied
}

/** Downloads the standalone page; returns the file name. */
export async function exportWebPage(report: Report): Promise<string> {
  const { standaloneHtml, webFileName } = await import('./reportHtml')
  const fileName = webFileName(report)
  saveFile(standaloneHtml(report), fileName, 'text/html;charset=utf-8')
  return fileName
}
