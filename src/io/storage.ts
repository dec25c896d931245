/**
 * Where drafts live between visits: the browser's localStorage behind a tiny key-value interface,
 * so tests (and a future IndexedDB or file-backed store) can swap it out with `setStorage`.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null
  /** Throws `QuotaExceededError` (a DOMException) when the browser's quota is full. */
  setItem(key: string, value: string): void
  removeItem(key: string): void
  keys(): string[]
}

export function webStorage(store: Storage): KeyValueStorage {
  return {
    getItem: (key) => store.getItem(key),
    setItem: (key, value) => store.setItem(key, value),
    removeItem: (key) => store.removeItem(key),
    keys: () => Array.from({ length: store.length }, (_, i) => store.key(i) ?? '').filter(Boolean),
  }
}

/** A storage that forgets on reload: used in tests and when localStorage is unavailable. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  }
}

function defaultStorage(): KeyValueStorage {
  try {
    // Accessing localStorage throws in some privacy modes; the app then keeps working in memory.
    if (typeof localStorage !== 'undefined') return webStorage(localStorage)
  } catch {
    /* fall through */
  }
  return memoryStorage()
}

let current: KeyValueStorage | undefined

export const getStorage = (): KeyValueStorage => (current ??= defaultStorage())

/** Replaces the storage used by stores created afterwards. */
export function setStorage(storage: KeyValueStorage): void {
  current = storage
}

export const isQuotaExceeded = (error: unknown): boolean =>
  error instanceof DOMException &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
