import type { NarrativeKey } from '../formats'
import type { Report } from '../report'
import type { RuleId } from './catalogue'

export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  /** Stable id from ../shared/spec/rules.md, e.g. `T3-BALANCE`. */
  readonly ruleId: RuleId
  readonly severity: Severity
  /** Cell ids the finding concerns, first one is where the user should look first. */
  readonly cells: readonly string[]
  /** Narrative section (or 'meta') for findings about text or report info. */
  readonly section?: NarrativeKey | 'meta'
  /** The sentence of the narrative a text-vs-table finding read (whitespace removed). */
  readonly sentence?: string
  /** Plain Chinese, naming the numbers and the difference. */
  readonly message: string
  /** 条例第X条, the format's printed note, 立法法, or 常见错误. */
  readonly basis: string
}

export interface RuleContext {
  readonly lastYear?: Report
  readonly today?: Date
  /** Checking before export: a table nobody started is reported as blank too. */
  readonly forExport?: boolean
}

export type Rule = (report: Report, context: RuleContext) => Finding[]
