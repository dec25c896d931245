import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createReport, type Report } from '../../../src/domain'
import { memoryStorage, setStorage, type KeyValueStorage } from '../../../src/io/storage'
import { createAutosave } from '../../../src/stores/autosave'
import { SAVE_DELAY_MS, useDraftStore } from '../../../src/stores/draft'
import { DraftLibrary } from '../../../src/stores/draftLibrary'
import { draftKey, INDEX_KEY } from '../../../src/stores/persistence'

const meta = {
  agencyName: '某县人民政府办公室',
  agencyKind: 'department',
  level: 'county',
  year: 2024,
  scope: 'self',
} as const

const report = (naturalPerson: number | null = null): Report => {
  const r = createReport(meta)
  r.cells['t3.newReceived.naturalPerson'] = naturalPerson
  return r
}

/** A storage whose writes throw `error` while `failing` is true (reads keep working). */
function failingStorage(error: () => Error, initial: Record<string, string> = {}) {
  const inner = memoryStorage(initial)
  const state = { failing: true }
  const storage: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    setItem: (key, value) => {
      if (state.failing) throw error()
      inner.setItem(key, value)
    },
    removeItem: (key) => inner.removeItem(key),
    keys: () => inner.keys(),
  }
  return { storage, state, inner }
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')
const blocked = () => new DOMException('Access is denied for this document.', 'SecurityError')

/** One browser window: its own Pinia (its own stores) over the shared storage. */
function openWindow(storage: KeyValueStorage) {
  setStorage(storage)
  setActivePinia(createPinia())
  return useDraftStore()
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('autosave: one debounce with flush', () => {
  test('a burst of changes saves once, after the delay from the last change', () => {
    const save = vi.fn(() => true)
    const autosave = createAutosave(save, 400)
    autosave.schedule()
    vi.advanceTimersByTime(300)
    autosave.schedule()
    vi.advanceTimersByTime(399)
    expect(save).not.toHaveBeenCalled()
    expect(autosave.pending).toBe(true)
    vi.advanceTimersByTime(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(autosave.pending).toBe(false)
  })

  test('flush saves a waiting change at once and only once; nothing waiting, nothing saved', () => {
    const save = vi.fn(() => false)
    const autosave = createAutosave(save, 400)
    expect(autosave.flush()).toBe(true)
    expect(save).not.toHaveBeenCalled()
    autosave.schedule()
    expect(autosave.flush()).toBe(false)
    vi.advanceTimersByTime(1000)
    expect(save).toHaveBeenCalledTimes(1)
    autosave.schedule()
    autosave.cancel()
    vi.advanceTimersByTime(1000)
    expect(save).toHaveBeenCalledTimes(1)
  })
})

describe('revisions: a save never overwrites a newer one', () => {
  test('each save counts up; a save based on an older revision writes nothing', () => {
    const storage = memoryStorage()
    const here = new DraftLibrary(storage)
    const there = new DraftLibrary(storage)
    here.load()
    expect(here.save('d1', report(1), 0)).toEqual({ ok: true, revision: 1 })
    there.load()
    const opened = there.open('d1')
    expect(opened.ok && opened.revision).toBe(1)
    expect(there.save('d1', report(2), 1)).toEqual({ ok: true, revision: 2 })
    const before = storage.getItem(draftKey('d1'))

    expect(here.save('d1', report(3), 1)).toEqual({ ok: false, conflict: true, theirRevision: 2 })
    expect(storage.getItem(draftKey('d1'))).toBe(before)
    expect(JSON.parse(before!).cells['t3.newReceived.naturalPerson']).toBe(2)
  })

  test("one window's new draft stays in the index when another window saves its own", () => {
    const storage = memoryStorage()
    const a = new DraftLibrary(storage)
    const b = new DraftLibrary(storage)
    a.load()
    b.load()
    a.save('a', report(1), 0)
    b.save('b', report(2), 0)
    a.save('a', report(3), 1)
    const index = JSON.parse(storage.getItem(INDEX_KEY)!)
    expect(index.drafts.map((d: { id: string }) => d.id).sort()).toEqual(['a', 'b'])
  })

  test('two windows: the older one turns read-only, keeps its page, and can take the newest', async () => {
    const storage = memoryStorage()
    const first = openWindow(storage)
    first.createDraft(report())
    const id = first.draftId!
    const second = openWindow(storage)
    expect(second.draftId).toBe(id)

    second.setCell('t3.newReceived.naturalPerson', '7')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(second.saveState).toBe('saved')

    first.setCell('t3.newReceived.business', '5')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(first.readOnly).toBe(true)
    expect(first.saveState).not.toBe('saved')
    // Nothing of the second window was overwritten; the first still shows its own edit.
    const stored = JSON.parse(storage.getItem(draftKey(id))!)
    expect(stored.cells['t3.newReceived.naturalPerson']).toBe(7)
    expect(stored.cells['t3.newReceived.business']).toBeNull()
    expect(first.report?.cells['t3.newReceived.business']).toBe(5)
    // Read-only: edits are refused with a reason.
    const refused = first.setCell('t3.newReceived.business', '6')
    expect(refused.ok ? '' : refused.reason).toContain('另一个窗口')

    // Taking the newest data carries this window's unsaved edit over (another cell), undoably.
    expect(await first.reloadNewest()).toBe(true)
    expect(first.readOnly).toBe(false)
    expect(first.report?.cells['t3.newReceived.naturalPerson']).toBe(7)
    expect(first.report?.cells['t3.newReceived.business']).toBe(5)
    expect(first.notices.at(-1)).toContain('合并了本窗口未保存的 1 处修改')
    first.undo()
    expect(first.report?.cells['t3.newReceived.business']).toBeNull()
    first.redo()
    first.setCell('t3.newReceived.business', '6')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(first.saveState).toBe('saved')
    expect(JSON.parse(storage.getItem(draftKey(id))!).cells).toMatchObject({
      't3.newReceived.naturalPerson': 7,
      't3.newReceived.business': 6,
    })
  })
})

test('the same cell changed in both windows: the saved value wins and the cell is named', async () => {
  const storage = memoryStorage()
  const first = openWindow(storage)
  first.createDraft(report())
  const second = openWindow(storage)
  second.setCell('t3.newReceived.naturalPerson', '7')
  second.flush()
  first.setCell('t3.newReceived.naturalPerson', '8')
  expect(first.flush()).toBe(false)
  expect(first.readOnly).toBe(true)
  await first.reloadNewest()
  expect(first.report?.cells['t3.newReceived.naturalPerson']).toBe(7)
  expect(first.notices.at(-1)).toMatch(/两个窗口都改过.*自然人/)
})

describe('storage that fails', () => {
  test('quota full while setting aside an unreadable draft at start: the app opens, all kept', () => {
    const good = memoryStorage()
    const library = new DraftLibrary(good)
    library.load()
    library.save('good', report(4), 0)
    const seeded = Object.fromEntries(good.keys().map((k) => [k, good.getItem(k)!]))
    seeded[draftKey('broken')] = '{"type":"nianbao-report", cut off'
    const { storage, inner } = failingStorage(quota, seeded)

    const draft = openWindow(storage)
    expect(draft.report?.cells['t3.newReceived.naturalPerson']).toBe(4)
    expect(draft.notices.join('')).toContain('无法读取')
    expect(draft.notices.join('')).toContain('没有删除')
    // The unreadable text is where it was; the good draft is listed and open.
    expect(inner.getItem(draftKey('broken'))).toBe('{"type":"nianbao-report", cut off')
    expect(draft.drafts.map((d) => d.id)).toEqual(['good'])
    expect(draft.saveError).toContain('无法保存')
  })

  test('an unreadable index with a full quota: drafts are found from their own keys', () => {
    const { storage, inner } = failingStorage(quota, {
      [INDEX_KEY]: 'not json',
      [draftKey('x')]: JSON.stringify(report(9)),
    })
    const draft = openWindow(storage)
    expect(draft.drafts.map((d) => d.id)).toEqual(['x'])
    expect(draft.notices.join('')).toContain('草稿目录无法读取')
    expect(inner.getItem(INDEX_KEY)).toBe('not json')
    expect(draft.switchDraft('x')).toBe(true)
    expect(draft.report?.cells['t3.newReceived.naturalPerson']).toBe(9)
  })

  test('blocked storage (SecurityError): never "saved", a lasting 无法保存 notice, work stays', () => {
    const { storage } = failingStorage(blocked)
    const draft = openWindow(storage)
    expect(draft.unavailable).toContain('无法保存')
    expect(draft.unavailable).toContain('备份')
    expect(draft.createDraft(report())).toBe(false)
    draft.setCell('t3.newReceived.naturalPerson', '3')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(draft.saveState).not.toBe('saved')
    expect(draft.report?.cells['t3.newReceived.naturalPerson']).toBe(3)
  })

  test('a storage that throws on every read still opens an empty app with a notice', () => {
    const storage: KeyValueStorage = {
      getItem: () => {
        throw blocked()
      },
      setItem: () => {
        throw blocked()
      },
      removeItem: () => {
        throw blocked()
      },
      keys: () => {
        throw blocked()
      },
    }
    const draft = openWindow(storage)
    expect(draft.report).toBeNull()
    expect(draft.unavailable).toContain('无法保存')
    expect(draft.notices.join('')).toContain('读取本机保存的草稿时出错')
  })
})

describe('newer data under an older build', () => {
  const newer = (title: string) =>
    JSON.stringify({ ...report(5), schemaVersion: 99, meta: { ...meta, agencyName: title } })

  test('a newer-schema draft stays in place and in the index, listed read-only', () => {
    const storage = memoryStorage()
    const library = new DraftLibrary(storage)
    library.load()
    library.save('mine', report(1), 0)
    const index = JSON.parse(storage.getItem(INDEX_KEY)!)
    index.drafts.push({ id: 'future', title: '新版本的草稿', year: 2025, updatedAt: '2026-01-01' })
    storage.setItem(INDEX_KEY, JSON.stringify(index))
    storage.setItem(draftKey('future'), newer('新版本机关'))
    storage.setItem(draftKey('orphan'), newer('未列入目录的机关'))

    const draft = openWindow(storage)
    const listed = draft.drafts.filter((d) => d.newer)
    expect(listed.map((d) => d.id).sort()).toEqual(['future', 'orphan'])
    expect(draft.switchDraft('future')).toBe(false)
    expect(draft.notices.join('')).toContain('由新版本保存，请刷新页面')

    draft.switchDraft('mine')
    draft.setCell('t3.newReceived.naturalPerson', '2')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(storage.getItem(draftKey('future'))).toBe(newer('新版本机关'))
    expect(storage.getItem(draftKey('orphan'))).toBe(newer('未列入目录的机关'))
    const ids = JSON.parse(storage.getItem(INDEX_KEY)!).drafts.map((d: { id: string }) => d.id)
    expect(ids).toContain('future')
    expect(storage.keys().filter((k) => k.startsWith('nianbao.unreadable.'))).toEqual([])
  })
})

test('an index written by a newer version is read, kept whole and never set aside', () => {
  const storage = memoryStorage({
    [INDEX_KEY]: JSON.stringify({
      schemaVersion: 2,
      activeId: 'a',
      drafts: [{ id: 'a', title: '甲', year: 2024, updatedAt: '2026-01-01', pinned: true }],
      folders: ['x'],
    }),
    [draftKey('a')]: JSON.stringify(report(1)),
  })
  const draft = openWindow(storage)
  expect(draft.report?.cells['t3.newReceived.naturalPerson']).toBe(1)
  draft.createDraft(report(2))
  const index = JSON.parse(storage.getItem(INDEX_KEY)!)
  expect(index.schemaVersion).toBe(2)
  expect(index.drafts.find((d: { id: string }) => d.id === 'a')).toMatchObject({ pinned: true })
  expect(index.drafts).toHaveLength(2)
  expect(storage.keys().filter((k) => k.startsWith('nianbao.unreadable.'))).toEqual([])
})

describe('rename and delete', () => {
  test('a renamed draft keeps its name through saves; an empty name restores the title', () => {
    const storage = memoryStorage()
    const draft = openWindow(storage)
    draft.createDraft(report())
    const id = draft.draftId!
    expect(draft.renameDraft(id, '  给局长看的版本 ')).toBe(true)
    draft.setCell('t3.newReceived.naturalPerson', '2')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(openWindow(storage).drafts[0]!.title).toBe('给局长看的版本')
    draft.renameDraft(id, '')
    expect(draft.drafts[0]!.title).toBe('某县人民政府办公室2024年政府信息公开工作年度报告')
    draft.deleteDraft(id)
    expect(draft.report).toBeNull()
    expect(storage.getItem(draftKey(id))).toBeNull()
    expect(openWindow(storage).drafts).toEqual([])
  })
})
