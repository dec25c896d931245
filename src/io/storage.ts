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

/** Set when localStorage could not even be reached and drafts live in memory only. */
let blockedReason: string | undefined

function defaultStorage(): KeyValueStorage {
  try {
    // Accessing localStorage throws in some privacy modes; the app then keeps working in memory.
    if (typeof localStorage !== 'undefined') return webStorage(localStorage)
    blockedReason = '浏览器不提供本地存储'
  } catch (error) {
    blockedReason = describeStorageError(error)
  }
  return memoryStorage()
}

let current: KeyValueStorage | undefined

export const getStorage = (): KeyValueStorage => (current ??= defaultStorage())

/** Replaces the storage used by stores created afterwards. */
export function setStorage(storage: KeyValueStorage): void {
  current = storage
  blockedReason = undefined
}

export const isQuotaExceeded = (error: unknown): boolean =>
  error instanceof DOMException &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')

function describeStorageError(error: unknown): string {
  if (isQuotaExceeded(error)) return '本机浏览器的存储空间已满'
  if (error instanceof DOMException && error.name === 'SecurityError')
    return '浏览器设置或单位策略禁止本网站保存数据（例如无痕/隐私窗口）'
  return `浏览器拒绝保存（${error instanceof Error ? error.name || error.message : String(error)}）`
}

/** Whether what is saved now will still be there after a reload. */
export type StorageHealth =
  { readonly ok: true } | { readonly ok: false; readonly quota: boolean; readonly reason: string }

const PROBE_KEY = 'nianbao.probe'

/** Writes, reads back and removes a probe key: the only sure way to know saving works. */
export function probeStorage(storage: KeyValueStorage = getStorage()): StorageHealth {
  if (storage === current && blockedReason)
    return { ok: false, quota: false, reason: blockedReason }
  try {
    const token = String(Date.now())
    storage.setItem(PROBE_KEY, token)
    const readBack = storage.getItem(PROBE_KEY)
    storage.removeItem(PROBE_KEY)
    return readBack === token
      ? { ok: true }
      : { ok: false, quota: false, reason: '写入的数据无法读回' }
  } catch (error) {
    return { ok: false, quota: isQuotaExceeded(error), reason: describeStorageError(error) }
  }
}

/**
 * Asks the browser not to evict our data under storage pressure (best effort; the answer only
 * matters for the README's advice, saving works either way).
 */
export async function askPersistence(): Promise<boolean | undefined> {
  try {
    return await globalThis.navigator?.storage?.persist?.()
  } catch {
    return undefined
  }
}
