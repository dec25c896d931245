/**
 * The drafts library as the page sees it: which drafts exist, which one is open and at which
 * revision, whether saving works, and what the user must be told about stored data. It saves
 * what the draft store hands it; it never edits a report.
 *
 * Two windows on one draft: every save is compare-and-set on the draft's revision, and a
 * `storage` event tells this window at once when another one saved. The older window then turns
 * read-only (`conflict`) until the user takes the newest data; nothing is overwritten silently.
 */
import { useEventListener } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Report, RestoreStep } from '../domain'
import { askPersistence, getStorage, isQuotaExceeded, probeStorage } from '../io/storage'
import { DraftLibrary, type OpenResult } from './draftLibrary'
import {
  draftIdOfKey,
  INDEX_KEY,
  newDraftId,
  storedRevision,
  type DraftSummary,
} from './persistence'

export type SaveState = 'saved' | 'pending' | 'failed' | 'unavailable'

export const QUOTA_MESSAGE =
  '本机浏览器的存储空间已满，最近的修改还没有保存（页面上的内容仍在）。请先用「备份」下载备份文件，或删除不用的草稿后继续编辑，系统会自动重试保存。'

const QUOTA_AT_START_MESSAGE =
  '本机无法保存草稿：浏览器的存储空间已满。已保存的草稿都还在，但之后的修改在腾出空间前不会保存；请点击「备份」下载备份文件，或删除不用的草稿。'

const unavailableMessage = (reason: string) =>
  `本机无法保存草稿：${reason}。页面上的内容在关闭或刷新后会丢失，请随时点击「备份」下载备份文件。`

export interface Conflict {
  readonly draftId: string
  /** What happened elsewhere, for the notice. */
  readonly message: string
}

export const CONFLICT_MESSAGE =
  '这份草稿已在另一个窗口中修改并保存。为免覆盖另一个窗口的内容，本窗口已转为只读；载入最新内容时，本窗口尚未保存的修改会逐格、逐段合并进去。'
export const DELETED_ELSEWHERE_MESSAGE =
  '这份草稿已在另一个窗口中删除。本窗口已转为只读；如需保留本窗口的内容，请先下载备份。'

function openChannel(): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('nianbao.windows')
  } catch {
    return null
  }
}

/** sessionStorage events are not ours; reading `localStorage` throws where storage is blocked. */
function fromLocalStorage(event: StorageEvent): boolean {
  try {
    return !event.storageArea || event.storageArea === globalThis.localStorage
  } catch {
    return false
  }
}

export const useLibraryStore = defineStore('library', () => {
  const storage = getStorage()
  const library = new DraftLibrary(storage)

  const drafts = shallowRef<readonly DraftSummary[]>([])
  const draftId = ref<string | null>(null)
  /** The revision this window last read or wrote for the open draft. */
  let revision = 0
  /** Messages for the user about stored data (a draft that could not be read, set aside …). */
  const notices = ref<string[]>([])
  const saveState = ref<SaveState>('saved')
  const saveError = ref<string | null>(null)
  const conflict = shallowRef<Conflict | null>(null)
  const readOnly = computed(() => conflict.value !== null)

  /** Saving cannot work in this browser (blocked storage): a lasting notice, never 「已自动保存」. */
  const unavailable = ref<string | null>(null)

  function tell(message: string) {
    notices.value = [...notices.value, message]
  }

  function dismissNotice(index: number) {
    notices.value = notices.value.filter((_, i) => i !== index)
  }

  const sync = () => (drafts.value = [...library.drafts])

  /** Reads the library; returns the draft to reopen (the one open at the last visit), if any. */
  function load(): string | null {
    const health = probeStorage(storage)
    if (!health.ok) {
      saveState.value = health.quota ? 'failed' : 'unavailable'
      if (health.quota) saveError.value = QUOTA_AT_START_MESSAGE
      else unavailable.value = unavailableMessage(health.reason)
    }
    const { activeId, notices: found } = library.load()
    found.forEach(tell)
    sync()
    void askPersistence()
    return activeId
  }

  function open(id: string): OpenResult {
    const result = library.open(id)
    sync()
    if (!result.ok) {
      tell(result.notice)
      if (draftId.value === id) draftId.value = null
      return result
    }
    result.notices.forEach(tell)
    draftId.value = id
    revision = result.revision
    conflict.value = null
    return result
  }

  /** Starts a new draft id (saved by the first `save`). */
  function begin(): string {
    const id = newDraftId()
    draftId.value = id
    revision = 0
    conflict.value = null
    return id
  }

  function close() {
    draftId.value = null
    conflict.value = null
    library.setActive(null)
  }

  function failed(message: string): false {
    saveState.value = 'failed'
    saveError.value = message
    return false
  }

  /** Writes the open draft; false (and says why) when the storage refused or another window won. */
  function save(report: Report): boolean {
    const id = draftId.value
    if (!id) return true
    if (conflict.value) return false
    const result = library.save(id, report, revision)
    sync()
    if (result.ok) {
      revision = result.revision
      saveError.value = null
      saveState.value = unavailable.value ? 'unavailable' : 'saved'
      return true
    }
    if (result.conflict) {
      conflict.value = { draftId: id, message: CONFLICT_MESSAGE }
      saveState.value = 'failed'
      return false
    }
    return failed(
      isQuotaExceeded(result.error)
        ? QUOTA_MESSAGE
        : `自动保存失败：${result.error instanceof Error ? result.error.message : String(result.error)}。页面上的内容仍在，请先用「备份」下载备份文件。`,
    )
  }

  function markPending() {
    if (saveState.value !== 'failed' || !saveError.value) saveState.value = 'pending'
  }

  function saveLastYear(previous: Report | null): boolean {
    if (!draftId.value) return true
    try {
      library.saveLastYear(draftId.value, previous)
      return true
    } catch (error) {
      return failed(isQuotaExceeded(error) ? QUOTA_MESSAGE : '上年度报告保存失败。')
    }
  }

  function remove(id: string) {
    try {
      library.remove(id)
    } catch (error) {
      tell(`删除失败：${error instanceof Error ? error.message : String(error)}`)
    }
    sync()
    if (draftId.value === id) {
      draftId.value = null
      conflict.value = null
    }
  }

  function rename(id: string, title: string): boolean {
    try {
      library.rename(id, title)
      sync()
      return true
    } catch (error) {
      sync()
      return failed(isQuotaExceeded(error) ? QUOTA_MESSAGE : '重命名未能保存。')
    }
  }

  /** Another window of this browser has the same draft open (told over a BroadcastChannel). */
  const openElsewhere = ref(false)
  const windowId = Math.random().toString(36).slice(2)
  type WindowMessage = { kind: 'open' | 'alsoOpen' | 'closed'; id: string; from: string }
  const channel = openChannel()
  const announce = (kind: WindowMessage['kind'], id: string | null) => {
    if (id) channel?.postMessage({ kind, id, from: windowId } satisfies WindowMessage)
  }
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<WindowMessage>) => {
      if (data.from === windowId || data.id !== draftId.value) return
      if (data.kind === 'open') announce('alsoOpen', draftId.value)
      openElsewhere.value = data.kind !== 'closed'
    }
  }
  watch(draftId, (id, previous) => {
    openElsewhere.value = false
    announce('closed', previous ?? null)
    announce('open', id)
  })

  // Another window of this browser wrote to the storage.
  if (typeof window !== 'undefined') {
    useEventListener(window, 'pagehide', () => announce('closed', draftId.value))
    useEventListener(window, 'storage', (event: StorageEvent) => {
      if (!fromLocalStorage(event)) return
      if (event.key === INDEX_KEY || event.key === null) {
        library.refresh()
        sync()
      }
      const id = draftIdOfKey(event.key)
      if (!id || id !== draftId.value || conflict.value) return
      if (event.newValue === null)
        conflict.value = { draftId: id, message: DELETED_ELSEWHERE_MESSAGE }
      else if (storedRevision(event.newValue) > revision)
        conflict.value = { draftId: id, message: CONFLICT_MESSAGE }
    })
  }

  /** Writes what the plan adds or replaces; returns the ids written and titles that failed. */
  function restore(steps: readonly RestoreStep[]) {
    const result = library.restore(steps)
    sync()
    return result
  }

  return {
    drafts,
    draftId,
    notices,
    saveState,
    saveError,
    unavailable,
    conflict,
    readOnly,
    openElsewhere,
    tell,
    dismissNotice,
    load,
    open,
    begin,
    close,
    save,
    markPending,
    saveLastYear,
    remove,
    rename,
    backupDrafts: (open?: Parameters<DraftLibrary['backupDrafts']>[0]) =>
      library.backupDrafts(open),
    localDrafts: () => library.localDrafts(),
    restore,
  }
})

export type LibraryStore = ReturnType<typeof useLibraryStore>
