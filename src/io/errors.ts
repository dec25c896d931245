/**
 * Errors the page catches are shown to the user in plain Chinese and logged for whoever opens
 * the console. A lazily loaded part that no longer exists on the server (a new version was
 * deployed while the page stayed open) is told apart from a damaged file: a reload fixes it.
 */

export const PAGE_UPDATED = '页面已更新，请刷新页面后重试（草稿已保存在本机，不会丢失）。'

/**
 * What each engine throws when a dynamic import or its preload fails: Chromium, Firefox,
 * Safari, and Vite's preload helper.
 */
const CHUNK_LOAD_FAILURE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i

export const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error && CHUNK_LOAD_FAILURE.test(error.message)

/** Logs a caught error with where it happened. */
export function reportError(context: string, error: unknown): void {
  console.error(`[年报助手] ${context}`, error)
}

/** Logs the error and returns the message for the user: `fallback` unless a chunk went missing. */
export function failureMessage(context: string, error: unknown, fallback: string): string {
  reportError(context, error)
  return isChunkLoadError(error) ? PAGE_UPDATED : fallback
}
