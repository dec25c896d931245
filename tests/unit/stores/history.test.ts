/** Undo steps in text: a new step after a pause of a second or after a sentence end. */
import { describe, expect, test } from 'vitest'
import { createReport, exampleReport, sameReport, type Report } from '../../../src/domain'
import { COALESCE_MS, endsSentence, pushStep, type HistoryStep } from '../../../src/stores/history'

const base = createReport({
  agencyName: '某县司法局',
  agencyKind: 'department',
  level: 'county',
  year: 2024,
  scope: 'self',
})
const withText = (text: string): Report => ({
  ...base,
  narrative: { ...base.narrative, overview: text },
})

/** Types `keys` one edit at a time at the given times; returns the texts each undo step ends at. */
function typeAt(edits: readonly (readonly [text: string, at: number])[]): string[] {
  let past: HistoryStep[] = []
  let current = withText('')
  for (const [text, at] of edits) {
    const after = withText(text)
    past = pushStep(past, {
      before: current,
      after,
      description: '编辑',
      coalesceKey: 'narrative.overview',
      endsGroup: endsSentence(text.slice(current.narrative.overview.length)),
      at,
    })
    current = after
  }
  return past.map((s) => s.after.narrative.overview)
}

describe('text undo steps', () => {
  test('a burst is one step; a pause of a second starts the next', () => {
    expect(
      typeAt([
        ['本', 0],
        ['本年', 200],
        ['本年度', 400],
        ['本年度共', 400 + COALESCE_MS],
        ['本年度共收到', 500 + COALESCE_MS],
      ]),
    ).toEqual(['本年度', '本年度共收到'])
  })

  test('after 。 the next character starts a new step, even without a pause', () => {
    expect(
      typeAt([
        ['甲', 0],
        ['甲。', 100],
        ['甲。乙', 200],
        ['甲。乙！', 300],
        ['甲。乙！丙', 400],
      ]),
    ).toEqual(['甲。', '甲。乙！', '甲。乙！丙'])
  })

  test('a paragraph typed in bursts is never one step', () => {
    const sentence = '本年度共收到政府信息公开申请53件。'
    const edits: [string, number][] = []
    let text = ''
    let at = 0
    for (let i = 0; i < 3; i++) {
      for (const ch of sentence) {
        text += ch
        at += 150
        edits.push([text, at])
      }
    }
    expect(typeAt(edits)).toHaveLength(3)
  })

  test('endsSentence: 。！？； and line breaks end a sentence', () => {
    expect(endsSentence('。')).toBe(true)
    expect(endsSentence('\n')).toBe(true)
    expect(endsSentence('本年度')).toBe(false)
    expect(endsSentence(null)).toBe(false)
  })
})

describe('sameReport', () => {
  test('compares content, not identity', () => {
    const a = exampleReport()
    expect(sameReport(a, exampleReport())).toBe(true)
    expect(sameReport(a, { ...a, cells: { ...a.cells, 't4.review.upheld': 3 } })).toBe(false)
    expect(
      sameReport(a, { ...a, narrative: { ...a.narrative, other: a.narrative.other + '。' } }),
    ).toBe(false)
    expect(sameReport(a, { ...a, meta: { ...a.meta, issuedOn: '2026-01-21' } })).toBe(false)
    expect(sameReport(a, { ...a, explanations: [] })).toBe(true)
    expect(
      sameReport(a, {
        ...a,
        explanations: [{ ruleId: 'T3-BLANK', cells: [], message: 'm', reason: 'r', on: '' }],
      }),
    ).toBe(false)
  })
})
