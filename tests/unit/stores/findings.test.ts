import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createReport, exampleReport } from '../../../src/domain'
import { memoryStorage, setStorage } from '../../../src/io/storage'
import { useDraftStore } from '../../../src/stores/draft'
import { LONG_TEXT, useFindingsStore } from '../../../src/stores/findings'

beforeEach(() => {
  setStorage(memoryStorage())
  setActivePinia(createPinia())
})

test('no draft, no findings; the example has no errors', () => {
  const draft = useDraftStore()
  const findings = useFindingsStore()
  expect(findings.findings).toEqual([])
  draft.createDraft(exampleReport())
  expect(findings.counts.error).toBe(0)
})

test('a broken balance is found, keyed by its cells, selectable until fixed', () => {
  const draft = useDraftStore()
  const findings = useFindingsStore()
  draft.createDraft(
    createReport({
      agencyName: '某县人民政府',
      agencyKind: 'government',
      level: 'county',
      year: 2025,
      scope: 'self',
    }),
  )
  draft.fillBlanksWithZero(['t3'])
  draft.setCell('t3.newReceived.naturalPerson', '4')
  const balance = findings.findings.filter((f) => f.ruleId === 'T3-BALANCE')
  // The 自然人 column: 4 + 0 ≠ 0 + 0. The computed 总计 column breaks with it: one mistake, one
  // finding (issue 9), so it is not reported again.
  expect(balance).toHaveLength(1)
  expect(balance[0]!.message).toContain('“自然人”列')
  expect(balance[0]!.message).toContain('相差 4')
  expect(findings.counts.error).toBeGreaterThanOrEqual(1)
  expect(findings.byCell.get('t3.carriedOver.naturalPerson')?.[0]?.ruleId).toBe('T3-BALANCE')

  findings.select(balance[0]!)
  expect(findings.outlinedCells.has('t3.newReceived.naturalPerson')).toBe(true)
  draft.setCell('t3.disclosed.naturalPerson', '4')
  expect(findings.findings.some((f) => f.ruleId === 'T3-BALANCE')).toBe(false)
  expect(findings.selected).toBeNull()
  expect(findings.outlinedCells.size).toBe(0)
})

test('typing in long text is checked after a pause; a cell edit at once; explained findings apart', () => {
  vi.useFakeTimers()
  const draft = useDraftStore()
  const findings = useFindingsStore()
  draft.createDraft(exampleReport())
  const padding = '本机关持续推进政务公开工作。'.repeat(Math.ceil(LONG_TEXT / 14))
  draft.setNarrative('problems', padding + draft.report!.narrative.problems)
  vi.advanceTimersByTime(2000)
  const wrong = draft.report!.narrative.overview.replace(
    '全年共收到政府信息公开申请53件',
    '全年共收到政府信息公开申请54件',
  )
  draft.setNarrative('overview', wrong)
  expect(findings.findings.some((f) => f.ruleId === 'N-APPS')).toBe(false) // not yet read
  vi.advanceTimersByTime(2000)
  expect(findings.findings.some((f) => f.ruleId === 'N-APPS')).toBe(true)

  draft.setCell('t4.review.upheld', '9')
  expect(findings.findings.some((f) => f.ruleId === 'N-LITIG')).toBe(true) // no wait for cells

  const apps = findings.open.find((f) => f.ruleId === 'N-APPS')!
  expect(draft.explainFinding(apps, '正文为笔误，已通知修改').ok).toBe(true)
  expect(findings.open.some((f) => f.ruleId === 'N-APPS')).toBe(false)
  expect(findings.explained.map((e) => e.finding.ruleId)).toEqual(['N-APPS'])
  const error = findings.open.find((f) => f.severity === 'error')
  if (error) expect(draft.explainFinding(error, '理由').ok).toBe(false)
})

afterEach(() => {
  vi.useRealTimers()
})
