/**
 * The three reports everything else leans on: the seed (a real 2020 report), the large 2021
 * report (perturbed cell by cell), and what carry-over and migration make of them.
 */
import { describe, expect, it } from 'vitest'
import {
  carryOver,
  exampleReport,
  gov2021,
  listCells,
  migrate2019to2021,
  validate,
  type Report,
} from '../../../src/domain'
import { largeReport } from '../../fixtures/large2021'
import { seedReport } from '../../fixtures/seed2020'
import { APPLICANT_KEYS } from './handTyped'

const ruleIds = (report: Report, lastYear?: Report) =>
  validate(report, lastYear ? { lastYear } : {}).map((f) => f.ruleId)
const errors = (report: Report) => validate(report).filter((f) => f.severity === 'error')

const PARTS = APPLICANT_KEYS

describe('the seed report (2020, 2019 layout)', () => {
  it('validates without errors; it lacks 监督保障 wording and a fee statement', () => {
    expect(errors(seedReport())).toEqual([])
    expect(ruleIds(seedReport())).toEqual(['N-OVERALL-5', 'N-FEE'])
  })

  it('migrates to the 2021 layout, listing what has no place there', () => {
    const { report, unmapped, notes } = migrate2019to2021(seedReport())
    expect(report.formatId).toBe('gov2021')
    expect(report.meta.year).toBe(2020)
    expect(unmapped).toEqual([
      't2.regulations.published',
      't2.regulations.publishedTotal',
      't2.normativeDocs.published',
      't2.normativeDocs.publishedTotal',
      't2.licensing.itemsLastYear',
      't2.licensing.itemsChange',
      't2.otherServices.itemsLastYear',
      't2.otherServices.itemsChange',
      't2.otherServices.decisions',
      't2.penalty.itemsLastYear',
      't2.penalty.itemsChange',
      't2.enforcement.itemsLastYear',
      't2.enforcement.itemsChange',
      't2.fees.itemsLastYear',
      't2.fees.itemsChange',
      't2.procurement.projects',
      't2.procurement.amount',
    ])
    // 本年新制作数量 ≈ 本年制发件数 (noted); 对外公开总数量 does not become 现行有效件数.
    expect(report.cells['t2.normativeDocs.issued']).toBe(0)
    expect(report.cells['t2.normativeDocs.inForce']).toBeNull()
    expect(report.cells['t2.normativeDocs.repealed']).toBeNull()
    expect(report.cells['t2.fees.amount']).toBeNull()
    expect(report.cells['t2.licensing.decisions']).toBe(0)
    expect(notes.some((n) => n.includes('本年新制作数量') && n.includes('本年制发件数'))).toBe(true)
    expect(notes.some((n) => n.includes('对外公开总数量不等于现行有效件数'))).toBe(true)
    // （六）其他处理 = 0 splits as 0 into 1, 2 and 3.
    for (const item of ['noCorrection', 'feeUnpaid', 'otherReason']) {
      expect(report.cells[`t3.otherHandling.${item}.total`]).toBe(0)
    }
    expect(report.narrative).toEqual(seedReport().narrative)
    expect(errors(report)).toEqual([])
  })

  it('puts a non-zero （六）其他处理 into 3.其他 only, leaves 1 and 2 blank, and says so', () => {
    const seed = seedReport()
    seed.cells['t3.otherHandling.naturalPerson'] = 3
    seed.cells['t3.otherHandling.total'] = 3
    const { report, notes } = migrate2019to2021(seed)
    expect(report.cells['t3.otherHandling.otherReason.naturalPerson']).toBe(3)
    expect(report.cells['t3.otherHandling.noCorrection.naturalPerson']).toBeNull()
    expect(report.cells['t3.otherHandling.feeUnpaid.naturalPerson']).toBeNull()
    expect(report.cells['t3.otherHandling.otherReason.total']).toBe(3)
    expect(notes.filter((n) => n.includes('3.其他'))).toHaveLength(1)
  })

  it('carries over into a 2021 draft with 上年结转 = its 结转下年度', () => {
    const seed = seedReport()
    seed.cells['t3.carriedOver.naturalPerson'] = 2
    seed.cells['t3.carriedOver.total'] = 2
    const { report, carried } = carryOver(seed)
    expect(report.formatId).toBe('gov2021')
    expect(report.meta).toEqual({
      agencyName: '乐清市新居民服务中心',
      agencyKind: 'department',
      level: 'county',
      year: 2021,
      scope: 'self',
    })
    expect(report.narrative).toEqual({ overview: '', problems: '', other: '' })
    expect(carried).toEqual(PARTS.map((c) => `t3.carriedIn.${c}`))
    expect(PARTS.map((c) => report.cells[`t3.carriedIn.${c}`])).toEqual([2, 0, 0, 0, 0, 0])
    expect(report.cells['t3.carriedIn.total']).toBe(2)
    expect(report.cells['t3.newReceived.total']).toBeNull()
  })

  it('serves as last year of a 2021 report: carry is checked, 现行有效 is not', () => {
    const { report } = carryOver(seedReport())
    for (const c of listCells(gov2021)) report.cells[c.id] ??= 0
    report.cells['t2.normativeDocs.inForce'] = 5
    expect(
      ruleIds(report, seedReport()).filter((id) => /^(X-|T2-STOCK|T2-REPEAL)/.test(id)),
    ).toEqual([])
    report.cells['t3.carriedIn.naturalPerson'] = 1
    expect(ruleIds(report, seedReport())).toContain('X-CARRY')
  })
})

describe('the sample report', () => {
  it('carries over into 2026 with 上年结转 [2, 2, 0, 0, 0, 1] = 5', () => {
    const { report } = carryOver(exampleReport(), new Date('2026-01-25'))
    expect(report.meta.year).toBe(2026)
    expect(PARTS.map((c) => report.cells[`t3.carriedIn.${c}`])).toEqual([2, 2, 0, 0, 0, 1])
    expect(report.cells['t3.carriedIn.total']).toBe(5)
  })
})

describe('the large 2021 report', () => {
  it('is balanced: 7830 + 592 = 7849 + 573, and passes clean (one info for a government)', () => {
    const report = largeReport()
    expect(report.cells['t3.newReceived.total']).toBe(7830)
    expect(report.cells['t3.carriedIn.total']).toBe(592)
    expect(report.cells['t3.resultTotal.total']).toBe(7849)
    expect(report.cells['t3.carriedOver.total']).toBe(573)
    expect(ruleIds(report)).toEqual(['T4-COUNT-RULE'])
  })

  it('catches every single-cell change of a part or a total of tables 三 and 四', () => {
    const cells = listCells(gov2021).filter((c) => c.tableKey !== 't2')
    expect(cells).toHaveLength(190)
    const missed: string[] = []
    for (const cell of cells) {
      for (const delta of [1, -1]) {
        const report = largeReport()
        const value = report.cells[cell.id]!
        if (value + delta < 0) continue
        report.cells[cell.id] = value + delta
        const caught = validate(report).some(
          (f) => f.severity === 'error' && f.cells.includes(cell.id),
        )
        if (!caught) missed.push(`${cell.id} ${delta > 0 ? '+' : '−'}1`)
      }
    }
    expect(missed).toEqual([])
  })

  it('catches a changed 规章 or 行政规范性文件 count through the text', () => {
    for (const id of ['t2.regulations.issued', 't2.normativeDocs.inForce']) {
      const report = largeReport()
      report.cells[id]! += 1
      expect(validate(report).find((f) => f.ruleId === 'N-REG-DOCS')?.cells).toEqual([id])
    }
  })
})
