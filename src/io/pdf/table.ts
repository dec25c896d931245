/**
 * Draws a format table from its printed grid (tableLayout) with merged cells, page by page.
 * jspdf-autotable cannot split a rowSpan group across pages, so the grid is drawn here: on a page
 * break the block's header rows are repeated and every merged row label that continues is drawn
 * again, with its full text, over the rows it covers on the new page.
 */
import { tableLayout, type LayoutCell, type TableSpec } from '../../domain'
import { baselineIn, MARGIN, PT, TEXT_BOTTOM, TEXT_WIDTH, type PageWriter } from './page'

const CELL_PT = 10.5 // 五号
const MIN_CELL_PT = 7
const LINE_FACTOR = 1.4
const PAD_X = 1.2
const PAD_Y = 1.6
const MIN_ROW = 8
/** Widths (mm) of the row-label columns by nesting depth; value columns share the rest. */
const STUB_WIDTHS: Record<number, readonly number[]> = {
  0: [],
  1: [38],
  // The outermost label column is one character wide: `三、本年度办理结果` reads top to bottom.
  3: [8, 20, 46],
}

const lineHeight = (sizePt: number) => sizePt * PT * LINE_FACTOR

export function columnWidths(table: TableSpec, columns: number): number[] {
  const stub = STUB_WIDTHS[table.stubDepth] ?? Array<number>(table.stubDepth).fill(30)
  const rest = (TEXT_WIDTH - stub.reduce((a, b) => a + b, 0)) / (columns - stub.length)
  return [...stub, ...Array<number>(columns - stub.length).fill(rest)]
}

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
  const sum = (rows: number[]) => rows.reduce((a, r) => a + heights[r]!, 0)

  let placed = new Map<number, Placed>()
  const flush = () => {
    drawPage(page, cells, placed, xs, textOf)
    placed = new Map()
  }
  const place = (row: number) => {
    placed.set(row, { y: page.y, height: heights[row]! })
    page.y += heights[row]!
  }
  const breakPage = () => {
    flush()
    page.newPage()
  }

  layout.rows.forEach((row, i) => {
    const firstOfBlock = i === 0 || layout.rows[i - 1]!.blockIndex !== row.blockIndex
    if (firstOfBlock) {
      // Keep a block's header rows with its first data row.
      const head = headRowsOf(row.blockIndex)
      const firstBody = head.at(-1)! + 1
      if (page.y + sum(head) + (heights[firstBody] ?? 0) > TEXT_BOTTOM) breakPage()
    }
    if (row.kind === 'body' && page.y + heights[i]! > TEXT_BOTTOM) {
      breakPage()
      headRowsOf(row.blockIndex).forEach(place)
    }
    place(i)
  })
  flush()
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
