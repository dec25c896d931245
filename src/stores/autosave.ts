/**
 * One debounce with flush for autosave: a burst of changes saves once, `delayMs` after the last
 * one; `flush` saves now (before leaving a draft, when the tab is hidden or closed).
 */
export interface Autosave {
  /** A change was made: save after the delay (restarted by each further change). */
  schedule(): void
  /** Saves now if a save is waiting (or `force`); returns what `save` returned, or true. */
  flush(force?: boolean): boolean
  /** Forgets the waiting save (the draft was deleted or replaced by another window's). */
  cancel(): void
  readonly pending: boolean
}

export function createAutosave(save: () => boolean, delayMs: number): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    clearTimeout(timer)
    timer = undefined
  }
  return {
    schedule() {
      cancel()
      timer = setTimeout(() => {
        timer = undefined
        save()
      }, delayMs)
    },
    flush(force = false) {
      const waiting = timer !== undefined
      cancel()
      return waiting || force ? save() : true
    },
    cancel,
    get pending() {
      return timer !== undefined
    },
  }
}
