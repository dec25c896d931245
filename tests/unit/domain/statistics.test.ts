/**
 * 「插入统计句」: the wording for the sample report (typed by hand from its tables), and a property
 * test: for many random consistent reports, text written from the tables raises no text-vs-table
 * finding.
 */
import { describe, expect, it } from 'vitest'
import {
  createReport,
  exampleReport,
  formatOf,
  listCells,
  recomputeTotals,
  statisticsSentences,
  validate,
  type Report,
} from '../../../src/domain'
import { narrativeFacts } from '../../../src/domain/narrative'
import { planOf } from '../../../src/domain/rules/plan'

const TEXT_VS_TABLE = ['N-APPS', 'N-LITIG', 'N-OUTCOME-CLASS', 'N-REG-DOCS', 'N-FEE-MULT']

describe('sentences for the sample report', () => {
  const report = exampleReport()

  it('section 一 states 表二 and 表三 as the tables hold them', () => {
    expect(statisticsSentences(report, 'overview')).toBe(
      '主动公开方面，本年度制发行政规范性文件3件，废止行政规范性文件2件，现行有效行政规范性文件17件。' +
        '本年度作出行政许可处理决定2486件、行政处罚处理决定312件和行政强制处理决定45件。' +
        '全年行政事业性收费金额6.84万元。' +
        '依申请公开方面，本年度共收到政府信息公开申请53件，上年结转4件，办结52件，其中予以公开24件，' +
        '部分公开4件，不予公开9件，无法提供10件，不予处理3件，其他处理2件，结转下年度继续办理5件。',
    )
  })

  it('section 六 states 表四 and the fee, 「本年度未收取信息处理费」 when none', () => {
    expect(statisticsSentences(report, 'other')).toBe(
      '本年度因政府信息公开被申请行政复议3件，其中结果维持2件，结果纠正1件。' +
        '被提起行政诉讼3件，其中未经复议直接起诉2件，复议后起诉1件；诉讼中结果维持2件，尚未审结1件。' +
        '本年度未收取信息处理费。',
    )
    expect(statisticsSentences(report, 'other', { feeYuan: 120 })).toMatch(
      /本年度共收取信息处理费120元。$/,
    )
  })

  it('zero figures are left out or said as 「未…」, blanks are never stated', () => {
    const empty = createReport({ ...report.meta })
    expect(statisticsSentences(empty, 'overview')).toBe('')
    for (const id of Object.keys(empty.cells)) empty.cells[id] = 0
    expect(statisticsSentences(empty, 'overview')).toBe(
      '依申请公开方面，本年度未收到政府信息公开申请。',
    )
    expect(statisticsSentences(empty, 'other')).toBe(
      '本年度未发生因政府信息公开引起的行政复议、行政诉讼。本年度未收取信息处理费。',
    )
    expect(statisticsSentences(empty, 'problems')).toBe('')
  })
})

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every cell filled, totals computed, table 三 balanced per column (结转 = 一 + 二 − 办结). */
function randomReport(seed: number, year: number): Report {
  const next = random(seed)
  const count = (max: number) => (next() < 0.4 ? 0 : Math.floor(next() * max))
  const report = createReport({
    agencyName: '测试省人民政府',
    agencyKind: 'government',
    level: 'provincial',
    year,
    scope: 'self',
  })
  const plan = planOf(formatOf(report))
  const carryCells = new Set(plan.carry.flatMap((c) => [c.carriedOver]))
  for (const c of listCells(formatOf(report))) {
    if (c.isTotal || carryCells.has(c.id)) continue
    report.cells[c.id] =
      c.kind === 'amount'
        ? Math.floor(next() * 1000000) / 10000
        : count(c.tableKey === 't4' ? 4 : 30)
  }
  report.cells = recomputeTotals(report, ['t2', 't3', 't4'])
  for (const col of plan.carry.filter((c) => !c.isTotal)) {
    const results = report.cells[col.resultTotal]!
    // Enough received this year that nothing is negative, plus what stays for next year.
    const over = count(5)
    report.cells[col.newReceived] = Math.max(0, results + over - report.cells[col.carriedIn]!)
    report.cells[col.carriedOver] =
      report.cells[col.newReceived]! + report.cells[col.carriedIn]! - results
  }
  report.cells = recomputeTotals(report, ['t2', 't3', 't4'])
  return report
}

describe('property: text written from the tables agrees with the tables', () => {
  for (const year of [2020, 2025]) {
    it(`${year}: 300 random consistent reports, no ${TEXT_VS_TABLE.join(' / ')} finding`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const report = randomReport(seed * 7919 + year, year)
        const feeYuan = (seed % 4) * 10 * seed
        report.narrative = {
          overview: statisticsSentences(report, 'overview'),
          problems: statisticsSentences(report, 'problems'),
          other: statisticsSentences(report, 'other', { feeYuan }),
        }
        const arithmetic = validate(report).filter(
          (f) => f.severity === 'error' && f.ruleId.startsWith('T'),
        )
        expect(arithmetic, `seed ${seed}: the generated report is consistent`).toEqual([])
        const found = validate(report).filter((f) => TEXT_VS_TABLE.includes(f.ruleId))
        expect(
          found.map((f) => f.message),
          `seed ${seed}`,
        ).toEqual([])
        // The reader did read the figures (the test would pass trivially on unreadable text).
        const facts = narrativeFacts(report)
        const total = planOf(formatOf(report)).carry.find((c) => c.isTotal)!
        const received = report.cells[total.newReceived]
        expect(facts.apps.find((a) => a.kind === 'received')?.value, `seed ${seed}`).toBe(received)
        expect(facts.disputes.length, `seed ${seed}`).toBeGreaterThanOrEqual(2)
        expect(facts.fees.map((f) => f.value)).toEqual([feeYuan])
      }
    })
  }
})
