/**
 * Print geometry shared by the PDF and the Excel export, so both print the tables alike: the A4
 * page with GB/T 9704 margins (text area 156 × 225 mm) and the widths of a table's columns.
 * Lengths in millimetres.
 */
import type { TableSpec } from '../domain'

export const PAGE = { width: 210, height: 297 } as const
export const MARGIN = { top: 37, left: 28, right: 26, bottom: 35 } as const
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const TEXT_BOTTOM = PAGE.height - MARGIN.bottom

/** Widths of the row-label columns by nesting depth; value columns share the rest. */
const STUB_WIDTHS: Record<number, readonly number[]> = {
  0: [],
  1: [38],
  // The outermost label column is one character wide: `三、本年度办理结果` reads top to bottom.
  3: [8, 20, 46],
}

/** Column widths of a table printed `columns` wide across the text area. */
export function columnWidths(table: TableSpec, columns: number): number[] {
  const stub = STUB_WIDTHS[table.stubDepth] ?? Array<number>(table.stubDepth).fill(30)
  const rest = (TEXT_WIDTH - stub.reduce((a, b) => a + b, 0)) / (columns - stub.length)
  return [...stub, ...Array<number>(columns - stub.length).fill(rest)]
}
