/**
 * Small builders for reports written as data (the built-in sample, test fixtures): fill a row's
 * part cells in column order, then let the model compute the declared totals.
 */
import { listCells } from '../formats'
import { formatOf, recomputeTotals, type Report } from '../report'

/**
 * Sets the non-total cells of each row, in the column order of the format. A row is named by its
 * cell-id prefix without the column key, e.g. `t3.withheld.stateSecret`, `t2.licensing` or
 * `t4.review` (table 四's column groups).
 */
export function fillRows(report: Report, rows: Readonly<Record<string, readonly number[]>>): void {
  const cells = listCells(formatOf(report))
  for (const [prefix, values] of Object.entries(rows)) {
    const parts = cells.filter(
      (c) =>
        !c.isTotal && c.id.startsWith(prefix + '.') && !c.id.slice(prefix.length + 1).includes('.'),
    )
    if (parts.length !== values.length) {
      throw new Error(`${prefix}: ${values.length} values for ${parts.length} cells`)
    }
    parts.forEach((c, i) => (report.cells[c.id] = values[i]!))
  }
}

/** Fills rows, then recomputes every declared total (all tables). */
export function withRows(
  report: Report,
  rows: Readonly<Record<string, readonly number[]>>,
): Report {
  fillRows(report, rows)
  report.cells = recomputeTotals(report, ['t2', 't3', 't4'])
  return report
}
