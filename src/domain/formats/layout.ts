/**
 * The printed grid of a table — merged header cells, row-label columns, value cells — computed
 * from its TableSpec. The editor, the Excel sheet and the PDF all draw this same grid.
 */
import { cellId, columnLeaves } from './cells'
import {
  isColumnGroup,
  isRowGroup,
  type ColumnNode,
  type RowNode,
  type TableBlock,
  type TableSpec,
} from './types'

export type LayoutCellKind =
  'corner' | 'blockHeader' | 'columnHeader' | 'rowHeader' | 'value' | 'filler'

export interface LayoutCell {
  readonly kind: LayoutCellKind
  readonly text: string
  /** Set on value cells. */
  readonly cellId?: string
  /** Absolute grid position of the top-left corner, and the merge size. */
  readonly row: number
  readonly col: number
  readonly rowSpan: number
  readonly colSpan: number
  /** Nesting depth of a header (0 = outermost). */
  readonly depth?: number
}

export interface LayoutRow {
  readonly kind: 'head' | 'body'
  readonly blockIndex: number
  /** Only the cells that start in this row (cells covered by a merge are absent, as in HTML). */
  readonly cells: readonly LayoutCell[]
}

export interface TableLayout {
  readonly width: number
  readonly rows: readonly LayoutRow[]
}

const spanOf = (node: ColumnNode): number =>
  isColumnGroup(node) ? node.children.reduce((n, c) => n + spanOf(c), 0) : (node.span ?? 1)
const headDepth = (nodes: readonly ColumnNode[]): number =>
  Math.max(...nodes.map((n) => (isColumnGroup(n) ? 1 + headDepth(n.children) : 1)))
const leafCount = (node: RowNode): number =>
  isRowGroup(node) ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1

const layoutCache = new WeakMap<TableSpec, TableLayout>()

export function tableLayout(table: TableSpec): TableLayout {
  const cached = layoutCache.get(table)
  if (cached) return cached
  const valueWidth = Math.max(
    ...table.blocks.map((b) => b.columns.reduce((n, c) => n + spanOf(c), 0)),
  )
  const width = table.stubDepth + valueWidth
  const rows: { kind: 'head' | 'body'; blockIndex: number; cells: LayoutCell[] }[] = []

  table.blocks.forEach((block, blockIndex) => {
    const newRow: NewRow = (kind) => {
      const row = { kind, blockIndex, cells: [] as LayoutCell[] }
      rows.push(row)
      return { index: rows.length - 1, cells: row.cells }
    }
    if (block.header) {
      newRow('head').cells.push(cell('blockHeader', block.header, rows.length - 1, 0, 1, width))
    }
    layoutHeader(table, block, width, valueWidth, newRow)
    layoutBody(table, block, width, valueWidth, newRow)
  })
  const layout: TableLayout = Object.freeze({ width, rows })
  layoutCache.set(table, layout)
  return layout
}

function cell(
  kind: LayoutCellKind,
  text: string,
  row: number,
  col: number,
  rowSpan: number,
  colSpan: number,
  extra: Partial<LayoutCell> = {},
): LayoutCell {
  return { kind, text, row, col, rowSpan, colSpan, ...extra }
}

type NewRow = (kind: 'head' | 'body') => { index: number; cells: LayoutCell[] }

function layoutHeader(
  table: TableSpec,
  block: TableBlock,
  width: number,
  valueWidth: number,
  newRow: NewRow,
) {
  const depth = headDepth(block.columns)
  const headRows = Array.from({ length: depth }, () => newRow('head'))
  const firstRow = headRows[0]!.index
  if (table.stubDepth > 0) {
    const text = table.cornerNote ?? block.stubLabel ?? ''
    headRows[0]!.cells.push(cell('corner', text, firstRow, 0, depth, table.stubDepth))
  }
  const walk = (nodes: readonly ColumnNode[], level: number, col: number) => {
    for (const node of nodes) {
      const span = spanOf(node)
      const at = firstRow + level
      if (isColumnGroup(node)) {
        headRows[level]!.cells.push(
          cell('columnHeader', node.label, at, col, 1, span, { depth: level }),
        )
        walk(node.children, level + 1, col)
      } else {
        headRows[level]!.cells.push(
          cell('columnHeader', node.label, at, col, depth - level, span, { depth: level }),
        )
      }
      col += span
    }
  }
  walk(block.columns, 0, table.stubDepth)
  const used = block.columns.reduce((n, c) => n + spanOf(c), 0)
  if (used < valueWidth) {
    headRows[0]!.cells.push(
      cell('filler', '', firstRow, table.stubDepth + used, depth, width - table.stubDepth - used),
    )
  }
}

function layoutBody(
  table: TableSpec,
  block: TableBlock,
  width: number,
  valueWidth: number,
  newRow: NewRow,
) {
  const cols = columnLeaves(block.columns)
  const used = block.columns.reduce((n, c) => n + spanOf(c), 0)
  const walk = (nodes: readonly RowNode[], level: number, keys: readonly string[]) => {
    for (const node of nodes) {
      const nodeKeys = node.key ? [...keys, node.key] : keys
      if (isRowGroup(node)) {
        // The group label cell starts on the row of its first leaf and spans all its leaves.
        pendingGroups.push(
          cell('rowHeader', node.label, -1, level, leafCount(node), 1, { depth: level }),
        )
        walk(node.children, level + 1, nodeKeys)
        continue
      }
      const row = newRow('body')
      const at = row.index
      for (const group of pendingGroups.splice(0)) row.cells.push({ ...group, row: at })
      if (table.stubDepth > 0) {
        row.cells.push(
          cell('rowHeader', node.label, at, level, 1, table.stubDepth - level, { depth: level }),
        )
      }
      let col = table.stubDepth
      for (const c of cols) {
        const span = c.leaf.span ?? 1
        row.cells.push(
          cell('value', '', at, col, 1, span, { cellId: cellId(table.key, nodeKeys, c.keys) }),
        )
        col += span
      }
      if (used < valueWidth) row.cells.push(cell('filler', '', at, col, 1, width - col))
    }
  }
  const pendingGroups: LayoutCell[] = []
  walk(block.rows, 0, [])
}
