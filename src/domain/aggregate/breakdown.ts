/**
 * 「导出明细」: the breakdown the office keeps — one row per summed unit, one column per cell of
 * the format, and the totals row. Plain rows; the Excel adapter writes them.
 */
import { listCells } from '../formats'
import { formatOf } from '../report'
import { UNIT_STATUS_LABELS, type AggregateResult } from './aggregate'

export type BreakdownValue = string | number | null

export interface Breakdown {
  /** Row 1: column titles (the cells' full names); row 2: the stable cell ids. */
  readonly header: readonly (readonly string[])[]
  readonly rows: readonly (readonly BreakdownValue[])[]
  readonly totals: readonly BreakdownValue[]
}

const LEAD = ['机关名称', '文件', '状态'] as const

export function breakdownRows(result: AggregateResult): Breakdown | null {
  const sum = result.report
  if (!sum) return null
  const cells = listCells(formatOf(sum))
  const rows = result.units
    .filter((u) => u.included)
    .map((u) => {
      const unitCells = result.reports.get(u.id)!.cells
      return [
        u.agencyName,
        u.source,
        UNIT_STATUS_LABELS[u.status],
        ...cells.map((c) => unitCells[c.id] ?? null),
      ]
    })
  return {
    header: [
      [...LEAD, ...cells.map((c) => c.name)],
      [...LEAD.map(() => ''), ...cells.map((c) => c.id)],
    ],
    rows,
    totals: ['合计', `${rows.length} 个单位`, '', ...cells.map((c) => sum.cells[c.id] ?? null)],
  }
}
