/**
 * A published report page (a saved .html, or page content pasted from the clipboard) → document
 * blocks. Portal pages wrap the article in layout tables, style everything inline, write `&nbsp;`
 * and `<br>` inside labels and numbers as `12件`; the data tables are the innermost tables and
 * everything else is read as paragraphs. Parsed with htmlparser2 (no DOMParser in workers); no
 * markup from the page is ever rendered — only its text is kept.
 */
import { parseDocument } from 'htmlparser2'
import type { DocumentBlock } from '../../domain'
import { childElements, isElement, placeCells, type DomElement, type DomNode } from './dom'

/** Elements that start a new line of text. */
const BLOCK = new Set(
  'address article aside blockquote body caption center dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
)
/** Elements whose content is not report text. */
const SKIPPED = new Set(
  'button embed head iframe math meta noscript object script select style svg template textarea title link'.split(
    ' ',
  ),
)
/** A cell longer than this is an article column of a layout table, not a table value. */
const MAX_DATA_CELL = 200

const collapse = (text: string) => text.replace(/[ \t\r\n\f]+/g, ' ')

/**
 * Walks nodes as a browser lays out text: `<br>` and block elements end a line, each non-empty line
 * goes to `line`. An element for which `claim` returns an action (a data table) ends the line, the
 * action runs, and the element is not entered.
 */
function walkLines(
  nodes: readonly DomNode[],
  line: (text: string) => void,
  claim: (el: DomElement) => (() => void) | undefined = () => undefined,
): void {
  let current = ''
  const flush = () => {
    const text = current.trim()
    if (text) line(text)
    current = ''
  }
  const walk = (node: DomNode) => {
    if (!isElement(node)) {
      if (node.type === 'text') current += collapse(node.data)
      return
    }
    if (SKIPPED.has(node.name)) return
    if (node.name === 'br') return flush()
    const claimed = claim(node)
    if (claimed) {
      flush()
      return claimed()
    }
    const block = BLOCK.has(node.name)
    if (block) flush()
    node.children.forEach(walk)
    if (block) flush()
  }
  nodes.forEach(walk)
  flush()
}

/** Lines of text inside an element. */
function textLines(el: DomElement): string[] {
  const lines: string[] = []
  walkLines(el.children, (text) => lines.push(text))
  return lines
}

const descendants = (el: DomElement, name: string): DomElement[] =>
  childElements(el).flatMap((c) => (c.name === name ? [c] : []).concat(descendants(c, name)))

/** Rows of this table only (not of tables nested in its cells). */
const ownRows = (table: DomElement) =>
  childElements(table).flatMap((c) =>
    c.name === 'tr'
      ? [c]
      : ['thead', 'tbody', 'tfoot'].includes(c.name)
        ? childElements(c, 'tr')
        : [],
  )
const ownCells = (tr: DomElement) =>
  childElements(tr).filter((c) => c.name === 'td' || c.name === 'th')

function isLayoutTable(table: DomElement): boolean {
  if (descendants(table, 'table').length) return true
  const rows = ownRows(table)
  if (Math.max(0, ...rows.map((r) => ownCells(r).length)) <= 1) return true
  return rows.some((r) => ownCells(r).some((c) => textLines(c).join('').length > MAX_DATA_CELL))
}

const span = (el: DomElement, name: string) => {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10)
  return Number.isFinite(n) && n > 0 ? n : 1
}

function tableGrid(table: DomElement, name: string) {
  const rows = ownRows(table).map((tr) =>
    ownCells(tr).map((td) => ({
      text: textLines(td).join('\n'),
      rowSpan: span(td, 'rowspan'),
      colSpan: span(td, 'colspan'),
    })),
  )
  return { name, ...placeCells(rows) }
}

/** The blocks of an HTML page or fragment. */
export function readHtml(html: string): DocumentBlock[] {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  })
  const blocks: DocumentBlock[] = []
  walkLines(
    doc.children,
    (text) => blocks.push({ kind: 'paragraph', text }),
    (el) =>
      el.name === 'table' && !isLayoutTable(el)
        ? () => {
            const count = blocks.filter((b) => b.kind === 'table').length
            blocks.push({ kind: 'table', grid: tableGrid(el, `网页第${count + 1}个表格`) })
          }
        : undefined,
  )
  return blocks
}
