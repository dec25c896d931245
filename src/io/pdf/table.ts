/**
 * Draws a format table from its printed grid (tableLayout) with merged cells, page by page.
 * jspdf-autotable cannot split a rowSpan group across pages, so the grid is drawn here: on a page
 * break the block's header rows are repeated and every merged row label that continues is drawn
 * again, with its full text, over the rows it covers on the new page. Numbers are centred, as in
 * printed reports.
 */
import { tableLayout, type LayoutCell, type TableLayout, type TableSpec } from '../../domain'
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

/** A table measured for the page: its grid, column positions and row heights. */
export interface MeasuredTable {
  readonly cells: readonly LayoutCell[]
  readonly rows: TableLayout['rows']
  readonly xs: readonly number[]
  readonly heights: readonly number[]
  readonly textOf: (cell: LayoutCell) => string
  /** Height of the first block's header rows and first data row: what must follow a heading. */
  readonly startHeight: number
}

export function measureTable(
  page: PageWriter,
  table: TableSpec,
  values: ReadonlyMap<string, string>,
): MeasuredTable {
  const layout = tableLayout(table)
  const widths = columnWidths(table, layout.width)
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [MARGIN.left])
  const cells = layout.rows.flatMap((row) => row.cells)
  const textOf = (cell: LayoutCell) => (cell.cellId ? (values.get(cell.cellId) ?? '') : cell.text)
  const innerWidth = (cell: LayoutCell) => xs[cell.col + cell.colSpan]! - xs[cell.col]! - 2 * PAD_X

  page.use('normal', CELL_PT)
  const need = (cell: LayoutCell) =>
    page.lines(textOf(cell), innerWidth(cell)).length * lineHeight(CELL_PT) + 2 * PAD_Y

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
  const firstBody = layout.rows.findIndex((r) => r.kind === 'body')
  const startHeight = heights.slice(0, firstBody + 1).reduce((a, b) => a + b, 0)
  return { cells, rows: layout.rows, xs, heights, textOf, startHeight }
}

/**
 * Draws a measured table from the cursor on. A page break falls between rows wherever the page
 * is full: a merged row label that runs on is drawn on both pages (in full on the new one), a
 * block's header rows are repeated, and a block never starts on a page without its first row.
 */
export function drawTable(page: PageWriter, table: MeasuredTable): void {
  const { cells, rows, xs, heights, textOf } = table
  const headRowsOf = (block: number) =>
    rows.flatMap((row, i) => (row.kind === 'head' && row.blockIndex === block ? [i] : []))
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0)

  let placed = new Map<number, Placed>()
  const place = (row: number) => {
    placed.set(row, { y: page.y, height: heights[row]! })
    page.y += heights[row]!
  }
  const newPage = () => {
    drawPage(page, cells, placed, xs, textOf)
    placed = new Map()
    page.newPage()
  }

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const firstOfBlock = i === 0 || rows[i - 1]!.blockIndex !== row.blockIndex
    if (firstOfBlock) {
      // Keep a block's header rows with its first data row.
      const head = headRowsOf(row.blockIndex)
      if (page.y + sum(head[0]!, head.at(-1)! + 2) > TEXT_BOTTOM + 0.01) newPage()
    }
    if (row.kind === 'body' && page.y + heights[i]! > TEXT_BOTTOM + 0.01) {
      newPage()
      headRowsOf(row.blockIndex).forEach(place)
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
  // A merged label cut short by a page break shrinks rather than loses text; a part too short
  // even for the smallest size stays blank (the label prints whole on the other page).
  let size = CELL_PT
  page.use('normal', size)
  let lines = page.lines(text, width - 2 * PAD_X)
  const fits = () => lines.length * lineHeight(size) <= height - PAD_Y
  while (size > MIN_CELL_PT && !fits()) {
    size -= 0.5
    page.use('normal', size)
    lines = page.lines(text, width - 2 * PAD_X)
  }
  if (!fits() && cell.rowSpan > 1) return
  const pitch = lineHeight(size)
  const align = cell.kind === 'rowHeader' && cell.rowSpan === 1 ? 'left' : 'center'
  let y = top + (height - lines.length * pitch) / 2
  for (const line of lines) {
    const lx = align === 'left' ? x + PAD_X : x + (width - line.width) / 2
    page.doc.text(line.text, lx, baselineIn(y, pitch, size))
    y += pitch
  }
}
