/**
 * Undo history of whole-report snapshots. Reports are small (a few hundred numbers), so keeping
 * snapshots is simpler and safer than inverse operations; every step carries what the user did.
 */
import type { Report } from '../domain'

export interface HistoryStep {
  readonly before: Report
  readonly after: Report
  readonly description: string
  /** Steps with the same key merge while the typing goes on (typing in a text box). */
  readonly coalesceKey?: string
  /** This edit ended a sentence (typed 。): the next edit starts a new step. */
  readonly endsGroup?: boolean
  readonly at: number
}

export const HISTORY_LIMIT = 200
/** A pause this long (ms) in typing starts a new undo step. */
export const COALESCE_MS = 1000

/** Sentence ends: after one of them, typing goes into a new undo step. */
const SENTENCE_END = /[。！？；!?;\n]/

/** True when the typed or inserted text ends a sentence: the next edit starts a new step. */
export const endsSentence = (inserted: string | null | undefined): boolean =>
  Boolean(inserted && SENTENCE_END.test(inserted))

export function pushStep(past: readonly HistoryStep[], step: HistoryStep): HistoryStep[] {
  const top = past.at(-1)
  if (
    step.coalesceKey &&
    top?.coalesceKey === step.coalesceKey &&
    !top.endsGroup &&
    step.at - top.at < COALESCE_MS
  ) {
    return [...past.slice(0, -1), { ...step, before: top.before }]
  }
  return [...past, step].slice(-HISTORY_LIMIT)
}
