/**
 * X-AGG: a region's report (统计口径 本行政区域汇总) against the sum of its units, cell by cell;
 * and which units stand behind a finding on the summed report.
 */
import { listCells } from '../formats'
import { formatCellValue, formatOf, type Report } from '../report'
import type { Finding } from '../rules'
import { finding } from '../rules/util'
import { shownValue, type AggregateResult, type AggregateUnit } from './aggregate'

const names = (units: readonly AggregateUnit[], ids: readonly string[]) =>
  ids.map((id) => {
    const u = units.find((x) => x.id === id)!
    return `“${u.agencyName || u.source}”`
  })

/** Every cell where `region` differs from the sum of the included units: one X-AGG error each. */
export function checkAgainstUnits(region: Report, result: AggregateResult): Finding[] {
  const sum = result.report
  if (!sum) return []
  if (sum.formatId !== region.formatId || sum.meta.year !== region.meta.year) {
    return [
      finding(
        'X-AGG',
        [],
        `本报告是 ${region.meta.year} 年度的，所选单位汇总的是 ${sum.meta.year} 年度，无法逐栏核对`,
        { severity: 'info', section: 'meta' },
      ),
    ]
  }
  const count = result.units.filter((u) => u.included).length
  const out: Finding[] = []
  for (const cell of listCells(formatOf(region))) {
    const own = region.cells[cell.id] ?? null
    const total = sum.cells[cell.id] ?? null
    if (own === total || (own !== null && total !== null && Math.abs(own - total) < 5e-5)) continue
    const blanks = result.blanksByCell.get(cell.id) ?? []
    const diff =
      own !== null && total !== null ? `，相差 ${formatCellValue(Math.abs(own - total))}` : ''
    out.push(
      finding(
        'X-AGG',
        [cell.id],
        `${cell.name}：本报告填 ${shownValue(own)}，${count} 个单位合计 ${total === null ? '空白（各单位均未填写）' : formatCellValue(total)}${diff}${blanks.length ? `；此栏空白的单位：${names(result.units, blanks).join('、')}` : ''}`,
      ),
    )
  }
  return out
}

/**
 * The included units with a finding of the same rule on one of the same cells: who causes a
 * finding on the summed report, where that can be told.
 */
export function unitsBehind(f: Finding, result: AggregateResult): AggregateUnit[] {
  if (!f.cells.length) return []
  const cells = new Set(f.cells)
  return result.units.filter(
    (u) =>
      u.included &&
      u.findings.some((g) => g.ruleId === f.ruleId && g.cells.some((c) => cells.has(c))),
  )
}
