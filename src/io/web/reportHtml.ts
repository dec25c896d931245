/**
 * The report as a web page: one fragment with inline styles only (borders, merges, widths,
 * alignment), so it survives being pasted into a site's CMS editor (UEditor, KindEditor,
 * TinyMCE keep inline styles and drop <style> blocks), and the same fragment as a standalone
 * page. Every text from the report is escaped; the page has no script.
 */
import { reportTitle, tableLayout, type Report, type TableSpec } from '../../domain'
import { reportContent, type ReportContent } from '../pdf/content'
import { safeFileName } from '../fileName'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

const BODY_FONT = "font-family:'仿宋_GB2312','仿宋',FangSong,STFangsong,serif"
const TITLE_FONT = "font-family:'方正小标宋简体','宋体',SimSun,STSong,serif"
const HEADING_FONT = "font-family:'黑体',SimHei,STHeiti,sans-serif"
const CELL = 'border:1px solid #000;padding:4px 6px;vertical-align:middle;word-break:break-all'
const PARAGRAPH = 'margin:0;text-indent:2em;text-align:justify;line-height:1.8'

/** Relative widths of a table's columns: row-label columns wider, deeper ones widest. */
export function columnWeights(table: TableSpec): number[] {
  const { width } = tableLayout(table)
  const stub = [1, 1.2, 2.3].slice(0, table.stubDepth)
  const stubShare = table.stubDepth === 1 ? 2 : 1
  return Array.from({ length: width }, (_, col) =>
    col < table.stubDepth ? stub[col]! * stubShare : 1,
  )
}

function tableHtml(table: TableSpec, values: ReadonlyMap<string, string>): string {
  const layout = tableLayout(table)
  const weights = columnWeights(table)
  const sum = weights.reduce((a, b) => a + b, 0)
  const cols = weights.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%">`).join('')
  const rows = layout.rows.map((row) => {
    const cells = row.cells.map((cell) => {
      const spans =
        (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
        (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '')
      const align = cell.kind === 'rowHeader' ? 'left' : 'center'
      const text = cell.cellId ? (values.get(cell.cellId) ?? '') : cell.text
      const tag = row.kind === 'head' ? 'th' : 'td'
      const weight = row.kind === 'head' ? ';font-weight:normal' : ''
      return `<${tag}${spans} style="${CELL};text-align:${align}${weight}">${escapeHtml(text)}</${tag}>`
    })
    return `<tr>${cells.join('')}</tr>`
  })
  return (
    `<table style="border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:10.5pt;line-height:1.4;${BODY_FONT}">` +
    `<colgroup>${cols}</colgroup><tbody>${rows.join('')}</tbody></table>`
  )
}

/** `（一）主动公开。` at a paragraph's start: a second-level heading, printed in 楷体. */
const SUBHEADING = /^（[一二三四五六七八九十]{1,3}）[^。！？]{1,30}[。！？]/u

function paragraphHtml(text: string): string {
  const sub = SUBHEADING.exec(text)?.[0]
  const lead = sub
    ? `<span style="font-family:'楷体_GB2312','楷体',KaiTi,STKaiti,serif">${escapeHtml(sub)}</span>`
    : ''
  return `<p style="${PARAGRAPH}">${lead}${escapeHtml(text.slice(sub?.length ?? 0))}</p>`
}

function fragment(content: ReportContent): string {
  const parts = [
    `<h1 style="margin:0 0 24px;text-align:center;font-size:22pt;font-weight:normal;line-height:1.5;${TITLE_FONT}">${escapeHtml(content.title)}</h1>`,
  ]
  for (const block of content.blocks) {
    if (block.kind === 'heading') {
      parts.push(
        `<h2 style="margin:0;text-indent:2em;font-size:16pt;font-weight:normal;line-height:1.8;${HEADING_FONT}">${escapeHtml(block.text)}</h2>`,
      )
    } else if (block.kind === 'paragraph') {
      parts.push(paragraphHtml(block.text))
    } else {
      parts.push(tableHtml(block.table, block.values))
    }
  }
  const signature = `margin:0;text-align:right;line-height:1.8`
  parts.push(
    `<p style="${signature};margin-top:3.6em;padding-right:2em">${escapeHtml(content.signature.name)}</p>`,
    `<p style="${signature};padding-right:4em">${escapeHtml(content.signature.date)}</p>`,
  )
  return `<div style="max-width:794px;margin:0 auto;font-size:16pt;color:#000;${BODY_FONT}">${parts.join('\n')}</div>`
}

/** The whole report as an HTML fragment for the clipboard (`text/html`). */
export const reportHtmlFragment = (report: Report): string => fragment(reportContent(report))

/** The same report as plain text (`text/plain`): tables as tab-separated rows. */
export function reportPlainText(report: Report): string {
  const content = reportContent(report)
  const lines = [content.title, '']
  for (const block of content.blocks) {
    if (block.kind === 'heading') lines.push(block.text)
    else if (block.kind === 'paragraph') lines.push(`\u3000\u3000${block.text}`)
    else {
      const layout = tableLayout(block.table)
      for (const row of layout.rows) {
        lines.push(
          row.cells.map((c) => (c.cellId ? (block.values.get(c.cellId) ?? '') : c.text)).join('\t'),
        )
      }
      lines.push('')
    }
  }
  lines.push('', content.signature.name, content.signature.date)
  return lines.join('\n')
}

/** A standalone page: valid HTML, `lang="zh-CN"`, no script, every style inline. */
export function standaloneHtml(report: Report): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(report.meta))}</title>`,
    '</head>',
    '<body style="margin:24px">',
    reportHtmlFragment(report),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

export const webFileName = (report: Report) => safeFileName(`${reportTitle(report.meta)}.html`)
