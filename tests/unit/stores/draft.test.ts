import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createReport, type Report } from '../../../src/domain'
import { memoryStorage, setStorage, type KeyValueStorage } from '../../../src/io/storage'
import { SAVE_DELAY_MS, useDraftStore } from '../../../src/stores/draft'
import { ASIDE_PREFIX, draftKey, INDEX_KEY } from '../../../src/stores/persistence'

const meta = {
  agencyName: '某县人民政府办公室',
  agencyKind: 'department',
  level: 'county',
  year: 2024,
  scope: 'self',
} as const

let storage: KeyValueStorage

function freshStore() {
  setActivePinia(createPinia())
  return useDraftStore()
}

beforeEach(() => {
  vi.useFakeTimers()
  storage = memoryStorage()
  setStorage(storage)
})
afterEach(() => vi.useRealTimers())

describe('editing and undo', () => {
  test('setCell parses input, refuses bad input and keeps the previous value', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    expect(draft.setCell('t3.newReceived.naturalPerson', '1,234件')).toEqual({
      ok: true,
      value: 1234,
    })
    const refused = draft.setCell('t3.newReceived.naturalPerson', '十二')
    expect(refused.ok).toBe(false)
    expect(refused.ok ? '' : refused.reason).toContain('不是数字')
    expect(draft.setCell('t3.newReceived.naturalPerson', '1.5').ok).toBe(false)
    expect(draft.setCell('t3.newReceived.naturalPerson', '-3').ok).toBe(false)
    expect(draft.report?.cells['t3.newReceived.naturalPerson']).toBe(1234)
  })

  test('totals are computed in computed mode and cannot be typed', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    draft.setCell('t3.newReceived.naturalPerson', '5')
    draft.setCell('t3.newReceived.business', '2')
    expect(draft.report?.cells['t3.newReceived.total']).toBe(7)
    expect(draft.setCell('t3.newReceived.total', '9').ok).toBe(false)
    expect(draft.report?.cells['t3.newReceived.total']).toBe(7)
    draft.setTotalsMode('t3', 'manual')
    expect(draft.setCell('t3.newReceived.total', '9').ok).toBe(true)
    draft.recomputeTable('t3')
    expect(draft.report?.cells['t3.newReceived.total']).toBe(7)
  })

  test('undo and redo walk every change back and forth', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    expect(draft.canUndo).toBe(false)
    draft.setCell('t4.review.upheld', '3')
    draft.setCell('t4.review.upheld', '4')
    draft.undo()
    expect(draft.report?.cells['t4.review.upheld']).toBe(3)
    draft.undo()
    expect(draft.report?.cells['t4.review.upheld']).toBeNull()
    expect(draft.canUndo).toBe(false)
    draft.redo()
    draft.redo()
    expect(draft.report?.cells['t4.review.upheld']).toBe(4)
    expect(draft.canRedo).toBe(false)
    draft.undo()
    draft.setCell('t4.review.corrected', '1')
    expect(draft.canRedo).toBe(false)
  })

  test('replaceReport and a pasted block are one undo step each', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    const result = draft.setCells(
      { 't4.review.upheld': '1', 't4.review.corrected': '2件', 't4.review.other': 'abc' },
      '粘贴',
    )
    expect(result.changed).toBe(2)
    expect(result.rejected.map((r) => r.cellId)).toEqual(['t4.review.other'])
    expect(draft.report?.cells['t4.review.total']).toBe(3)

    const imported: Report = createReport(meta)
    imported.cells['t3.newReceived.naturalPerson'] = 40
    imported.narrative.overview = '导入的总体情况'
    draft.replaceReport(imported, '导入 Excel')
    expect(draft.report?.cells['t3.newReceived.total']).toBe(40)
    expect(draft.report?.cells['t4.review.upheld']).toBeNull()
    draft.undo()
    expect(draft.report?.narrative.overview).toBe('')
    expect(draft.report?.cells['t4.review.upheld']).toBe(1)
    draft.undo()
    expect(draft.report?.cells['t4.review.upheld']).toBeNull()
    expect(draft.canUndo).toBe(false)
  })

  test('typing in a narrative box is one undo step per burst', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    draft.setNarrative('overview', '本')
    draft.setNarrative('overview', '本年')
    draft.setNarrative('overview', '本年度')
    draft.undo()
    expect(draft.report?.narrative.overview).toBe('')
  })

  test('after a sentence end or a pause of a second, typing is a new undo step', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    draft.setNarrative('overview', '甲', '甲')
    draft.setNarrative('overview', '甲。', '。')
    draft.setNarrative('overview', '甲。乙', '乙')
    vi.advanceTimersByTime(1000)
    draft.setNarrative('overview', '甲。乙丙', '丙')
    draft.undo()
    expect(draft.report?.narrative.overview).toBe('甲。乙')
    draft.undo()
    expect(draft.report?.narrative.overview).toBe('甲。')
    draft.undo()
    expect(draft.report?.narrative.overview).toBe('')
  })

  test('blank-to-zero fills only blank input cells, as one step', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    draft.setCell('t4.review.upheld', '2')
    // Table 四: 3 groups × 5 columns, 3 of them computed totals, one input already filled.
    expect(draft.blankCells(['t4'])).toHaveLength(11)
    expect(draft.fillBlanksWithZero(['t4'])).toBe(11)
    expect(draft.report?.cells['t4.review.total']).toBe(2)
    expect(draft.report?.cells['t4.litigationDirect.total']).toBe(0)
    draft.undo()
    expect(draft.report?.cells['t4.review.corrected']).toBeNull()
  })
})

describe('autosave', () => {
  test('a change is saved within a second and a new store restores it exactly', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    draft.setCell('t3.carriedIn.research', '6')
    draft.setNarrative('problems', '问题与改进')
    expect(draft.saveState).toBe('pending')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(draft.saveState).toBe('saved')
    const saved = draft.report

    const again = freshStore()
    expect(again.report).toEqual(saved)
    expect(again.report?.cells['t3.carriedIn.total']).toBe(6)
    expect(again.canUndo).toBe(false)
  })

  test('several drafts are kept and switched', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    const first = draft.draftId
    draft.setCell('t4.review.upheld', '1')
    draft.createDraft(createReport({ ...meta, year: 2020, agencyName: '某县教育局' }))
    expect(draft.drafts).toHaveLength(2)
    expect(draft.report?.formatId).toBe('gov2019')
    draft.switchDraft(first!)
    expect(draft.report?.cells['t4.review.upheld']).toBe(1)
    expect(freshStore().draftId).toBe(first)
  })

  test('an unreadable stored draft is kept aside and the user is told', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    const id = draft.draftId!
    storage.setItem(draftKey(id), '{"type":"nianbao-report", broken')

    const again = freshStore()
    expect(again.report).toBeNull()
    expect(again.notices).toHaveLength(1)
    expect(again.notices[0]).toContain('无法读取')
    const aside = storage.keys().filter((k) => k.startsWith(ASIDE_PREFIX))
    expect(aside).toHaveLength(1)
    expect(storage.getItem(aside[0]!)).toBe('{"type":"nianbao-report", broken')
  })

  test('a full quota becomes a message and the edit stays in memory', () => {
    const draft = freshStore()
    draft.createDraft(createReport(meta))
    const setItem = vi.spyOn(storage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    draft.setCell('t4.review.upheld', '8')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(draft.saveState).toBe('failed')
    expect(draft.saveError).toContain('存储空间已满')
    expect(draft.report?.cells['t4.review.upheld']).toBe(8)
    // Leaving the draft now would lose the edit: refused.
    expect(draft.closeDraft()).toBe(false)
    setItem.mockRestore()
    draft.setCell('t4.review.upheld', '9')
    vi.advanceTimersByTime(SAVE_DELAY_MS)
    expect(draft.saveState).toBe('saved')
    expect(storage.getItem(INDEX_KEY)).toContain(draft.draftId!)
  })
})
