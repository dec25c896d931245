/**
 * Undo history of whole-report snapshots. Reports are small (a few hundred numbers), so keeping
 * snapshots is simpler and safer than inverse operations; every step carries what the user did.
 */
import type { Report } from '../domain'

export interface HistoryStep {
  readonly before: Report
  readonly after: Report
  readonly description: string
  /** Steps with the same key made within COALESCE_MS merge (typing in a text box). */
  readonly coalesceKey?: string
  readonly at: number
}

export const HISTORY_LIMIT = 200
export const COALESCE_MS = 1500

export function pushStep(past: readonly HistoryStep[], step: HistoryStep): HistoryStep[] {
  const top = past.at(-1)
  if (step.coalesceKey && top?.coalesceKey === step.coalesceKey && step.at - top.at < COALESCE_MS) {
    return [...past.slice(0, -1), { ...step, before: top.before }]
  }
  return [...past, step].slice(-HISTORY_LIMIT)
}
