/** Types of scripts/check-budget.mjs, for the benchmark that records its figures. */
export declare const ENTRY_BUDGET_BYTES: number
export interface BudgetReport {
  /** Files loaded at start: the entry, its static imports and their CSS (bytes). */
  readonly sizes: readonly { file: string; raw: number; gzip: number }[]
  /** Their total, gzip. */
  readonly total: number
  readonly lazy: readonly { file: string; heavy: string; gzip: number }[]
  /** Empty when the budget holds. */
  readonly problems: readonly string[]
}
export declare function checkBudget(): BudgetReport
