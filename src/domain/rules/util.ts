/** What every rule module receives, and the one way to build a finding. */
import type { FormatSpec } from '../formats'
import { formatCellValue, type Report } from '../report'
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
  /** The plan of last year's format (may be the other format: a 2020 report before 2021). */
  readonly lastPlan?: FormatPlan
}

export type Check = (input: RuleInput) => Finding[]

/** A cell's value; missing ids read as blank. */
export const valueOf = (report: Report, id: string): number | null => report.cells[id] ?? null

/** Numbers as people write them: no float noise (`0.1 + 0.2` → `0.3`). */
export const num = (n: number): string => formatCellValue(n)

export function finding(
  ruleId: RuleId,
  cells: readonly string[],
  message: string,
  extra: { section?: Finding['section']; severity?: Severity; sentence?: string } = {},
): Finding {
  const rule = RULES[ruleId]
  return {
    ruleId,
    severity: extra.severity ?? rule.severity,
    cells,
    ...(extra.section ? { section: extra.section } : {}),
    ...(extra.sentence ? { sentence: extra.sentence } : {}),
    message,
    basis: rule.basis,
  }
}

/** Sum of the cells, or null when any of them is blank (a comparison needs every operand). */
export function knownSum(report: Report, ids: readonly string[]): number | null {
  let sum = 0
  for (const id of ids) {
    const v = valueOf(report, id)
    if (v === null) return null
    sum += v
  }
  return sum
}

/** `“…全年共收到政府信息公开申请17件…”`: a sentence quoted in a message, shortened if long. */
export const quote = (sentence: string, max = 60): string =>
  `“${sentence.length > max ? sentence.slice(0, max) + '…' : sentence}”`
