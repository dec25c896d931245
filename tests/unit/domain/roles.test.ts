import { describe, expect, it } from 'vitest'
import { gov2019, gov2021, rowByRole } from '../../../src/domain'

describe('rows found by their role in the format data', () => {
  it('the regulations row of table 二 in both formats', () => {
    for (const format of [gov2019, gov2021]) {
      const row = rowByRole(format, 'regulations')!
      expect(row.tableKey).toBe('t2')
      expect(row.label).toBe('规章')
      expect(row.cells.every((c) => c.id.startsWith('t2.regulations.'))).toBe(true)
    }
    expect(rowByRole(gov2021, 'regulations')!.cells.map((c) => c.id)).toEqual([
      't2.regulations.issued',
      't2.regulations.repealed',
      't2.regulations.inForce',
    ])
  })

  it('（六）其他处理: a group of three rows in 2021, one row in 2019', () => {
    const six2021 = rowByRole(gov2021, 'otherHandling')!
    expect(six2021.label).toBe('（六）其他处理')
    // 3 rows × 7 applicant columns
    expect(six2021.cells).toHaveLength(21)
    expect(new Set(six2021.cells.map((c) => c.rowLabels.at(-1)))).toEqual(
      new Set([
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '3.其他',
      ]),
    )
    expect(rowByRole(gov2019, 'otherHandling')!.cells).toHaveLength(7)
  })

  it('names a nested row with its group, a group by its own label', () => {
    expect(rowByRole(gov2021, 'unableNotHeld')!.name).toBe(
      '（四）无法提供 1.本机关不掌握相关政府信息',
    )
    expect(rowByRole(gov2021, 'withheldInquiry')!.name).toBe('（三）不予公开 8.属于行政查询事项')
    const notProcessed = rowByRole(gov2021, 'notProcessed')!
    expect(notProcessed.name).toBe('（五）不予处理')
    expect(notProcessed.cells.filter((c) => c.isTotal).map((c) => c.id)).toEqual([
      't3.notProcessed.petition.total',
      't3.notProcessed.repeated.total',
      't3.notProcessed.publication.total',
      't3.notProcessed.massRepeated.total',
      't3.notProcessed.confirmation.total',
    ])
  })
})
