/**
 * The thresholds and last-year halves of the plausibility rules, each just on either side, so a
 * changed threshold or a dropped last-year comparison fails here. Values worked out by hand from
 * the built-in example: 表三 新收 38+9+0+1+3+2 = 53, 上年结转 3+1 = 4 (57 to handle), 结转下年度
 * 2+2+0+0+0+1 = 5; 表四 复议 3, 直接起诉 2, 复议后起诉 1. Ratios are tested on denominators large
 * enough that a threshold moved by 1 % changes the outcome.
 */
import { describe, expect, it } from 'vitest'
import { exampleReport, recomputeTotals, validate, type Report } from '../../../src/domain'

function set(report: Report, values: Record<string, number>): Report {
  Object.assign(report.cells, values)
  report.cells = recomputeTotals(report)
  return report
}

/** How often `ruleId` fires, whatever else the changed example trips. */
const count = (ruleId: string, report: Report, lastYear?: Report) =>
  validate(report, lastYear ? { lastYear } : {}).filter((f) => f.ruleId === ruleId).length

/** Last year's report: the example a year earlier, its texts empty. */
function lastYearOf(report: Report, values: Record<string, number> = {}): Report {
  const last = structuredClone(report)
  last.meta = { ...last.meta, year: report.meta.year - 1 }
  last.narrative = { overview: '', problems: '', other: '' }
  return set(last, values)
}

describe('T3-CARRY-HIGH: more than 30 % of the year’s applications carried over', () => {
  // 新收 自然人 38 + 943: 996 新收 + 4 上年结转 = 1,000 to handle; 结转 total = 自然人 + 3.
  const carried = (total: number) =>
    set(exampleReport(), {
      't3.newReceived.naturalPerson': 38 + 943,
      't3.carriedOver.naturalPerson': total - 3,
    })

  it('300 of 1,000 (30.0 %) passes, 301 of 1,000 (30.1 %) is reported', () => {
    expect(count('T3-CARRY-HIGH', carried(300))).toBe(0)
    expect(count('T3-CARRY-HIGH', carried(301))).toBe(1)
    const [finding] = validate(carried(301)).filter((f) => f.ruleId === 'T3-CARRY-HIGH')
    expect(finding!.message).toContain(
      '结转下年度 301 件，占本年可办理申请（新收+上年结转）1000 件的 30%，高于 30%',
    )
  })
})

describe('T4-AFTER-VS-REVIEW: 复议后起诉 with no 复议 this year or last', () => {
  const noReviewThisYear = () =>
    set(exampleReport(), { 't4.review.upheld': 0, 't4.review.corrected': 0 })

  it('is reported only when last year had no 复议 either', () => {
    const report = noReviewThisYear()
    expect(report.cells['t4.review.total']).toBe(0)
    expect(report.cells['t4.litigationAfterReview.total']).toBe(1)
    expect(count('T4-AFTER-VS-REVIEW', report, lastYearOf(report))).toBe(1)
    // One 复议 last year explains this year's 复议后起诉.
    const lastWithReview = lastYearOf(report, { 't4.review.upheld': 1 })
    expect(lastWithReview.cells['t4.review.total']).toBe(1)
    expect(count('T4-AFTER-VS-REVIEW', report, lastWithReview)).toBe(0)
  })

  it('needs last year’s report: without it nothing is said', () => {
    expect(count('T4-AFTER-VS-REVIEW', noReviewThisYear())).toBe(0)
  })
})

describe('T4-VOLUME: more 复议 and 诉讼 than this and last year’s applications', () => {
  // 复议 122 + 1 = 123, 直接起诉 2, 复议后起诉 1: 126 disputes; this year 57 applications.
  const report = () => set(exampleReport(), { 't4.review.upheld': 122 })
  // Last year's 新收 自然人 38 + n: its applications are 57 + n.
  const lastYear = (extra: number) =>
    lastYearOf(report(), { 't3.newReceived.naturalPerson': 38 + extra })

  it('126 against 57 + 69 = 126 passes, against 57 + 68 = 125 is reported', () => {
    expect(count('T4-VOLUME', report(), lastYear(12))).toBe(0)
    expect(count('T4-VOLUME', report(), lastYear(11))).toBe(1)
    const [finding] = validate(report(), { lastYear: lastYear(11) }).filter(
      (f) => f.ruleId === 'T4-VOLUME',
    )
    expect(finding!.message).toContain('合计 126 件，多于本年和上年申请之和 57 + 68 = 125 件')
  })

  it('needs last year’s report: without it nothing is said', () => {
    expect(count('T4-VOLUME', report())).toBe(0)
  })
})

describe('N-COPY: a section 85 % or more like last year’s', () => {
  // 401 distinct characters: 400 distinct bigrams. Replacing the last k characters leaves
  // 400 − k shared bigrams, a Dice similarity of 2(400 − k) / 800.
  const base = Array.from({ length: 401 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7)).join('')
  const changedTail = (k: number) =>
    base.slice(0, 401 - k) +
    Array.from({ length: k }, (_, i) => String.fromCodePoint(0x9000 + i * 5)).join('')

  const copied = (k: number) => {
    const report = exampleReport()
    report.narrative.overview = changedTail(k)
    const last = lastYearOf(report)
    last.narrative.overview = base
    return count('N-COPY', report, last)
  }

  it('340 of 400 bigrams shared (85 %) is reported, 339 of 400 (84.75 %) is not', () => {
    expect(copied(60)).toBe(1)
    expect(copied(61)).toBe(0)
  })
})
