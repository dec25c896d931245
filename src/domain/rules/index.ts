import { formatOf, type Report } from '../report'
import {
  checkBalance,
  checkBlanks,
  checkCarryBound,
  checkSums,
  checkValueKinds,
} from './arithmetic'
import { RULE_RANK } from './catalogue'
import { planOf } from './plan'
import type { Finding, RuleContext } from './types'
import type { Check, RuleInput } from './util'

export * from './types'
export { RULES, RULE_ALIASES, type RuleId } from './catalogue'

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

const CHECKS: readonly Check[] = [
  checkValueKinds,
  checkBlanks,
  checkSums,
  checkBalance,
  checkCarryBound,
]

/**
 * Every statutory and arithmetic check of rules.md over a report. Deterministic order: severity
 * (errors first), then the rule's place in the catalogue, then the first cell's place in the
 * table, then the message.
 */
export function validate(report: Report, context: RuleContext = {}): Finding[] {
  const format = formatOf(report)
  const plan = planOf(format)
  const input: RuleInput = { report, format, plan, context }
  const findings = CHECKS.flatMap((check) => check(input))
  const cellRank = (f: Finding) => (f.cells.length ? (plan.index.get(f.cells[0]!) ?? -1) : -1)
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      RULE_RANK.get(a.ruleId)! - RULE_RANK.get(b.ruleId)! ||
      cellRank(a) - cellRank(b) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  )
}
