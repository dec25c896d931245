/**
 * 「备份」 of every draft and its restore: the file holds each draft with its last-year report;
 * restoring adds what is missing, replaces only older local copies and never a newer one.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createReport, type BackupDraft, type Report } from '../../../src/domain'
import { planRestore, restoreLibraryBackup } from '../../../src/domain/libraryBackup'
import { exampleReport } from '../../../src/domain/samples/example'
import { libraryBackupFile, readLibraryBackup } from '../../../src/io/backup'
import { memoryStorage, setStorage, type KeyValueStorage } from '../../../src/io/storage'
import { SAVE_DELAY_MS, useDraftStore } from '../../../src/stores/draft'

const meta = {
  agencyName: '某县教育局',
  agencyKind: 'department',
  level: 'county',
  year: 2025,
  scope: 'self',
} as const

function openWindow(storage: KeyValueStorage) {
  setStorage(storage)
  setActivePinia(createPinia())
  return useDraftStore()
}

const backupOf = (drafts: readonly BackupDraft[]) =>
  JSON.parse(libraryBackupFile(drafts, new Date('2026-03-01T08:00:00Z')).text) as unknown

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') }))
afterEach(() => vi.useRealTimers())

describe('backup of every draft', () => {
  test('holds every draft, the unsaved state of the open one and its last-year report', () => {
    const storage = memoryStorage()
    const draft = openWindow(storage)
    draft.createDraft(createReport(meta))
    const last: Report = createReport({ ...meta, year: 2024 })
    last.cells['t3.newReceived.naturalPerson'] = 11
    draft.setLastYear(last)
    draft.createDraft(exampleReport())
    draft.setCell('t3.newReceived.business', '77') // not yet autosaved

    const file = libraryBackupFile(draft.backupDrafts())
    expect(file.fileName).toMatch(/^年报草稿备份（2份）\d{4}-\d{2}-\d{2}\.json$/)
    const read = readLibraryBackup(file.text)
    expect(read?.ok).toBe(true)
    if (!read?.ok) return
    expect(read.skipped).toEqual([])
    const byYear = new Map(read.drafts.map((d) => [d.report.meta.year, d]))
    expect(byYear.get(2025)?.report.meta.agencyName).toBe('某县教育局')
    expect(byYear.get(2025)?.lastYear?.cells['t3.newReceived.naturalPerson']).toBe(11)
    const example = read.drafts.find((d) => d.id === draft.draftId)
    expect(example?.report.cells['t3.newReceived.business']).toBe(77)
  })

  test('a one-report JSON is not taken for a backup of every draft', () => {
    expect(readLibraryBackup(JSON.stringify(exampleReport()))).toBeNull()
    expect(readLibraryBackup('not json')).toBeNull()
  })

  test('unreadable entries are listed by title with the reason, the rest restore', () => {
    const good = { id: 'a1', title: '甲', revision: 2, savedAt: '2026-01-01T00:00:00Z' }
    const result = restoreLibraryBackup({
      type: 'nianbao-backup',
      drafts: [
        { ...good, report: createReport(meta), lastYear: null },
        { ...good, id: 'b2', title: '乙', report: { type: 'nianbao-report', schemaVersion: 9 } },
        { ...good, id: '../x', title: '丙', report: createReport(meta) },
        'junk',
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.drafts.map((d) => d.id)).toEqual(['a1'])
    expect(result.skipped).toHaveLength(3)
    expect(result.skipped[0]).toMatch(/^“乙”：.*新版本/)
    expect(result.skipped[1]).toBe('“丙”：草稿编号无效')
    expect(result.skipped[2]).toBe('第 4 份草稿：不是草稿数据')
  })
})

describe('restore plan', () => {
  const draft = (id: string, savedAt: string, revision: number, n: number): BackupDraft => {
    const report = createReport(meta)
    report.cells['t3.newReceived.naturalPerson'] = n
    return { id, title: id, revision, savedAt, report, lastYear: null }
  }
  const local = (d: BackupDraft, updatedAt: string, revision: number, n: number) => {
    const report = createReport(meta)
    report.cells['t3.newReceived.naturalPerson'] = n
    return { id: d.id, revision, updatedAt, report, lastYear: null }
  }

  test('adds missing drafts, replaces older copies, keeps newer and identical ones', () => {
    const missing = draft('new', '2026-02-01T00:00:00Z', 3, 1)
    const older = draft('old', '2026-02-10T00:00:00Z', 9, 2)
    const newerHere = draft('mine', '2026-02-01T00:00:00Z', 9, 3)
    const same = draft('same', '2026-02-01T00:00:00Z', 4, 4)
    const tie = draft('tie', '2026-02-01T00:00:00Z', 5, 5)
    const plan = planRestore(
      [missing, older, newerHere, same, tie],
      [
        local(older, '2026-02-09T00:00:00Z', 12, 20),
        local(newerHere, '2026-02-02T00:00:00Z', 1, 30),
        local(same, '2026-01-01T00:00:00Z', 1, 4),
        local(tie, '2026-02-01T00:00:00Z', 5, 50),
        { id: 'future', revision: 1, updatedAt: '2020-01-01', report: null, lastYear: null },
      ],
    )
    expect(plan.map((s) => [s.draft.id, s.action])).toEqual([
      ['new', 'add'],
      ['old', 'replace'],
      ['mine', 'keepLocal'],
      ['same', 'same'],
      ['tie', 'keepLocal'],
    ])
    expect(
      planRestore(
        [draft('future', '2030-01-01T00:00:00Z', 99, 1)],
        [{ id: 'future', revision: 1, updatedAt: '2020-01-01', report: null, lastYear: null }],
      )[0]!.action,
    ).toBe('localIsNewerVersion')
  })

  test('restoring through the store: added and replaced drafts open; a later local edit stays', () => {
    const source = memoryStorage()
    const before = openWindow(source)
    before.createDraft(createReport(meta))
    const kept = before.draftId!
    before.setCell('t3.newReceived.naturalPerson', '5')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    before.createDraft(exampleReport())
    const backup = backupOf(before.backupDrafts())

    // Later on this machine: the first draft is edited again; the example is deleted.
    vi.advanceTimersByTime(60_000)
    before.switchDraft(kept)
    before.setCell('t3.newReceived.naturalPerson', '6')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    before.deleteDraft(before.drafts.find((d) => d.id !== kept)!.id)

    const restored = restoreLibraryBackup(backup)
    if (!restored.ok) throw new Error(restored.error)
    const now = openWindow(source)
    const plan = planRestore(restored.drafts, now.localDrafts())
    expect(plan.map((s) => s.action).sort()).toEqual(['add', 'keepLocal'])
    expect(now.restoreBackup(plan)).toEqual({ restored: 1, failed: [] })
    expect(now.drafts).toHaveLength(2)
    expect(now.report?.cells['t3.newReceived.naturalPerson']).toBe(6)
    const example = now.drafts.find((d) => d.id !== kept)!
    now.switchDraft(example.id)
    expect(now.report).toEqual(exampleReport())
  })
})
