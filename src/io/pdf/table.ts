/**
 * Draws a format table from its printed grid (tableLayout) with merged cells, page by page.
 * jspdf-autotable cannot split a rowSpan group across pages, so the grid is drawn here: on a page
 * break the block's header rows are repeated and every merged row label that continues is drawn
 * again, with its full text, over the rows it covers on the new page.
 */
import { tableLayout, type LayoutCell, type TableSpec } from '../../domain'
import { columnWidths, MARGIN, TEXT_BOTTOM } from '../printGeometry'
import { baselineIn, PT, type PageWriter } from './page'

const CELL_PT = 10.5 // 五号
const MIN_CELL_PT = 7
const LINE_FACTOR = 1.4
const PAD_X = 1.2
const PAD_Y = 1.6
const MIN_ROW = 8
const lineHeight = (sizePt: number) => sizePt * PT * LINE_FACTOR

interface Placed {
  readonly y: number
  readonly height: number
}

export function drawTable(
  page: PageWriter,
  table: TableSpec,
  values: ReadonlyMap<string, string>,
): void {
  const layout = tableLayout(table)
  const widths = columnWidths(table, layout.width)
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [MARGIN.left])
  const cells = layout.rows.flatMap((row) => row.cells)
  const textOf = (cell: LayoutCell) => (cell.cellId ? (values.get(cell.cellId) ?? '') : cell.text)
  const innerWidth = (cell: LayoutCell) => xs[cell.col + cell.colSpan]! - xs[cell.col]! - 2 * PAD_X

  page.use('normal', CELL_PT)
  const linesOf = (cell: LayoutCell) => page.lines(textOf(cell), innerWidth(cell))
  const need = (cell: LayoutCell) => linesOf(cell).length * lineHeight(CELL_PT) + 2 * PAD_Y

  // Row heights: single-row cells first, then merged cells stretch the rows they cover.
  const heights = layout.rows.map((row) =>
    Math.max(MIN_ROW, ...row.cells.filter((c) => c.rowSpan === 1).map(need)),
  )
  for (const cell of cells.filter((c) => c.rowSpan > 1)) {
    const covered = heights.slice(cell.row, cell.row + cell.rowSpan)
    const deficit = need(cell) - covered.reduce((a, b) => a + b, 0)
    if (deficit > 0) {
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) heights[r]! += deficit / cell.rowSpan
    }
  }

  const headRowsOf = (block: number) =>
    layout.rows.flatMap((row, i) => (row.kind === 'head' && row.blockIndex === block ? [i] : []))
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0)
  const groups = cells.filter((c) => c.kind === 'rowHeader' && c.rowSpan > 1)

  /**
   * Where to break before row `at`: earlier, at the start of a merged label, when either part of
   * the label would be too short for its text — unless the label began on this page's first row.
   */
  const breakBefore = (at: number, firstOnPage: number) => {
    let row = at
    for (let moved = true; moved;) {
      moved = false
      for (const g of groups) {
        const end = g.row + g.rowSpan
        if (g.row >= row || row >= end || g.row <= firstOnPage) continue
        if (Math.min(sum(g.row, row), sum(row, end)) < need(g)) {
          row = g.row
          moved = true
        }
      }
    }
    return row
  }

  let placed = new Map<number, Placed>()
  let firstOnPage = 0
  const place = (row: number) => {
    placed.set(row, { y: page.y, height: heights[row]! })
    page.y += heights[row]!
  }
  const newPage = () => {
    drawPage(page, cells, placed, xs, textOf)
    placed = new Map()
    page.newPage()
  }

  for (let i = 0; i < layout.rows.length; i++) {
    const row = layout.rows[i]!
    const firstOfBlock = i === 0 || layout.rows[i - 1]!.blockIndex !== row.blockIndex
    if (firstOfBlock) {
      // Keep a block's header rows with its first data row.
      const head = headRowsOf(row.blockIndex)
      if (page.y + sum(head[0]!, head.at(-1)! + 2) > TEXT_BOTTOM) newPage()
      firstOnPage = head.at(-1)! + 1
    }
    if (row.kind === 'body' && page.y + heights[i]! > TEXT_BOTTOM) {
      const at = breakBefore(i, firstOnPage)
      for (let r = at; r < i; r++) placed.delete(r) // they move to the next page
      newPage()
      headRowsOf(row.blockIndex).forEach(place)
      firstOnPage = i = at
    }
    place(i)
  }
  drawPage(page, cells, placed, xs, textOf)
}

/** Draws every cell that covers a row placed on this page, clipped to the rows placed here. */
function drawPage(
  page: PageWriter,
  cells: readonly LayoutCell[],
  placed: ReadonlyMap<number, Placed>,
  xs: readonly number[],
  textOf: (cell: LayoutCell) => string,
) {
  const { doc } = page
  doc.setLineWidth(0.25)
  for (const cell of cells) {
    const rows: Placed[] = []
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      const at = placed.get(r)
      if (at) rows.push(at)
    }
    if (rows.length === 0) continue
    const x = xs[cell.col]!
    const width = xs[cell.col + cell.colSpan]! - x
    const top = rows[0]!.y
    const height = rows.at(-1)!.y + rows.at(-1)!.height - top
    doc.rect(x, top, width, height, 'S')
    const text = textOf(cell)
    if (text) drawCellText(page, cell, text, x, top, width, height)
  }
}

function drawCellText(
  page: PageWriter,
  cell: LayoutCell,
  text: string,
  x: number,
  top: number,
  width: number,
  height: number,
) {
  // A merged label cut short by a page break shrinks rather than loses text.
  let size = CELL_PT
  page.use('normal', size)
  let lines = page.lines(text, width - 2 * PAD_X)
  while (size > MIN_CELL_PT && lines.length * lineHeight(size) > height - PAD_Y) {
    size -= 0.5
    page.use('normal', size)
    lines = page.lines(text, width - 2 * PAD_X)
  }
  const pitch = lineHeight(size)
  const align =
    cell.kind === 'value'
      ? 'right'
      : cell.kind === 'rowHeader' && cell.rowSpan === 1
        ? 'left'
        : 'center'
  let y = top + (height - lines.length * pitch) / 2
  for (const line of lines) {
    const lx =
      align === 'right'
        ? x + width - PAD_X - line.width
        : align === 'left'
          ? x + PAD_X
          : x + (width - line.width) / 2
    page.doc.text(line.text, lx, baselineIn(y, pitch, size))
    y += pitch
  }
}
