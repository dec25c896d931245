/**
 * Keyboard geometry of a printed table: where the value cells sit in the layout grid, and which
 * cell an arrow key, Enter or Tab reaches from another. Pure, so it is tested without a DOM.
 */
import type { TableLayout } from '../../domain'

export interface CellPosition {
  readonly cellId: string
  /** Layout row and first layout column of the cell, and its width in layout columns. */
  readonly row: number
  readonly col: number
  readonly colSpan: number
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'rowStart' | 'rowEnd' | 'first' | 'last'

export interface GridMap {
  readonly positions: ReadonlyMap<string, CellPosition>
  /** Value cells per layout row that has any, top to bottom; each row left to right. */
  readonly rows: readonly (readonly CellPosition[])[]
  /** All value cell ids in reading order. */
  readonly order: readonly string[]
}

const cache = new WeakMap<TableLayout, GridMap>()

export function gridMap(layout: TableLayout): GridMap {
  const cached = cache.get(layout)
  if (cached) return cached
  const rows: CellPosition[][] = []
  for (const row of layout.rows) {
    const cells = row.cells
      .filter((c) => c.kind === 'value' && c.cellId)
      .map((c) => ({ cellId: c.cellId!, row: c.row, col: c.col, colSpan: c.colSpan }))
      .sort((a, b) => a.col - b.col)
    if (cells.length) rows.push(cells)
  }
  const positions = new Map(rows.flat().map((p) => [p.cellId, p]))
  const map: GridMap = { positions, rows, order: rows.flat().map((p) => p.cellId) }
  cache.set(layout, map)
  return map
}

/** The cell of `row` covering layout column `col`, or the nearest one to its left. */
function cellAtColumn(row: readonly CellPosition[], col: number): CellPosition {
  return (
    row.find((p) => col >= p.col && col < p.col + p.colSpan) ??
    [...row].reverse().find((p) => p.col <= col) ??
    row[0]!
  )
}

/** The cell reached from `cellId` by `move`, or null at the edge of the table. */
export function moveFrom(map: GridMap, cellId: string, move: Move): string | null {
  const from = map.positions.get(cellId)
  if (!from) return map.order[0] ?? null
  const rowIndex = map.rows.findIndex((r) => r.some((p) => p.cellId === cellId))
  const row = map.rows[rowIndex]!
  const colIndex = row.findIndex((p) => p.cellId === cellId)
  switch (move) {
    case 'left':
      return row[colIndex - 1]?.cellId ?? null
    case 'right':
      return row[colIndex + 1]?.cellId ?? null
    case 'up':
    case 'down': {
      const next = map.rows[rowIndex + (move === 'up' ? -1 : 1)]
      return next ? cellAtColumn(next, from.col).cellId : null
    }
    case 'rowStart':
      return row[0]!.cellId
    case 'rowEnd':
      return row.at(-1)!.cellId
    case 'first':
      return map.order[0] ?? null
    case 'last':
      return map.order.at(-1) ?? null
  }
}

/**
 * Enter (Shift+Enter backwards): one row down (up), except that from the last cell of a row that
 * can be typed (`typable`: computed totals cannot) it goes to the first such cell of the next row,
 * and from the first back to the last of the row above, as Excel does after typing across a row.
 * Null at the edge of the table.
 */
export function enterFrom(
  map: GridMap,
  cellId: string,
  backwards = false,
  typable: (cellId: string) => boolean = () => true,
): string | null {
  const rowIndex = map.rows.findIndex((r) => r.some((p) => p.cellId === cellId))
  if (rowIndex < 0) return map.order[0] ?? null
  const typed = (i: number) => map.rows[i]?.filter((p) => typable(p.cellId)) ?? []
  const row = typed(rowIndex)
  const step = backwards ? -1 : 1
  const edge = backwards ? row[0] : row.at(-1)
  if (edge?.cellId === cellId) {
    for (let i = rowIndex + step; i >= 0 && i < map.rows.length; i += step) {
      const next = typed(i)
      if (next.length) return (backwards ? next.at(-1) : next[0])!.cellId
    }
    return null
  }
  return moveFrom(map, cellId, backwards ? 'up' : 'down')
}

/**
 * Where a pasted block lands: row i of the block goes i rows down from the start cell, column j
 * j cells to the right. Values that fall outside the table are counted, not placed.
 */
export function pasteTargets(
  map: GridMap,
  startId: string,
  block: readonly (readonly string[])[],
): { entries: [cellId: string, text: string][]; blockRow: Map<string, number>; outside: number } {
  const entries: [string, string][] = []
  /** The block row (1-based, as the clerk counts) each placed value came from. */
  const blockRow = new Map<string, number>()
  let outside = 0
  let rowStart: string | null = startId
  for (const [i, values] of block.entries()) {
    let target: string | null = rowStart
    for (const text of values) {
      if (target) {
        entries.push([target, text])
        blockRow.set(target, i + 1)
      } else outside++
      target = target && moveFrom(map, target, 'right')
    }
    rowStart = rowStart && moveFrom(map, rowStart, 'down')
  }
  return { entries, blockRow, outside }
}
