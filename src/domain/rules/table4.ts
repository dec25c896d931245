/** Table 四 beyond arithmetic: plausibility of 复议 and 诉讼 counts, the counting convention. */
import { isPeoplesGovernment } from '../narrative'
import type { Report } from '../report'
import type { RuleId } from './catalogue'
import type { FormatPlan } from './plan'
import { finding, knownSum, num, valueOf, type Check } from './util'

/** The total cell of each table 四 group, read from the declared sums (`T4-SUM-*`). */
export function disputeTotals(plan: FormatPlan) {
  const total = (ruleId: RuleId) => plan.sums.find((c) => c.ruleId === ruleId)
  const review = total('T4-SUM-REVIEW')
  const direct = total('T4-SUM-DIRECT')
  const after = total('T4-SUM-AFTER')
  return review && direct && after ? { review, direct, after } : undefined
}

const applicationsOf = (report: Report, plan: FormatPlan) => {
  const col = plan.carry.find((c) => c.isTotal)
  return col ? knownSum(report, [col.newReceived, col.carriedIn]) : null
}

export const checkAfterReview: Check = ({ report, plan, lastYear, lastPlan }) => {
  const totals = disputeTotals(plan)
  if (!totals || !lastYear || !lastPlan) return []
  const after = valueOf(report, totals.after.total)
  const review = valueOf(report, totals.review.total)
  const lastTotals = disputeTotals(lastPlan)
  const lastReview = lastTotals ? valueOf(lastYear, lastTotals.review.total) : null
  if (after === null || after <= 0 || review !== 0 || lastReview !== 0) return []
  return [
    finding(
      'T4-AFTER-VS-REVIEW',
      [totals.after.total, totals.review.total],
      `表四“复议后起诉”${num(after)} 件，但本年和上年“行政复议”均为 0 件，请核实（复议可能由其他机关或在更早年度作出）`,
    ),
  ]
}

export const checkDisputeVolume: Check = ({ report, plan, lastYear, lastPlan }) => {
  const totals = disputeTotals(plan)
  if (!totals || !lastYear || !lastPlan) return []
  const disputes = knownSum(report, [totals.review.total, totals.direct.total, totals.after.total])
  const apps = applicationsOf(report, plan)
  const lastApps = applicationsOf(lastYear, lastPlan)
  if (disputes === null || apps === null || lastApps === null) return []
  if (disputes <= apps + lastApps) return []
  return [
    finding(
      'T4-VOLUME',
      [totals.review.total, totals.direct.total, totals.after.total],
      `表四复议、诉讼合计 ${num(disputes)} 件，多于本年和上年申请之和 ${num(apps)} + ${num(lastApps)} = ${num(apps + lastApps)} 件，请核实统计口径`,
    ),
  ]
}

export const checkCountingRule: Check = ({ report, plan }) => {
  const totals = disputeTotals(plan)
  if (!totals || !isPeoplesGovernment(report.meta)) return []
  const litigation = knownSum(report, [totals.direct.total, totals.after.total])
  if (!litigation) return []
  return [
    finding(
      'T4-COUNT-RULE',
      [totals.after.total, totals.direct.total],
      `表四填有行政诉讼 ${num(litigation)} 件。本机关仅作为复议机关与原行政机关共同被诉的案件，应由原行政机关统计，本机关不计入`,
    ),
  ]
}
