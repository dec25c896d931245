import { describe, expect, test } from 'vitest'
import { createReport, type Report, type RuleId } from '../../../src/domain'
import { mergeReports } from '../../../src/domain/merge'

const meta = {
  agencyName: '某县人民政府办公室',
  agencyKind: 'department',
  level: 'county',
  year: 2024,
  scope: 'self',
} as const

const edit = (r: Report, change: (copy: Report) => void): Report => {
  const copy = structuredClone(r)
  change(copy)
  return copy
}

describe('mergeReports: cell by cell, section by section', () => {
  const base = edit(createReport(meta), (r) => {
    r.cells['t4.review.upheld'] = 1
    r.narrative.overview = '原文'
  })

  test('changes on different parts are both kept', () => {
    const mine = edit(base, (r) => {
      r.cells['t4.review.corrected'] = 2
      r.narrative.problems = '本窗口写的问题'
      r.totalsMode.t3 = 'manual'
    })
    const theirs = edit(base, (r) => {
      r.cells['t4.review.upheld'] = 5
      r.narrative.overview = '另一窗口改的总体情况'
      r.meta.issuedOn = '2025-01-20'
    })
    const merged = mergeReports(base, mine, theirs)
    expect(merged.conflicts).toEqual([])
    expect(merged.fromMine).toBe(3)
    expect(merged.report.cells['t4.review.upheld']).toBe(5)
    expect(merged.report.cells['t4.review.corrected']).toBe(2)
    expect(merged.report.narrative).toMatchObject({
      overview: '另一窗口改的总体情况',
      problems: '本窗口写的问题',
    })
    expect(merged.report.totalsMode.t3).toBe('manual')
    expect(merged.report.meta.issuedOn).toBe('2025-01-20')
  })

  test('computed totals that differ only because different parts changed are no conflict', () => {
    const mine = edit(base, (r) => {
      r.cells['t4.review.corrected'] = 2
      r.cells['t4.review.total'] = 3
    })
    const theirs = edit(base, (r) => {
      r.cells['t4.review.other'] = 4
      r.cells['t4.review.total'] = 5
    })
    const merged = mergeReports(base, mine, theirs)
    expect(merged.conflicts).toEqual([])
    expect(merged.fromMine).toBe(1)
    expect(merged.report.cells).toMatchObject({
      't4.review.corrected': 2,
      't4.review.other': 4,
    })
  })

  test('a part both changed differently keeps the saved value and is named', () => {
    const mine = edit(base, (r) => {
      r.cells['t4.review.upheld'] = 7
      r.narrative.overview = '本窗口的版本'
      r.cells['t4.review.other'] = 3
    })
    const theirs = edit(base, (r) => {
      r.cells['t4.review.upheld'] = 8
      r.narrative.overview = '另一窗口的版本'
      r.cells['t4.review.other'] = 3 // the same change on both sides is no conflict
    })
    const merged = mergeReports(base, mine, theirs)
    expect(merged.report.cells['t4.review.upheld']).toBe(8)
    expect(merged.report.narrative.overview).toBe('另一窗口的版本')
    expect(merged.fromMine).toBe(0)
    expect(merged.conflicts).toHaveLength(2)
    expect(merged.conflicts[0]).toContain('结果维持')
    expect(merged.conflicts[1]).toBe('一、总体情况')
  })

  test('no change here: the saved report as it is', () => {
    const theirs = edit(base, (r) => (r.cells['t4.review.upheld'] = 9))
    expect(mergeReports(base, base, theirs)).toEqual({ report: theirs, fromMine: 0, conflicts: [] })
  })
})

describe('mergeReports: 「说明」', () => {
  const explanation = (ruleId: RuleId, reason: string) => ({
    ruleId,
    cells: [],
    message: `${ruleId} 的提示`,
    reason,
    on: '2026-01-15',
  })
  const base = edit(createReport(meta), (r) => {
    r.explanations = [explanation('M-SIGN', '落款另行加盖公章')]
  })

  test("each window's new and withdrawn explanations are kept", () => {
    const mine = edit(base, (r) => {
      r.explanations = [...r.explanations!, explanation('T3-BLANK', '本窗口写的')]
    })
    const theirs = edit(base, (r) => {
      r.explanations = [explanation('T4-BLANK', '另一窗口写的')] // and withdrew M-SIGN's
    })
    const merged = mergeReports(base, mine, theirs)
    expect(merged.conflicts).toEqual([])
    expect(merged.report.explanations?.map((e) => e.reason)).toEqual(['另一窗口写的', '本窗口写的'])
    expect(merged.fromMine).toBe(1)
  })

  test('an explanation withdrawn here stays withdrawn', () => {
    const mine = edit(base, (r) => delete r.explanations)
    const merged = mergeReports(base, mine, base)
    expect('explanations' in merged.report).toBe(false)
  })
})
