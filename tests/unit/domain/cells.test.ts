import { describe, expect, it } from 'vitest'
import {
  formatForYear,
  gov2019,
  gov2021,
  listCells,
  sumConstraints,
  tableLayout,
  tableOf,
  UnsupportedYearError,
} from '../../../src/domain'

describe('cell catalogue', () => {
  it('has 10 + 175 + 15 cells in 2021 and 22 + 161 + 15 in 2019', () => {
    const count = (f: typeof gov2021, t: string) =>
      listCells(f).filter((c) => c.tableKey === t).length
    expect([count(gov2021, 't2'), count(gov2021, 't3'), count(gov2021, 't4')]).toEqual([
      10, 175, 15,
    ])
    expect([count(gov2019, 't2'), count(gov2019, 't3'), count(gov2019, 't4')]).toEqual([
      22, 161, 15,
    ])
  })

  it('builds readable ids and official label paths', () => {
    const cell = listCells(gov2021).find((c) => c.id === 't3.withheld.stateSecret.business')
    expect(cell?.rowLabels).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'])
    expect(cell?.columnLabels).toEqual(['申请人情况', '法人或其他组织', '商业企业'])
    expect(cell?.name).toBe('表三 （三）不予公开 1.属于国家秘密 · 商业企业')
    const t2 = listCells(gov2021).find((c) => c.id === 't2.normativeDocs.inForce')
    expect(t2?.rowLabels).toEqual(['第二十条第（一）项', '行政规范性文件'])
    expect(listCells(gov2021).some((c) => c.id === 't4.review.total')).toBe(true)
    expect(new Set(listCells(gov2021).map((c) => c.id)).size).toBe(200)
  })

  it('declares 25 row sums, 7 column sums of （七）总计 and 3 table-四 totals in 2021', () => {
    const byRule = (rule: string) => sumConstraints(gov2021).filter((c) => c.ruleId === rule)
    expect(byRule('T3-ROWSUM')).toHaveLength(25)
    expect(byRule('T3-SUBTOTAL')).toHaveLength(7)
    // （一）（二）, 8 + 3 + 5 + 3 numbered sub-rows: 21 parts.
    expect(byRule('T3-SUBTOTAL')[0]!.parts).toHaveLength(21)
    expect(byRule('T4-SUM-AFTER')[0]!.parts).toEqual([
      't4.litigationAfterReview.upheld',
      't4.litigationAfterReview.corrected',
      't4.litigationAfterReview.other',
      't4.litigationAfterReview.pending',
    ])
    expect(
      sumConstraints(gov2019).filter((c) => c.ruleId === 'T3-SUBTOTAL')[0]!.parts,
    ).toHaveLength(19)
  })
})

describe('formatForYear', () => {
  it('uses the 2019 layout for 2019 and 2020, the 2021 layout after', () => {
    expect(formatForYear(2019).id).toBe('gov2019')
    expect(formatForYear(2020).id).toBe('gov2019')
    expect(formatForYear(2021).id).toBe('gov2021')
    expect(formatForYear(2025, new Date('2026-01-10')).id).toBe('gov2021')
  })
  it('rejects years before 2019 and beyond next year', () => {
    expect(() => formatForYear(2018)).toThrow(UnsupportedYearError)
    expect(() => formatForYear(2028, new Date('2026-06-01'))).toThrow(/2028/)
  })
})

describe('table layout', () => {
  it('merges table 三 the way it is printed: 3×3 corner note, 22-row 三、 label', () => {
    const rows = tableLayout(tableOf(gov2021, 't3')).rows
    const corner = rows[0]!.cells[0]!
    expect([corner.kind, corner.rowSpan, corner.colSpan]).toEqual(['corner', 3, 3])
    const results = rows.flatMap((r) => r.cells).find((c) => c.text === '三、本年度办理结果')
    expect(results?.rowSpan).toBe(22)
    const withheld = rows.flatMap((r) => r.cells).find((c) => c.text === '（三）不予公开')
    expect([withheld?.rowSpan, withheld?.col]).toEqual([8, 1])
  })
  it('lays table 二 on a 4-column grid with 本年处理决定数量 spanning 3 columns', () => {
    const layout = tableLayout(tableOf(gov2021, 't2'))
    expect(layout.width).toBe(4)
    const decisions = layout.rows.flatMap((r) => r.cells).find((c) => c.text === '本年处理决定数量')
    expect(decisions?.colSpan).toBe(3)
  })
})
