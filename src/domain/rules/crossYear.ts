/** Checks against last year's report of the same body and scope (rules.md §6, format.md §3.4). */
import type { Finding } from './types'
import { stockRows } from './table2'
import { finding, num, valueOf, type Check } from './util'

/** 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column (also from 2019 to 2021). */
export const checkCarryFromLastYear: Check = ({ report, plan, lastYear, lastPlan }) => {
  if (!lastYear || !lastPlan) return []
  const mismatches = (totals: boolean) =>
    plan.carry
      .filter((c) => c.isTotal === totals)
      .flatMap((col): Finding[] => {
        const last = lastPlan.carry.find((c) => c.columnLabel === col.columnLabel)
        const now = valueOf(report, col.carriedIn)
        const before = last ? valueOf(lastYear, last.carriedOver) : null
        if (now === null || before === null || now === before) return []
        return [
          finding(
            'X-CARRY',
            [col.carriedIn],
            `表三“${col.columnLabel}”列：本年“二、上年结转” ${num(now)} 件，上年报告“四、结转下年度继续办理” ${num(before)} 件，相差 ${num(Math.abs(now - before))}`,
          ),
        ]
      })
  // The 总计 column differs whenever a part does: report it only when no part is to blame.
  const parts = mismatches(false)
  return parts.length ? parts : mismatches(true)
}

/** 现行有效 continuity, only when both years have it (not across 2020 → 2021). */
export const checkStockAcrossYears: Check = (input) => {
  const { report, lastYear, lastPlan } = input
  if (!lastYear || !lastPlan) return []
  return stockRows(input).flatMap((row): Finding[] => {
    if (!lastPlan.byId.has(row.inForce)) return []
    const before = valueOf(lastYear, row.inForce)
    const issued = valueOf(report, row.issued)
    const repealed = valueOf(report, row.repealed)
    const inForce = valueOf(report, row.inForce)
    if (before === null || issued === null || repealed === null) return []
    if (repealed > before + issued) {
      return [
        finding(
          'T2-REPEAL-BOUND',
          [row.repealed, row.issued],
          `表二“${row.label}”：本年废止 ${num(repealed)} 件，多于上年现行有效 ${num(before)} + 本年制发 ${num(issued)} = ${num(before + issued)} 件`,
        ),
      ]
    }
    const expected = before + issued - repealed
    if (inForce === null || inForce === expected) return []
    return [
      finding(
        'T2-STOCK-XYEAR',
        [row.inForce, row.issued, row.repealed],
        `表二“${row.label}”：上年现行有效 ${num(before)} + 本年制发 ${num(issued)} − 本年废止 ${num(repealed)} = ${num(expected)} 件，本年现行有效填 ${num(inForce)} 件，相差 ${num(Math.abs(inForce - expected))}（修订、到期失效可解释差异的，请在正文说明）`,
      ),
    ]
  })
}

export const checkIdenticalToLastYear: Check = ({ report, plan, lastYear, lastPlan }) => {
  if (!lastYear || !lastPlan) return []
  const common = plan.cells.filter((c) => lastPlan.byId.has(c.id))
  let nonZero = false
  for (const c of common) {
    const now = valueOf(report, c.id)
    if (now === null || now !== valueOf(lastYear, c.id)) return []
    if (now !== 0) nonZero = true
  }
  // All-zero tables of a small body are legitimately identical year after year.
  if (!common.length || !nonZero) return []
  return [
    finding(
      'X-IDENTICAL',
      [],
      `各表 ${common.length} 个数据与上年报告完全相同，请核实是否照抄了上年数据`,
    ),
  ]
}
