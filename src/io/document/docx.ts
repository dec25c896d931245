/**
 * A Word (.docx, also as saved by WPS) report → document blocks. The OOXML is unzipped with
 * fflate and parsed with htmlparser2 in XML mode (workers have no DOMParser); only the main
 * document part is read.
 */
import { strFromU8, unzipSync } from 'fflate'
import { parseDocument } from 'htmlparser2'
import type { DocumentBlock } from '../../domain'
import {
  childElements,
  isElement,
  placeCells,
  type DomElement,
  type DomNode,
  type PlacedCell,
} from './dom'

const DOCUMENT_PART = 'word/document.xml'
/** An unpacked document.xml above this is a zip bomb, not a report (real ones are < 2 MB). */
const MAX_PART_BYTES = 64 * 1024 * 1024

/** Parts that hold text we do not want inline: drawings' own copies, deleted text, field codes. */
const SKIPPED = new Set([
  'w:drawing',
  'w:pict',
  'mc:AlternateContent',
  'w:del',
  'w:instrText',
  'w:footnoteReference',
])

function runText(node: DomNode, out: string[]) {
  if (!isElement(node) || SKIPPED.has(node.name)) return
  switch (node.name) {
    case 'w:t':
      for (const c of node.children) if ('data' in c && c.type === 'text') out.push(c.data)
      return
    case 'w:tab':
      out.push('\t')
      return
    case 'w:br':
    case 'w:cr':
      out.push('\n')
      return
    case 'w:tbl':
      return
  }
  for (const c of node.children) runText(c, out)
}

const paragraphText = (p: DomElement) => {
  const out: string[] = []
  runText(p, out)
  return out.join('')
}

const attr = (el: DomElement | undefined, name: string) => el?.attribs[name]
const property = (el: DomElement, pr: string, name: string) =>
  childElements(el, pr).flatMap((p) => childElements(p, name))[0]

/** Text of a table cell: its paragraphs (and any nested table's) one per line. */
function cellText(tc: DomElement): string {
  const lines: string[] = []
  const walk = (el: DomElement) => {
    for (const c of childElements(el)) {
      if (c.name === 'w:p') lines.push(paragraphText(c))
      else if (
        c.name === 'w:tbl' ||
        c.name === 'w:tr' ||
        c.name === 'w:tc' ||
        c.name === 'w:sdt' ||
        c.name === 'w:sdtContent'
      )
        walk(c)
    }
  }
  walk(tc)
  return lines.join('\n').trim()
}

/** Cells of a row, descending into content controls. */
const rowCells = (tr: DomElement): DomElement[] =>
  childElements(tr).flatMap((c) =>
    c.name === 'w:tc'
      ? [c]
      : c.name === 'w:sdt'
        ? childElements(c, 'w:sdtContent').flatMap(rowCells)
        : [],
  )
const tableRows = (tbl: DomElement): DomElement[] =>
  childElements(tbl).flatMap((c) =>
    c.name === 'w:tr'
      ? [c]
      : c.name === 'w:sdt'
        ? childElements(c, 'w:sdtContent').flatMap(tableRows)
        : [],
  )

/** `w:vMerge` without a value continues the merge above; `restart` starts one. */
function tableGrid(tbl: DomElement, name: string) {
  const rows = tableRows(tbl)
  const raw = rows.map((tr) => {
    let col = Number(attr(property(tr, 'w:trPr', 'w:gridBefore'), 'w:val') ?? 0) || 0
    const before = col
    const cells = rowCells(tr).map((tc) => {
      const span = Number(attr(property(tc, 'w:tcPr', 'w:gridSpan'), 'w:val') ?? 1) || 1
      const vMerge = property(tc, 'w:tcPr', 'w:vMerge')
      const cell = {
        col,
        span,
        text: cellText(tc),
        merge: vMerge ? (attr(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue') : 'none',
      }
      col += span
      return cell
    })
    return { before, cells }
  })
  // Vertical merges → row spans on the cell that starts them.
  const placed: PlacedCell[][] = raw.map((row, r) =>
    row.cells.flatMap((cell) => {
      if (cell.merge === 'continue' && r > 0) return []
      let rowSpan = 1
      if (cell.merge === 'restart') {
        while (raw[r + rowSpan]?.cells.some((c) => c.col === cell.col && c.merge === 'continue'))
          rowSpan++
      }
      return [{ text: cell.text, rowSpan, colSpan: cell.span }]
    }),
  )
  return {
    name,
    ...placeCells(
      placed,
      raw.map((r) => r.before),
    ),
  }
}

const hasNestedTable = (tbl: DomElement): boolean =>
  tableRows(tbl).some((tr) =>
    rowCells(tr).some((tc) => childElements(tc).some((c) => c.name === 'w:tbl')),
  )

function bodyBlocks(body: DomElement): DocumentBlock[] {
  const blocks: DocumentBlock[] = []
  const walk = (el: DomElement) => {
    for (const c of childElements(el)) {
      if (c.name === 'w:p') {
        // A line break inside a paragraph ends a line of the text as a new paragraph would.
        for (const line of paragraphText(c).split('\n'))
          blocks.push({ kind: 'paragraph', text: line })
      } else if (c.name === 'w:tbl' && hasNestedTable(c)) {
        // A layout table around the report's tables: its cells are read as the body is.
        for (const tr of tableRows(c)) for (const tc of rowCells(tr)) walk(tc)
      } else if (c.name === 'w:tbl') {
        blocks.push({
          kind: 'table',
          grid: tableGrid(c, `第${blocks.filter((b) => b.kind === 'table').length + 1}个表格`),
        })
      } else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') {
        walk(c)
      }
    }
  }
  walk(body)
  return blocks
}

/** True for a zip that holds a Word document (rather than a workbook). */
export function isWordZip(bytes: Uint8Array): boolean {
  let found = false
  try {
    // Only the directory is read: no entry is unpacked.
    unzipSync(bytes, {
      filter: (f) => {
        found ||= f.name === DOCUMENT_PART
        return false
      },
    })
  } catch {
    return false
  }
  return found
}

/** The blocks of a .docx; throws when the file is not a readable Word document. */
export function readDocx(bytes: Uint8Array): DocumentBlock[] {
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (f.name !== DOCUMENT_PART) return false
      if (f.originalSize > MAX_PART_BYTES) throw new Error('document part too large')
      return true
    },
  })
  const part = files[DOCUMENT_PART]
  if (!part) throw new Error('no word/document.xml')
  const doc = parseDocument(strFromU8(part), { xmlMode: true })
  const body = childElements(doc, 'w:document').flatMap((d) => childElements(d, 'w:body'))[0]
  if (!body) throw new Error('no w:body')
  return bodyBlocks(body)
}
