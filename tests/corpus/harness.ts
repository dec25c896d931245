/**
 * Shared checks for the bad-input corpus: a real draft store over an in-memory storage, a
 * byte-for-byte snapshot of everything the user could lose, and what a "clear message" means.
 */
import { createPinia, setActivePinia } from 'pinia'
import { expect } from 'vitest'
import { exampleReport } from '../../src/domain/samples/example'
import type { ImportOutcome, ImportResult, Report } from '../../src/domain'
import { memoryStorage, setStorage, type KeyValueStorage } from '../../src/io/storage'
import { useDraftStore } from '../../src/stores/draft'

export interface OpenDraft {
  readonly draft: ReturnType<typeof useDraftStore>
  readonly storage: KeyValueStorage
  /** The report, its history and every stored byte, to compare before and after an input. */
  snapshot(): string
}

/** A store with the built-in example open and saved, as a user would have it. */
export function openDraft(initial: Report = exampleReport()): OpenDraft {
  const storage = memoryStorage()
  setStorage(storage)
  setActivePinia(createPinia())
  const draft = useDraftStore()
  expect(draft.createDraft(initial)).toBe(true)
  return {
    draft,
    storage,
    snapshot: () =>
      JSON.stringify({
        report: draft.report,
        lastYear: draft.lastYear,
        canUndo: draft.canUndo,
        stored: storage
          .keys()
          .sort()
          .map((k) => [k, storage.getItem(k)]),
      }),
  }
}

/** One sentence or two of Chinese for a person, not a stack trace or a JS value leaking out. */
export function expectClearMessage(message: string): void {
  expect(message.length).toBeGreaterThan(3)
  expect(message.length).toBeLessThan(400)
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  // What the user wrote may be quoted back (“NaN”不是数字); nothing else of the program may leak.
  const ownWords = message.replace(/“[^”]*”/g, '')
  expect(ownWords).not.toMatch(/undefined|null|NaN|\[object|Error|at \w+ \(/)
}

/** Runs `fn` and fails when it took longer than `limitMs` (a hang would never return at all). */
export async function withinMs<T>(limitMs: number, fn: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await fn()
  expect(performance.now() - start).toBeLessThan(limitMs)
  return result
}

/** Object.prototype must never gain keys from data (prototype pollution). */
export function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>
  for (const key of ['polluted', 'agencyName', 'isAdmin', 'year', 'type']) {
    expect(probe[key]).toBeUndefined()
  }
  expect(Object.keys(Object.prototype)).toEqual([])
}

/**
 * The import outcome a case expects: for `refused` (true, or a pattern the message must match) a
 * clear message and an untouched draft (`snapshot` unchanged since `before`); otherwise the result.
 * Returns undefined for a refusal (the case is done).
 */
export function expectOutcome(
  outcome: ImportOutcome,
  refused: true | RegExp | undefined,
  unchanged: () => void,
): ImportResult | undefined {
  if (refused) {
    expect(outcome.ok, outcome.ok ? 'imported, expected a refusal' : '').toBe(false)
    const error = outcome.ok ? '' : outcome.error
    expectClearMessage(error)
    if (refused !== true) expect(error).toMatch(refused)
    unchanged()
    return undefined
  }
  if (!outcome.ok) throw new Error(`refused, expected an import: ${outcome.error}`)
  return outcome.result
}
