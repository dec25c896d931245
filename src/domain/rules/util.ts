/** What every rule module receives, and the one way to build a finding. */
import type { FormatSpec } from '../formats'
import type { Report } from '../report'
import { RULES, type RuleId } from './catalogue'
import type { FormatPlan } from './plan'
import type { Finding, RuleContext, Severity } from './types'

export interface RuleInput {
  readonly report: Report
  readonly format: FormatSpec
  readonly plan: FormatPlan
  readonly context: RuleContext
  /** Last year's report when it is comparable (same scope, the year before); else undefined. */
  readonly lastYear?: Report
}

export type Check = (input: RuleInput) => Finding[]

/** A cell's value; missing ids read as blank. */
export const valueOf = (report: Report, id: string): number | null => report.cells[id] ?? null

/** Numbers as people write them: no float noise (`0.1 + 0.2` → `0.3`). */
export const num = (n: number): string =>
  Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)))

export function finding(
  ruleId: RuleId,
  cells: readonly string[],
  message: string,
  extra: { section?: Finding['section']; severity?: Severity } = {},
): Finding {
  const rule = RULES[ruleId]
  return {
    ruleId,
    severity: extra.severity ?? rule.severity,
    cells,
    ...(extra.section ? { section: extra.section } : {}),
    message,
    basis: rule.basis,
  }
}
