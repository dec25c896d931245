/**
 * Starting next year's draft from a finished report: meta copied with the year moved on, the
 * narrative empty, and 二、上年结转 filled per applicant column from 四、结转下年度继续办理 —
 * also from a 2019-layout 2020 report into the 2021 layout (the table 三 columns are the same).
 */
import { formatForYear } from './formats'
import { createReport, formatOf, recomputeTotals, type Report } from './report'
import { planOf } from './rules/plan'

export interface CarryOverResult {
  readonly report: Report
  /** Cell ids of the new draft that were filled from last year. */
  readonly carried: readonly string[]
}

export function carryOver(lastYear: Report, today = new Date()): CarryOverResult {
  const year = lastYear.meta.year + 1
  formatForYear(year, today) // throws UnsupportedYearError for a year the tool cannot start
  const meta = { ...lastYear.meta, year }
  delete meta.issuedOn // the new report is not issued yet
  const report = createReport(meta)
  const lastPlan = planOf(formatOf(lastYear))
  const carried: string[] = []
  for (const col of planOf(formatOf(report)).carry) {
    if (col.isTotal) continue
    const from = lastPlan.carry.find((c) => c.columnLabel === col.columnLabel)
    const value = from ? (lastYear.cells[from.carriedOver] ?? null) : null
    if (value === null) continue
    report.cells[col.carriedIn] = value
    carried.push(col.carriedIn)
  }
  report.cells = recomputeTotals(report)
  return { report, carried }
}

/**
 * Fills the open draft of the year after `lastYear` instead of starting a second one: 上年结转
 * per column and last year's agency information; the draft's own figures, text and 成文日期 stay.
 */
export function carryInto(open: Report, lastYear: Report, today = new Date()): CarryOverResult {
  const { report: fresh, carried } = carryOver(lastYear, today)
  if (fresh.formatId !== open.formatId || fresh.meta.year !== open.meta.year) {
    throw new Error(`当前草稿是 ${open.meta.year} 年度，不是 ${fresh.meta.year} 年度，不能填入`)
  }
  const cells = { ...open.cells }
  for (const id of carried) cells[id] = fresh.cells[id] ?? null
  const meta = { ...fresh.meta, ...(open.meta.issuedOn ? { issuedOn: open.meta.issuedOn } : {}) }
  const report: Report = { ...open, meta, cells }
  return { report: { ...report, cells: recomputeTotals(report) }, carried }
}
