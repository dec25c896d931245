import { SCOPES, formatOf, type Report } from '../report'
import {
  checkBalance,
  checkBlanks,
  checkCarryBound,
  checkSums,
  checkValueKinds,
} from './arithmetic'
import { RULE_RANK } from './catalogue'
import {
  checkCarryFromLastYear,
  checkIdenticalToLastYear,
  checkStockAcrossYears,
} from './crossYear'
import { checkDeadlines, checkPeriod, checkSignature, checkTitle } from './meta'
import {
  checkCopy,
  checkEmptySections,
  checkFeeStatement,
  checkGovernmentAssessment,
  checkGovernmentExtras,
  checkObsoleteBasis,
  checkOverview,
  checkPreviousIssues,
} from './narrative'
import {
  checkApplications,
  checkDocumentCounts,
  checkFeeMultiple,
  checkLitigation,
  checkOutcomeClasses,
} from './narrativeNumbers'
import { checkImportRecord } from './imported'
import { planOf } from './plan'
import { checkFeeUnit, checkRegulationPower, checkStockWithin } from './table2'
import { checkCarryHigh, checkFeeLink, checkOutcomePlausibility } from './table3'
import { checkAfterReview, checkCountingRule, checkDisputeVolume } from './table4'
import type { Finding, RuleContext } from './types'
import { finding, type Check, type RuleInput } from './util'

export * from './types'
export { isRuleId, RULES, RULE_ALIASES, type RuleId } from './catalogue'
export * from './imported'

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

const CHECKS: readonly Check[] = [
  checkValueKinds,
  checkBlanks,
  checkSums,
  checkBalance,
  checkCarryBound,
  checkRegulationPower,
  checkStockWithin,
  checkFeeUnit,
  checkCarryHigh,
  checkFeeLink,
  checkOutcomePlausibility,
  checkAfterReview,
  checkDisputeVolume,
  checkCountingRule,
  checkOverview,
  checkGovernmentAssessment,
  checkFeeStatement,
  checkGovernmentExtras,
  checkPreviousIssues,
  checkEmptySections,
  checkApplications,
  checkOutcomeClasses,
  checkDocumentCounts,
  checkLitigation,
  checkFeeMultiple,
  checkCopy,
  checkObsoleteBasis,
  checkTitle,
  checkPeriod,
  checkDeadlines,
  checkSignature,
  checkCarryFromLastYear,
  checkStockAcrossYears,
  checkIdenticalToLastYear,
  checkImportRecord,
]

/**
 * Last year's report takes part only when it is the year before and has the same scope;
 * otherwise one info says why the cross-year checks were skipped.
 */
function comparableLastYear(report: Report, context: RuleContext): [Report | undefined, Finding[]] {
  const last = context.lastYear
  if (!last) return [undefined, []]
  if (last.meta.year !== report.meta.year - 1) {
    return [
      undefined,
      [
        finding(
          'X-CARRY',
          [],
          `导入的上年报告是${last.meta.year}年度的，不是${report.meta.year - 1}年度，未做跨年度核对`,
          { severity: 'info', section: 'meta' },
        ),
      ],
    ]
  }
  if (last.meta.scope !== report.meta.scope) {
    return [
      undefined,
      [
        finding(
          'M-SCOPE',
          [],
          `上年报告的统计口径是“${SCOPES[last.meta.scope]}”，本年是“${SCOPES[report.meta.scope]}”，口径不同，未做跨年度核对`,
          { section: 'meta' },
        ),
      ],
    ]
  }
  return [last, []]
}

/**
 * Every check of rules.md that can be made on a report (the label rules concern imported files:
 * see `checkImportedLabels`). Deterministic order: severity (errors first), then the rule's place
 * in the catalogue, then the first cell's place in the tables, then the message.
 */
export function validate(report: Report, context: RuleContext = {}): Finding[] {
  const format = formatOf(report)
  const plan = planOf(format)
  const [lastYear, notes] = comparableLastYear(report, context)
  const input: RuleInput = {
    report,
    format,
    plan,
    context,
    ...(lastYear ? { lastYear, lastPlan: planOf(formatOf(lastYear)) } : {}),
  }
  const findings = [...notes, ...CHECKS.flatMap((check) => check(input))]
  const cellRank = (f: Finding) => (f.cells.length ? (plan.index.get(f.cells[0]!) ?? -1) : -1)
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      RULE_RANK.get(a.ruleId)! - RULE_RANK.get(b.ruleId)! ||
      cellRank(a) - cellRank(b) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  )
}
